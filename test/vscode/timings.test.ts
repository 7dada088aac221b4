// End-to-end timings in the real extension host, reported with the results (measured, not asserted).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { note } from '../host/mochaRun';
import { select, selectAll } from './support';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed<T>(run: () => Thenable<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** A JSON spec with an n x n input of short decimals and a k x k kernel; about 6.5 characters a cell. */
function bigSpecText(n: number, k: number): string {
  const rows = Array.from({ length: n }, (_, i) => `[${Array.from({ length: n }, (_, j) => ((i * 31 + j * 17) % 1000) / 1000).join(', ')}]`);
  const kernel = Array.from({ length: k }, (_, i) => `[${Array.from({ length: k }, (_, j) => i - j).join(', ')}]`);
  return `{"input": [\n${rows.join(',\n')}\n], "kernel": [${kernel.join(', ')}]}\n`;
}

async function openText(content: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'json', content }));
}

describe('timings (reported, not asserted)', () => {
  // The generated documents are untitled and dirty: revert them, or the UI suite's workbench restores megabytes.
  afterEach(async () => {
    while (vscode.window.activeTextEditor?.document.isUntitled) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('seed example: command to view, warm', async function () {
    const editor = await openText('{"input": [[1,2,3],[4,5,6],[7,8,9]], "kernel": [[1,2],[3,4]]}');
    selectAll(editor);
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) runs.push((await timed(() => vscode.commands.executeCommand('convlens.convolveSelection'))).ms);
    note(this.test, `seed: first ${runs[0].toFixed(1)} ms, warm median ${median(runs.slice(1)).toFixed(1)} ms (target < 150 ms to a rendered panel)`);
  });

  it('512x512 input, 5x5 kernel: command to view', async function () {
    const text = bigSpecText(512, 5);
    const editor = await openText(text);
    selectAll(editor);
    const first = await timed(() => vscode.commands.executeCommand<{ view?: { output: { height: number } } }>('convlens.convolveSelection'));
    assert.strictEqual(first.value.view?.output.height, 508);
    const second = await timed(() => vscode.commands.executeCommand('convlens.convolveSelection'));
    note(this.test, `512x512 k5 (${(text.length / 1e6).toFixed(1)} MB of JSON): ${first.ms.toFixed(0)} ms, again ${second.ms.toFixed(0)} ms (target < 1 s)`);
  });

  it('hover in a 5 MB JSON file', async function () {
    const text = bigSpecText(860, 3);
    const editor = await openText(text);
    const document = editor.document;
    const at = (offset: number) => document.positionAt(offset);
    const hover = (offset: number) => timed(() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at(offset)));
    const first = await hover(Math.floor(text.length / 2));
    const again = await hover(Math.floor(text.length / 2) + 40);
    select(editor, new vscode.Range(at(0), at(0)));
    note(this.test, `${(text.length / 1e6).toFixed(1)} MB: first hover ${first.ms.toFixed(0)} ms, next ${again.ms.toFixed(0)} ms (target < 30 ms); ${first.value.length} hover(s)`);
  });
});
