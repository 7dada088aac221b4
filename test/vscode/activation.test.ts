// The extension loads in a real VS Code and its basics are wired up.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { HOVER_MEASURE } from '../../src/extension/hover/hoverTiming';
import type { ConvView } from '../../src/protocol/messages';
import { note } from '../host/mochaRun';
import { hoverText, openExample, rangeOf, resultsOf, selectAll, values } from './support';
import { providerTiming, timed } from './timing';

const EXTENSION_ID = 'convlens.convlens';

describe('activation', () => {
  it('runs in VS Code 1.139', () => {
    assert.match(vscode.version, /^1\.139\./);
  });

  it('activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('registers convlens.convolveSelection', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('convlens.convolveSelection'));
  });

  it('opens a file from the examples workspace', async () => {
    const [seed] = await vscode.workspace.findFiles('seed.json');
    assert.ok(seed, 'examples/seed.json not found in the workspace');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seed));
    assert.strictEqual(vscode.window.activeTextEditor, editor);
    assert.deepStrictEqual(JSON.parse(editor.document.getText()).kernel, [
      [1, 2],
      [3, 4],
    ]);
  });

  // Here, before any other suite computes anything, so the first hover and command are the session's first.
  it('first spec hover and first command, a second after activation (reported)', async function () {
    // A user's first hover comes a while after the file that activated ConvLens opened; the warm-up runs then.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const editor = await openExample('seed.json');
    performance.clearMeasures(HOVER_MEASURE);
    const hover = await timed(() => hoverText(editor.document.uri, rangeOf(editor, '[4,5,6]').start));
    assert.ok(hover.value.includes('[[37 47]\n [67 77]]'), hover.value);
    const ours = providerTiming();
    selectAll(editor);
    const command = await timed(() =>
      vscode.commands.executeCommand<{ view?: ConvView }>('convlens.convolveSelection'),
    );
    assert.ok(command.value.view, 'the command showed no view');
    assert.deepStrictEqual(values(resultsOf(command.value.view).output.data), [37, 47, 67, 77]);
    note(
      this.test,
      `first spec hover: ${ours.ms.toFixed(1)} ms ours / ${hover.ms.toFixed(0)} ms total; first Convolve selection: ${command.ms.toFixed(0)} ms`,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
