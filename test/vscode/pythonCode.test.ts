// ConvLens in PyTorch code, through VS Code's own pipelines: hovers (vscode.executeHoverProvider), inlay hints,
// diagnostics and their quick fixes, and the lens that opens a layer in the panel, on the hand-written model files
// in test/fixtures/models. Expected shapes and messages are PyTorch's (torch 1.13 run on the same layers), written
// here by hand.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { repoRoot } from '../support/golden';
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
  const hints = (await inlayHints(document)).filter((h) => labelOf(h).startsWith('→'));
  return hints
    .sort((a, b) => a.position.compareTo(b.position))
    .map((h) => ({ label: labelOf(h), line: document.lineAt(h.position.line).text.trim() }));
}

async function convlensDiagnostics(uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'convlens');
  await until(() => ours().length >= count, `${count} ConvLens diagnostics on ${uri.path}`);
  return ours();
}

describe('PyTorch code', () => {
  afterEach(discardUnsavedDocuments);

  it('a hover on a Conv2d in a Sequential: the shape in and out, the formula simplified and with numbers', async () => {
    const document = await openModel('small_cnn.py');
    const text = await hoverText(document.uri, at(document, 'nn.Conv2d(3', 4));
    // torch: Conv2d(3, 16, 3, padding=1) on 1x3x32x32 gives 1x16x32x32.
    assert.ok(text.includes('`Conv2d` · input 1×3×32×32 → output **1×16×32×32**'), text);
    assert.ok(text.includes('in_channels=3, out_channels=16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)'), text);
    // floor((H_in + 2*1 - 1*(3 - 1) - 1) / 1) + 1 = H_in
    assert.ok(text.includes('simplified: `H_out = H_in`'), text);
    assert.ok(text.includes('here: `H_out = floor((32 + 2*1 - 1*(3 - 1) - 1) / 1) + 1 = 32`'), text);
    // 16*3*3*3 weights + 16 biases
    assert.ok(text.includes('weight 16×3×3×3 · **448 parameters** (432 weights + 16 biases)'), text);
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
});
