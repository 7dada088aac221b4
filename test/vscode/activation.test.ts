// The extension loads in a real VS Code and its basics are wired up.
import * as assert from 'assert';
import * as vscode from 'vscode';

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
    assert.deepStrictEqual(JSON.parse(editor.document.getText()).kernel, [[1, 2], [3, 4]]);
  });
});
