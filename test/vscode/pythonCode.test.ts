// ConvLens in PyTorch code, through VS Code's own pipelines: hovers (vscode.executeHoverProvider), inlay hints,
// diagnostics and their quick fixes, and the lens that opens a layer in the panel, on the hand-written model files
// in test/fixtures/models. Expected shapes and messages are PyTorch's (torch 1.13 run on the same layers), written
// here by hand.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { compute } from '../../src/engine';
import type { ConvView } from '../../src/protocol/messages';
import { problemOf } from '../../src/view/problem';
import { note } from '../host/mochaRun';
import { loadGoldenShapes, loadLenetHints, repoRoot } from '../support/golden';
import { NdTensor, referenceConvTransposeNd } from '../support/referenceNd';
import { discardUnsavedDocuments, hoverText, openText, until } from './support';

const modelFile = (name: string): vscode.Uri =>
  vscode.Uri.file(path.join(repoRoot, 'test', 'fixtures', 'models', name));

async function openModel(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(modelFile(name));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** The position of the `occurrence`-th `text` in `document`, `into` characters in. */
function at(document: vscode.TextDocument, text: string, into = 1, occurrence = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = document.getText().indexOf(text, offset + 1);
  assert.ok(offset >= 0, `${text} not in ${document.uri.path}`);
  return document.positionAt(offset + into);
}

const wholeDocument = (document: vscode.TextDocument) => new vscode.Range(0, 0, document.lineCount, 0);

async function inlayHints(document: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  return vscode.commands.executeCommand<vscode.InlayHint[]>(
    'vscode.executeInlayHintProvider',
    document.uri,
    wholeDocument(document),
  );
}

const labelOf = (hint: vscode.InlayHint): string =>
  typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');

/** Our hints, in document order, each with the text of the line it ends. */
async function shapeHints(document: vscode.TextDocument): Promise<{ label: string; line: string }[]> {
  const hints = (await inlayHints(document)).filter((h) => labelOf(h).includes('→ '));
  return hints
    .sort((a, b) => a.position.compareTo(b.position))
    .map((h) => ({ label: labelOf(h), line: document.lineAt(h.position.line).text.trim() }));
}

async function convlensDiagnostics(uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'convlens');
  await until(() => ours().length >= count, `${count} ConvLens diagnostics on ${uri.path}`);
  return ours();
}

/** What `convlens.open` returns for a spec value (src/extension/openSpec.ts). */
interface OpenOutcome {
  view?: ConvView;
  error?: string;
}

/** The spec a lens opens: nested lists and per-axis lists, as src/python/shapes/layerSpec.ts writes it. */
interface Spec {
  op: string;
  input: Nested;
  weight: Nested;
  stride: number[];
  padding: number[];
  dilation: number[];
  output_padding?: number[];
  groups: number;
  bias?: number[];
}
type Nested = number | Nested[];

function tensorOf(nested: Nested): NdTensor {
  const shape: number[] = [];
  for (let v = nested; Array.isArray(v); v = v[0]) shape.push(v.length);
  return { shape, data: (nested as number[]).flat(Infinity as 1) as number[] };
}

const ndParams = (spec: Spec) => ({
  stride: spec.stride,
  padding: spec.padding,
  dilation: spec.dilation,
  outputPadding: spec.output_padding ?? spec.stride.map(() => 0),
  groups: spec.groups,
  paddingMode: 'zeros' as const,
});

let scratch: string | undefined;
function scratchFolder(): string {
  if (!scratch) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-notebooks-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    scratch = dir;
  }
  return scratch;
}

/** A notebook as a `.ipynb` file holds it (nbformat 4): what VS Code's built-in Jupyter serializer reads. */
async function serialized(data: vscode.NotebookData): Promise<Uint8Array> {
  const cells = data.cells.map((cell) => ({
    cell_type: 'code',
    execution_count: null,
    metadata: {},
    outputs: [],
    source: cell.value.split(/(?<=\n)/),
  }));
  const notebook = { cells, metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 };
  return new TextEncoder().encode(JSON.stringify(notebook, null, 1));
}

