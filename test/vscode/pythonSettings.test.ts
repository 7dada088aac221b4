// Each of ConvLens's PyTorch features goes when its setting is false and comes back when it is true, read through
// VS Code's own pipelines (hover, inlay hint, diagnostics and code lens providers) on one small model. The editor
// keeps the hints and lenses it has drawn until their provider says they changed, so the switch must say so too. The
// shapes and the message are PyTorch's (torch 1.13 on the same layers), written here by hand.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { InputShapes } from '../../src/extension/python/inputShapes';
import { LayerLensProvider } from '../../src/extension/python/layerLensProvider';
import { PythonSources } from '../../src/extension/python/pythonSources';
import { ShapeHintsProvider } from '../../src/extension/python/shapeHintsProvider';
import { convlensExtension, hoverText, openText, rangeOf, until } from './support';

// Conv2d(3, 8, 3) on 1x3x32x32 gives 1x8x30x30; Conv2d(4, ...) then gets 8 channels where it expects 4.
const MODEL = [
  'import torch.nn as nn',
  '',
  '# convlens: input 1x3x32x32',
  'net = nn.Sequential(',
  '    nn.Conv2d(3, 8, 3),',
  '    nn.Conv2d(4, 8, 3),',
  ')',
  '',
].join('\n');

const config = () => vscode.workspace.getConfiguration('convlens');
const set = (name: string, value: boolean | undefined) =>
  config().update(name, value, vscode.ConfigurationTarget.Global);

/** Switches `python.<name>`, waiting for `changed` to fire: the editor then asks the provider again. */
async function switchHeard(changed: vscode.Event<void>, name: string, value: boolean): Promise<void> {
  let heard = false;
  const listener = changed(() => (heard = true));
  try {
    await set(`python.${name}`, value);
    await until(() => heard, `the editor to be told to ask again for ${name}`);
  } finally {
    listener.dispose();
  }
}

describe('settings: each PyTorch feature goes with its setting and comes back', () => {
  let editor: vscode.TextEditor;
  const uri = () => editor.document.uri;
  // Providers as ConvLens registers them, to hear when they tell the editor to ask again.
  let sources: PythonSources;
  const inputs = new InputShapes({ keys: () => [], get: () => undefined, update: async () => undefined });

  before(async () => {
    editor = await openText(MODEL, 'python');
    sources = new PythonSources(convlensExtension().extensionPath);
  });

  afterEach(async () => {
    for (const name of ['hovers', 'inlayHints', 'diagnostics', 'codeLens']) await set(`python.${name}`, undefined);
  });

  after(async () => {
    sources.dispose();
    inputs.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const hover = () => hoverText(uri(), rangeOf(editor, 'Conv2d(3').start.translate(0, 2));
  const hints = async () =>
    (
      await vscode.commands.executeCommand<vscode.InlayHint[]>(
        'vscode.executeInlayHintProvider',
        uri(),
        new vscode.Range(0, 0, editor.document.lineCount, 0),
      )
    )
      .map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')))
      .filter((label) => label.startsWith('→'));
  const diagnostics = () => vscode.languages.getDiagnostics(uri()).filter((d) => d.source === 'convlens');
  const lenses = async () =>
    (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri()))
      .map((l) => l.command?.title)
      .filter((title) => title === 'Open in ConvLens');

  it('python.hovers', async () => {
    assert.match(await hover(), /input 1×3×32×32 → output \*\*1×8×30×30\*\*/);
    await set('python.hovers', false);
    assert.doesNotMatch(await hover(), /ConvLens/);
    await set('python.hovers', true);
    assert.match(await hover(), /input 1×3×32×32 → output \*\*1×8×30×30\*\*/);
  });

  it('python.inlayHints', async () => {
    const changed = new ShapeHintsProvider(sources, inputs).onDidChangeInlayHints;
    assert.deepStrictEqual(await hints(), ['→ 8×30×30']);
    await switchHeard(changed, 'inlayHints', false);
    assert.deepStrictEqual(await hints(), []);
    await switchHeard(changed, 'inlayHints', true);
    assert.deepStrictEqual(await hints(), ['→ 8×30×30']);
  });

  it('python.diagnostics', async () => {
    const expected =
      'Given groups=1, weight of size [8, 4, 3, 3], expected input[1, 8, 30, 30] to have 4 channels, but got 8 channels instead';
    await until(() => diagnostics().length === 1, 'the diagnostic');
    assert.strictEqual(diagnostics()[0].message, expected);
    await set('python.diagnostics', false);
    await until(() => diagnostics().length === 0, 'the diagnostic to go');
    await set('python.diagnostics', true);
    await until(() => diagnostics().length === 1, 'the diagnostic to come back');
    assert.strictEqual(diagnostics()[0].message, expected);
  });

  it('python.codeLens', async () => {
    const changed = new LayerLensProvider(sources, inputs).onDidChangeCodeLenses;
    assert.deepStrictEqual(await lenses(), ['Open in ConvLens', 'Open in ConvLens']);
    await switchHeard(changed, 'codeLens', false);
    assert.deepStrictEqual(await lenses(), []);
    await switchHeard(changed, 'codeLens', true);
    assert.deepStrictEqual(await lenses(), ['Open in ConvLens', 'Open in ConvLens']);
  });
});
