// End-to-end timings in the real extension host, reported with the results (measured, not asserted).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { HOVER_MEASURE } from '../../src/extension/hover/hoverTiming';
import type { ConvView } from '../../src/protocol/messages';
import { note } from '../host/mochaRun';
import { bigSpecInput, bigSpecText, discardUnsavedDocuments, openText, select, selectAll } from './support';
import { providerTiming, timed } from './timing';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('timings (reported, not asserted)', () => {
  // Leave nothing unsaved: the UI suites' workbench would restore it and ask whether to save it.
  afterEach(discardUnsavedDocuments);

  it('seed example: command to view, warm', async function () {
    const editor = await openText('{"input": [[1,2,3],[4,5,6],[7,8,9]], "kernel": [[1,2],[3,4]]}');
    selectAll(editor);
    const runs: number[] = [];
    for (let i = 0; i < 7; i++)
      runs.push((await timed(() => vscode.commands.executeCommand('convlens.convolveSelection'))).ms);
    note(
      this.test,
      `seed: first ${runs[0].toFixed(1)} ms, warm median ${median(runs.slice(1)).toFixed(1)} ms (target < 150 ms to a rendered panel)`,
    );
  });

  it('512x512 input, 5x5 kernel: command to view', async function () {
    const text = bigSpecText(512, 5);
    const editor = await openText(text);
    selectAll(editor);
    const first = await timed(() => vscode.commands.executeCommand<{ view?: ConvView }>('convlens.convolveSelection'));
    assert.strictEqual(first.value.view?.geometry.output.height, 508);
    const second = await timed(() => vscode.commands.executeCommand('convlens.convolveSelection'));
    note(
      this.test,
      `512x512 k5 (${(text.length / 1e6).toFixed(1)} MB of JSON): ${first.ms.toFixed(0)} ms, again ${second.ms.toFixed(0)} ms (target < 1 s)`,
    );
  });

  it('hover in a 5 MB JSON file', async function () {
    const text = bigSpecText(860, 3);
    const times = await hoverTimes(await openText(text), text.length / 2);
    note(
      this.test,
      `${(text.length / 1e6).toFixed(1)} MB JSON: ${times} (target < 30 ms; executeHoverProvider includes VS Code's JSON language server)`,
    );
  });

  it('hover in a 5 MB Python file (ConvLens its only hover provider)', async function () {
    const text = `spec = ${bigSpecText(860, 3)}`;
    const times = await hoverTimes(await openText(text, 'python'), text.length / 2);
    note(this.test, `${(text.length / 1e6).toFixed(1)} MB Python: ${times} (target < 30 ms)`);
  });
});

/** The first line of the hover on row `i` of bigSpecText(860, k): its length, smallest and largest value. */
function rowHoverTitle(i: number): string {
  const row = Array.from({ length: 860 }, (_, j) => bigSpecInput(i, j));
  return `**ConvLens** · list 860 · min ${Math.min(...row)} · max ${Math.max(...row)}`;
}

/**
 * Hovers in a freshly opened document: first near `middle` (a row of the input), again 40 characters on (the same
 * row: from the cache) and on another row (found and described anew). Reports ConvLens's own time and the total
 * of executeHoverProvider, which runs every provider registered for the language.
 */
async function hoverTimes(editor: vscode.TextEditor, middle: number): Promise<string> {
  const document = editor.document;
  const hoverAt = async (offset: number, cached: boolean) => {
    const position = document.positionAt(Math.floor(offset));
    performance.clearMeasures(HOVER_MEASURE);
    const total = await timed(() =>
      vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
    );
    const text = total.value
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.ok(text.includes(rowHoverTitle(position.line - 1)), text); // line 0 opens the spec, row i is line i + 1
    const ours = providerTiming();
    assert.strictEqual(ours.cached, cached);
    return `${ours.ms.toFixed(1)} ms ours / ${total.ms.toFixed(0)} ms total`;
  };
  const first = await hoverAt(middle, false);
  const again = await hoverAt(middle + 40, true);
  const otherRow = await hoverAt(middle + 60_000, false);
  select(editor, new vscode.Range(document.positionAt(0), document.positionAt(0)));
  return `first hover ${first}, same row ${again}, another row ${otherRow}`;
}