describe('PyTorch code', () => {
  afterEach(discardUnsavedDocuments);

  it("a layer's setting shows the layer's hover, not a preview of its list; a weight written as a literal keeps its preview", async () => {
    const editor = await openText(
      [
        'import torch',
        'import torch.nn as nn',
        'import torch.nn.functional as F',
        'net = nn.Sequential(nn.Conv2d(1, 1, kernel_size=[2, 3]))',
        'y = F.conv2d(torch.zeros(1, 1, 4, 4), torch.tensor([[[[1.0, 2.0], [3.0, 4.0]]]]))',
        '',
      ].join('\n'),
      'python',
    );
    const setting = await hoverText(editor.document.uri, at(editor.document, '[2, 3]', 1));
    assert.ok(setting.includes('kernel_size=(2, 3)'), setting);
    assert.ok(!setting.includes('list 2'), setting);
    const weight = await hoverText(editor.document.uri, at(editor.document, '[[[[1.0', 4));
    assert.ok(weight.includes('array 1×1×2×2'), weight);
  });

  it('a hover on a Conv2d in a Sequential: the shape in and out, the formula simplified and with numbers', async function () {
    const document = await openModel('small_cnn.py');
    const started = performance.now();
    const text = await hoverText(document.uri, at(document, 'nn.Conv2d(3', 4));
    const first = performance.now() - started;
    const again = performance.now();
    await hoverText(document.uri, at(document, 'nn.Conv2d(CHANNELS[0]', 4));
    // Reported, not asserted: the first hover may load the parser, and the machine is shared.
    note(
      this.test,
      `hovers (all providers): first ${first.toFixed(0)} ms, next ${(performance.now() - again).toFixed(0)} ms`,
    );
    // torch: Conv2d(3, 16, 3, padding=1) on 1x3x32x32 gives 1x16x32x32.
    assert.ok(text.includes('`Conv2d` · input 1×3×32×32 → output **1×16×32×32**'), text);
    assert.ok(text.includes('in_channels=3, out_channels=16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)'), text);
    // floor((H_in + 2*1 - 1*(3 - 1) - 1) / 1) + 1 = H_in
    assert.ok(text.includes('simplified: `H_out = H_in`'), text);
    assert.ok(text.includes('here: `H_out = floor((32 + 2*1 - 1*(3 - 1) - 1) / 1) + 1 = 32`'), text);
    // 16*3*3*3 weights + 16 biases
    assert.ok(text.includes('weight 16×3×3×3 · **448 parameters**'), text);
  });

  it('inlay hints: the shape after every step of a Sequential, batch left out', async () => {
    const document = await openModel('small_cnn.py');
    const hints = await shapeHints(document);
    // torch, step by step on 1x3x32x32.
    assert.deepStrictEqual(
      hints.map((h) => h.label),
      ['→ 16×32×32', '→ 16×32×32', '→ 16×32×32', '→ 16×16×16', '→ 32×16×16', '→ 32×16×16', '→ 32×4×4', '→ 512', '→ 10'],
    );
    assert.ok(hints[3].line.startsWith('nn.MaxPool2d(2)'), hints[3].line);
  });

  it('a 1-D audio model: the hints through strided Conv1d, pools with ceil_mode, an adaptive pool; a hover on Conv1d', async () => {
    const document = await openModel('audio_1d.py');
    const hints = await shapeHints(document);
    // torch, step by step on 8x1x16000.
    assert.deepStrictEqual(
      hints.map((h) => h.label),
      ['→ 32×996', '→ 32×996', '→ 32×996', '→ 32×249', '→ 64×249', '→ 64×249', '→ 64×63', '→ 64×1', '→ 64', '→ 35'],
    );
    const text = await hoverText(document.uri, at(document, 'torch.nn.Conv1d(1, 32', 10));
    // torch: Conv1d(1, 32, 80, stride=16) on 8x1x16000 gives 8x32x996.
    assert.ok(text.includes('input 8×1×16000 → output **8×32×996**'), text);
  });

  it('a model whose layers are set in __init__ and applied in forward: a hint per line, naming its steps', async () => {
    const document = await openModel('lenet.py');
    const hints = await inlayHints(document);
    const ours = hints.filter((h) => labelOf(h).includes('→ ')).sort((a, b) => a.position.compareTo(b.position));
    // torch, applying forward's steps one by one on 1x1x32x32 (lenet.hints.json, which the unit test reads too).
    const expected = loadLenetHints();
    assert.deepStrictEqual(
      ours.map((h) => [document.lineAt(h.position.line).text.trim(), labelOf(h)]),
      expected.hints,
    );
    // Each hint sits at the end of its line, and a line's steps are in its tooltip.
    for (const hint of ours)
      assert.strictEqual(hint.position.character, document.lineAt(hint.position.line).text.length);
    assert.strictEqual(ours[0].tooltip, expected.firstTooltip);
  });

  it('a Sequential of a list built in a loop: one hint per layer with its passes; its hover gives every pass', async () => {
    const document = await openModel('sequential_loop.py');
    const hints = await shapeHints(document);
    // torch, StackNet built from the fixture and run on 2x3x64x64 (golden_shapes.py): every module's output in order.
    const torch = loadGoldenShapes().models.find((m) => m.file === 'sequential_loop.py')!.shapes;
    const sizes = (shape: number[]) => shape.slice(1).join('×');
    const label = (shape: number[]) => `→ ${sizes(shape)}`;
    const loopLines = [
      'layers.append(nn.Conv2d(CHANNELS[i], CHANNELS[i + 1], kernel_size=3, padding=1))',
      'layers.append(nn.BatchNorm2d(CHANNELS[i + 1]))',
      'layers.append(nn.ReLU(inplace=True))',
      'layers.append(nn.MaxPool2d(2))',
    ];
    assert.deepStrictEqual(
      hints.map((h) => [h.line, h.label]),
      [
        ...loopLines.map((line, l) => [line, `3 passes → ${[0, 1, 2].map((p) => sizes(torch[p * 4 + l])).join(', ')}`]),
        ['x = self.pool(x)', label(torch[12])],
        ['x = self.flatten(x)', label(torch[13])],
        ['return self.head(x)', label(torch[14])],
      ],
    );
    // The hover on the conv in the loop: each pass, CHANNELS[p] -> CHANNELS[p + 1] on what the pass before gave.
    const text = await hoverText(document.uri, at(document, 'nn.Conv2d(CHANNELS[i]', 4));
    assert.ok(text.includes('**3 passes** of a loop'), text);
    assert.ok(text.includes(`pass 1: input 2×3×64×64 → output **${torch[0].join('×')}**`), text);
    assert.ok(text.includes(`pass 2: input ${torch[3].join('×')} → output **${torch[4].join('×')}**`), text);
    assert.ok(text.includes(`pass 3: input ${torch[7].join('×')} → output **${torch[8].join('×')}**`), text);
  });

  it('a Sequential of a list ConvLens cannot follow: no hints, and its hover says why and where', async () => {
    const editor = await openText(
      'import torch.nn as nn\n\nlayers = [nn.Conv2d(3, 8, 3)]\nif DEEP:\n    layers.append(nn.ReLU())\n\n# convlens: input 1x3x16x16\nnet = nn.Sequential(*layers)\n',
      'python',
    );
    const { document } = editor;
    const text = (await hoverText(document.uri, at(document, '*layers', 2))).replace(/\\/g, ''); // Markdown escapes
    assert.ok(text.includes('is changed by') && text.includes('if DEEP:') && text.includes('(line 4)'), text);
    assert.deepStrictEqual(await shapeHints(document), []);
  });

  it("a Conv2d given the wrong channels: PyTorch's message on in_channels, and its fix edits the argument", async () => {
    const editor = await openText(
      'import torch.nn as nn\n\n# convlens: input 1x3x32x32\nnet = nn.Sequential(\n    nn.Conv2d(1, 8, 3),\n    nn.ReLU(),\n)\n',
      'python',
    );
    const { document } = editor;
    const [diagnostic] = await convlensDiagnostics(document.uri, 1);
    // torch 1.13's message for this input.
    assert.strictEqual(
      diagnostic.message,
      'Given groups=1, weight of size [8, 1, 3, 3], expected input[1, 3, 32, 32] to have 1 channels, but got 3 channels instead',
    );
    assert.strictEqual(document.getText(diagnostic.range), '1');
    assert.strictEqual(diagnostic.range.start.line, 4);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith('Set in_channels to 3'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join('; '));
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(document.getText().includes('    nn.Conv2d(3, 8, 3),\n'), document.getText());
    await until(
      () => vscode.languages.getDiagnostics(document.uri).every((d) => d.source !== 'convlens'),
      'no diagnostic after the fix',
    );
  });

  it('a ConvTranspose2d that misses its # convlens: output: the sizes, the fix that reaches them, then output_size runs', async () => {
    const text = fs.readFileSync(modelFile('upsampler.py').fsPath, 'utf8');
    const editor = await openText(text, 'python');
    const { document } = editor;
    const diagnostics = await convlensDiagnostics(document.uri, 2);
    // torch: up1(x, output_size=(32, 32)) gives 32x32; up2 then gives (32 - 1)*2 - 2 + 3 = 63; up3 refuses 128.
    assert.deepStrictEqual(
      diagnostics.map((d) => [document.getText(d.range), d.message]),
      [
        [
          'nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1)',
          'ConvTranspose2d turns 32×32 into 63×63, but its comment asks for 64×64',
        ],
        [
          '[1, 8, 128, 128]',
          'requested an output size of [128, 128], but valid sizes range from [126, 126] to [127, 127] (for an input of torch.Size([63, 63]))',
        ],
      ],
    );
    assert.deepStrictEqual(
      (await shapeHints(document)).map((h) => h.label),
      ['→ 32×32×32', '→ 16×63×63'],
    );
    const hover = await hoverText(document.uri, at(document, 'nn.ConvTranspose2d(32', 4));
    assert.ok(hover.includes('- H: 32 → 64 with `padding=1, output_padding=1`'), hover);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostics[0].range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.deepStrictEqual(
      actions.filter((a) => a.title.startsWith('Set ')).map((a) => [a.title, a.isPreferred]),
      [['Set output_padding to 1 (output 64×64)', true]],
    );
    assert.ok(await vscode.workspace.applyEdit(actions.find((a) => a.title.startsWith('Set '))!.edit!));
    assert.ok(
      document.getText().includes('nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1, output_padding=1)  # convlens'),
      document.getText(),
    );
    await until(
      () => vscode.languages.getDiagnostics(document.uri).every((d) => d.source !== 'convlens'),
      'no diagnostic after the fix',
    );
    // torch, with up2's output_padding=1: 64x64, and up3 given 128x128 picks output_padding 0.
    assert.deepStrictEqual(
      (await shapeHints(document)).map((h) => h.label),
      ['→ 32×32×32', '→ 16×64×64', '→ 8×128×128', '→ 1×128×128'],
    );
  });

  it("a Linear after Flatten with the wrong in_features: PyTorch's message, and the fix", async () => {
    const editor = await openText(
      'from torch import nn\n\n# convlens: input 1x3x32x32\nnet = nn.Sequential(nn.Conv2d(3, 8, 3), nn.Flatten(), nn.Linear(100, 10))\n',
      'python',
    );
    const { document } = editor;
    const [diagnostic] = await convlensDiagnostics(document.uri, 1);
    // torch: 8 x 30 x 30 = 7200 features reach the Linear.
    assert.strictEqual(diagnostic.message, 'mat1 and mat2 shapes cannot be multiplied (1x7200 and 100x10)');
    assert.strictEqual(document.getText(diagnostic.range), '100');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith('Set in_features to 7200'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join('; '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(document.getText().includes('nn.Linear(7200, 10)'), document.getText());
  });

  it('the lens "Open in ConvLens" on a ConvTranspose2d opens its geometry in the panel; the output is the reference', async () => {
    const document = await openModel('unet_decoder.py');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
    );
    const line = at(document, 'nn.ConvTranspose2d(128, 64, 4, 2, 1)').line;
    const lens = lenses.find((l) => l.range.start.line === line && l.command?.title === 'Open in ConvLens');
    assert.ok(lens?.command, lenses.map((l) => `${l.range.start.line}: ${l.command?.title}`).join('; '));
    const outcome = await vscode.commands.executeCommand<OpenOutcome>(
      lens.command.command,
      ...(lens.command.arguments ?? []),
    );
    assert.ok(outcome.view, JSON.stringify(outcome));
    const { spec, view } = { spec: lens.command.arguments?.[0].spec as Spec, view: outcome.view };
    // The layer's own geometry: kernel 4, stride 2, padding 1, on a sample input of one channel.
    assert.strictEqual(spec.op, 'conv_transpose2d');
    assert.deepStrictEqual(
      [spec.stride, spec.padding, spec.dilation, spec.output_padding],
      [
        [2, 2],
        [1, 1],
        [1, 1],
        [0, 0],
      ],
    );
    const expected = referenceConvTransposeNd(
      tensorOf(spec.input),
      tensorOf(spec.weight),
      spec.bias ?? null,
      ndParams(spec),
    );
    // The view carries the numbers; its output is what the panel and a copy compute from them.
    const { output } = compute(problemOf(view));
    assert.deepStrictEqual([output.channels, output.height, output.width], expected.shape);
    assert.deepStrictEqual(Array.from(output.data), expected.data);
  });

  it('the code action "Open in ConvLens": the lens\'s command on a layer\'s call, not off it, whatever the lens setting', async () => {
    const document = await openModel('unet_decoder.py');
    const actionsAt = async (position: vscode.Position) =>
      (
        await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          document.uri,
          new vscode.Range(position, position),
        )
      ).filter((a) => a.title.startsWith('Open in ConvLens'));
    const layer = at(document, 'nn.ConvTranspose2d(128, 64, 4, 2, 1)', 20);
    const [action] = await actionsAt(layer);
    assert.ok(action?.command, 'no "Open in ConvLens" action on the ConvTranspose2d');
    assert.strictEqual(action.title, 'Open in ConvLens: ConvTranspose2d');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
    );
    const lens = lenses.find((l) => l.range.start.line === layer.line && l.command?.title === 'Open in ConvLens');
    assert.deepStrictEqual(
      [action.command.command, action.command.arguments],
      [lens?.command?.command, lens?.command?.arguments],
    );
    const outcome = await vscode.commands.executeCommand<OpenOutcome>(
      action.command.command,
      ...(action.command.arguments ?? []),
    );
    assert.ok(outcome.view, JSON.stringify(outcome));
    const spec = action.command.arguments?.[0].spec as Spec;
    const expected = referenceConvTransposeNd(
      tensorOf(spec.input),
      tensorOf(spec.weight),
      spec.bias ?? null,
      ndParams(spec),
    );
    assert.deepStrictEqual(Array.from(compute(problemOf(outcome.view)).output.data), expected.data);
    // Only on a recognised convolution: not on an Upsample, a class line or a blank line.
    for (const off of [at(document, 'nn.Upsample(', 4), at(document, 'class Decoder', 2), new vscode.Position(3, 0)])
      assert.deepStrictEqual(await actionsAt(off), [], `line ${off.line + 1}`);
    // The lens setting turns the lenses off, not the action.
    const config = vscode.workspace.getConfiguration('convlens');
    await config.update('python.codeLens', false, vscode.ConfigurationTarget.Global);
    try {
      const none = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        document.uri,
      );
      assert.deepStrictEqual(
        none.filter((l) => l.command?.title === 'Open in ConvLens'),
        [],
      );
      assert.strictEqual((await actionsAt(layer)).length, 1);
    } finally {
      await config.update('python.codeLens', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a notebook: cells read as one program, with the hints, hover and diagnostics in the cells', async () => {
    const cells = [
      'import torch.nn as nn\nCHANNELS = 8',
      '%matplotlib inline\n# convlens: input 1x3x28x28\nnet = nn.Sequential(\n    nn.Conv2d(3, CHANNELS, 5),\n    nn.MaxPool2d(2),\n    nn.Conv2d(4, 16, 3),\n)',
    ];
    const data = new vscode.NotebookData(
      cells.map((text) => new vscode.NotebookCellData(vscode.NotebookCellKind.Code, text, 'python')),
    );
    const uri = vscode.Uri.file(path.join(scratchFolder(), 'model.ipynb'));
    await vscode.workspace.fs.writeFile(uri, await serialized(data));
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    assert.strictEqual(notebook.notebookType, 'jupyter-notebook');
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(1).document;
    assert.strictEqual(cell.uri.scheme, 'vscode-notebook-cell');
    // torch: 28 -> conv 5 -> 24 -> pool 2 -> 12; the second conv wants 4 channels and gets 8.
    const hints = await shapeHints(cell);
    assert.deepStrictEqual(
      hints.map((h) => h.label),
      ['→ 8×24×24', '→ 8×12×12'],
    );
    const text = await hoverText(cell.uri, at(cell, 'nn.Conv2d(3', 4));
    assert.ok(text.includes('in_channels=3, out_channels=8, kernel_size=(5, 5)'), text);
    assert.ok(text.includes('input 1×3×28×28 → output **1×8×24×24**'), text);
    const [diagnostic] = await convlensDiagnostics(cell.uri, 1);
    assert.strictEqual(
      diagnostic.message,
      'Given groups=1, weight of size [16, 4, 3, 3], expected input[1, 8, 12, 12] to have 4 channels, but got 8 channels instead',
    );
    assert.strictEqual(cell.getText(diagnostic.range), '4');
  });

  it("a BatchNorm2d with the wrong num_features: PyTorch's message, and the fix", async () => {
    const { document } = await openText(
      'import torch.nn as nn\n\n# convlens: input 2x3x16x16\nnet = nn.Sequential(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(num_features=16))\n',
      'python',
    );
    const [diagnostic] = await convlensDiagnostics(document.uri, 1);
    // torch 1.13's message for BatchNorm2d(16) on 2x8x14x14.
    assert.strictEqual(diagnostic.message, 'running_mean should contain 8 elements not 16');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith('Set num_features to 8'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join('; '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(document.getText().includes('nn.BatchNorm2d(num_features=8)'), document.getText());
  });
});
