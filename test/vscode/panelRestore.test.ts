// Across a window reload: a large spec is kept as the text it came from (not posted to the page, which would be
// slow), and a revived panel computes that text again on the worker; a small spec is kept itself, with the place of
// its text, so the revived panel is titled as before and "Go to source" still selects that text.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ConvolveOutcome } from '../../src/extension/convolvePieces';
import { ConvLensPanel, Recompute } from '../../src/extension/panel';
import { readState, showMessage } from '../../src/extension/panel/keptState';
import { restoreView } from '../../src/extension/restoreView';
import { ViewSources } from '../../src/extension/viewSources';
import { ConvolveClient } from '../../src/extension/worker/convolveClient';
import { ConvView, MAX_KEPT_SPEC_CELLS, WebviewState } from '../../src/protocol/messages';
import {
  bigSpecInput,
  bigSpecKernel,
  bigSpecText,
  convlensExtension,
  copiedResults,
  openExample,
  selectAll,
  until,
} from './support';
import { SEED_SPEC } from '../support/seed';

/** ConvLens panels open in the window. */
const panelTabs = (): vscode.Tab[] =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('convlens.panel'));

/** Output (i, j) of bigSpecText(n, k): the textbook sum. */
function bigSpecOutput(i: number, j: number, k: number): number {
  let sum = 0;
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) sum += bigSpecInput(i + a, j + b) * bigSpecKernel(a, b);
  return sum;
}

/** Equal arrays, compared without asking assert for a diff of a hundred thousand numbers (which takes minutes). */
function assertSameValues(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.strictEqual(actual.length, expected.length, `${what}: length`);
  const at = Array.prototype.findIndex.call(actual, (value: number, i: number) => !Object.is(value, expected[i]));
  assert.strictEqual(at, -1, `${what}[${at}] is ${actual[at]}, expected ${expected[at]}`);
}

/** An outcome's error, short, for a failed assertion. */
const outcomeText = (outcome: object): string =>
  'error' in outcome ? JSON.stringify(outcome.error) : Object.keys(outcome).join(', ');

/** What VS Code stores of the page's state is JSON: what the serializer gets back after a reload. */
const afterReload = (keep: WebviewState): WebviewState => readState(JSON.parse(JSON.stringify(keep)));

describe('panel state across a reload', () => {
  const n = 300;
  const file = path.join(os.tmpdir(), `convlens-restore-${process.pid}.json`);
  const text = bigSpecText(n, 3);
  let worker: ConvolveClient;
  const revived: ConvLensPanel[] = [];
  // As extension.ts wires it: the restore path on a worker of its own (the extension's is not reachable from here).
  const sources = new ViewSources();
  const recompute: Recompute = async (kept) => {
    const restored = await restoreView(kept, worker);
    if (typeof restored === 'string') return restored;
    sources.remember(restored.view, restored.origin);
    return restored.view;
  };

  /** A panel VS Code would hand the serializer, taken over as after a reload; resolves once it shows a view. */
  async function revive(state: WebviewState): Promise<ConvLensPanel> {
    const webviewPanel = vscode.window.createWebviewPanel(
      ConvLensPanel.viewType,
      'restored',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {},
    );
    const panel = ConvLensPanel.revive(convlensExtension().extensionUri, webviewPanel, state, recompute, {});
    revived.push(panel);
    await until(() => panel.view !== undefined, 'the restored view', 60_000);
    await panel.whenReady();
    return panel;
  }

  before(() => {
    fs.writeFileSync(file, text);
    worker = new ConvolveClient(convlensExtension().extensionPath);
  });
  after(() => {
    worker.dispose();
    fs.rmSync(file, { force: true });
  });
  afterEach(async () => {
    for (const panel of revived.splice(0)) panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it(`a ${n}x${n} spec from a file: the panel shows it, the page keeps its origin, and reviving computes it again`, async () => {
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
    selectAll(editor);
    const outcome = await vscode.commands.executeCommand<ConvolveOutcome>('convlens.convolveSelection');
    assert.ok('view' in outcome, outcomeText(outcome));
    const { view, origin } = outcome;
    assert.deepStrictEqual([view.geometry.output.height, view.geometry.output.width], [n - 2, n - 2]);
    const results = await copiedResults(worker, view);
    assert.ok(Math.abs(results.output[(n - 2) * 7 + 11] - bigSpecOutput(7, 11, 3)) < 1e-12);
    await until(() => panelTabs().length === 1, 'the panel tab');

    const message = showMessage(view, { place: origin.place, origin: origin.recomputeFrom });
    assert.ok(!('spec' in message.view), 'the posted view carries no spec');
    assert.ok(view.spec, 'the host keeps the spec of its own view');
    assert.deepStrictEqual(Object.keys(message.keep), ['origin']);
    assert.deepStrictEqual(message.keep.origin, {
      uri: vscode.Uri.file(file).toString(),
      offset: 0,
      length: text.length,
    });

    const panel = await revive(afterReload(message.keep));
    const restored = panel.view!;
    assertSameValues(restored.input.data, view.input.data, 'restored input');
    const again = await copiedResults(worker, restored);
    assertSameValues(again.output, results.output, 'restored output');
    assertSameValues(again.reconstruction, results.reconstruction, 'restored reconstruction');
    assert.strictEqual(restored.source, view.source);
    assert.ok(
      editor.selection.isEqual(
        new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(text.length)),
      ),
      'the selection is untouched',
    );
  });

  it('a small spec is kept itself with its place: reviving computes it, titles it as before, and goes to its source', async () => {
    const editor = await openExample('seed.json');
    selectAll(editor);
    const outcome = await vscode.commands.executeCommand<ConvolveOutcome>('convlens.convolveSelection');
    assert.ok('view' in outcome, outcomeText(outcome));
    const { view, origin } = outcome;
    const seed = editor.document;
    const message = showMessage(view, { place: origin.place, origin: origin.recomputeFrom });
    assert.deepStrictEqual(message.keep, {
      place: { uri: seed.uri.toString(), offset: 0, length: seed.getText().trimEnd().length },
      spec: SEED_SPEC,
    });
    // After a reload the file is still open, but another editor has the focus.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openExample('strided-dilated.json');
    const panel = await revive(afterReload(message.keep));
    const restored = panel.view!;
    assert.deepStrictEqual(await copiedResults(worker, restored), {
      output: [37, 47, 67, 77],
      reconstruction: [37, 121, 94, 178, 500, 342, 201, 499, 308],
    });
    assert.strictEqual(restored.source, 'seed.json:1:1');

    const shown = await sources.reveal(restored);
    assert.ok(shown, 'Go to source revealed nothing');
    assert.strictEqual(vscode.window.activeTextEditor, shown);
    assert.strictEqual(shown.document.uri.toString(), seed.uri.toString());
    assert.ok(shown.selection.isEqual(new vscode.Selection(origin.range.start, origin.range.end)), 'the spec selected');
    assert.strictEqual(shown.document.getText(shown.selection), seed.getText().trimEnd());
  });

  it('a kept place whose file is gone restores the numbers, untitled and without a source', async () => {
    const gone = vscode.Uri.file(path.join(os.tmpdir(), `convlens-gone-${process.pid}.json`)).toString();
    const spec = { input: [[1, 2, 3]], kernel: [[1, 1]] };
    const restored = await restoreView({ spec, place: { uri: gone, offset: 0, length: 30 } }, worker);
    assert.ok(typeof restored !== 'string', String(restored));
    assert.deepStrictEqual((await copiedResults(worker, restored.view)).output, [3, 5]);
    assert.strictEqual(restored.view.source, 'restored');
    assert.strictEqual(restored.origin, undefined);
  });

  it('a large spec opened as a value keeps nothing', async () => {
    const input = Array.from({ length: 230 }, (_, i) => Array.from({ length: 230 }, (_, j) => bigSpecInput(i, j)));
    const outcome = await vscode.commands.executeCommand<{ view?: ConvView }>('convlens.open', {
      input,
      kernel: [[1]],
    });
    assert.ok(outcome.view);
    assert.ok(230 * 230 > MAX_KEPT_SPEC_CELLS);
    assert.deepStrictEqual(Object.keys(showMessage(outcome.view, undefined).keep), []);
  });

  it('a kept origin that no longer reads is a message for the panel, never a throw', async () => {
    const gone = vscode.Uri.file(path.join(os.tmpdir(), `convlens-gone-${process.pid}.json`)).toString();
    assert.match(
      await restoredMessage({ origin: { uri: gone, offset: 0, length: 10 } }),
      /^Could not open .*convlens-gone.*: run Convolve selection again\.$/,
    );
    assert.match(
      await restoredMessage({ origin: { uri: 'untitled:Untitled-4242', offset: 0, length: 10 } }),
      /no longer open/,
    );
    const uri = vscode.Uri.file(file).toString();
    assert.match(
      await restoredMessage({ origin: { uri, offset: 1, length: text.length } }),
      /is shorter than when this view was computed/,
    );
    // Inside the spec: whatever is there now is read, and its mistake named where it is.
    assert.match(
      await restoredMessage({ origin: { uri, offset: 1, length: 20 } }),
      /^convlens-restore-\d+\.json:\d+:\d+: /,
    );
  });

  async function restoredMessage(kept: WebviewState): Promise<string> {
    const restored = await restoreView(kept, worker);
    assert.strictEqual(typeof restored, 'string', 'a view was restored');
    return restored as string;
  }
});
