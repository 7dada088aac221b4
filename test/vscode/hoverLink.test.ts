// The hover's "Open in ConvLens panel" link: it carries where the spec is, and the click computes it from the text.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ConvView } from '../../src/protocol/messages';
import {
  bigSpecInput,
  bigSpecKernel,
  bigSpecText,
  discardUnsavedDocuments,
  openExample,
  openText,
  rangeOf,
  resultsOf,
  until,
  values,
} from './support';

/** `convlens.open`'s outcome for a literal (see src/extension/convolvePieces.ts). */
interface Outcome {
  view?: ConvView;
  origin?: { uri: vscode.Uri; range: vscode.Range };
  error?: { message: string; range: { offset: number; length: number } };
}

/** The target of the panel link in the hover at `position`: `command:convlens.open?…`. */
async function panelLink(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    position,
  );
  const markdown = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
  const link = /\[Open in ConvLens panel\]\((command:convlens\.open\?[^\s)]+)/.exec(markdown);
  assert.ok(link, markdown);
  return link[1];
}

/** Runs a command link as VS Code does: its query is a URI-encoded JSON array of the arguments. */
function runLink(link: string): Thenable<Outcome> {
  const [command, query] = link.slice('command:'.length).split('?');
  const args = JSON.parse(decodeURIComponent(query)) as unknown[];
  return vscode.commands.executeCommand<Outcome>(command, ...args);
}

/** ConvLens panels open in the window. */
const panelTabs = (): vscode.Tab[] =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('convlens.panel'));

describe('hover panel link', () => {
  // A file, not an untitled document: a new untitled one may reuse the last one's name before the host forgets it.
  const file = path.join(os.tmpdir(), `convlens-stale-${process.pid}.json`);
  const largeFile = path.join(os.tmpdir(), `convlens-large-${process.pid}.json`);
  after(() => {
    for (const f of [file, largeFile]) fs.rmSync(f, { force: true });
  });
  afterEach(async () => {
    // Revert what the tests typed, or the UI suite's workbench restores it.
    await discardUnsavedDocuments();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the seed spec from the text: the output, the source and its range, the selection untouched', async () => {
    const editor = await openExample('seed.json');
    const cursor = rangeOf(editor, '[7,8,9]').start;
    editor.selection = new vscode.Selection(cursor, cursor);
    const outcome = await runLink(await panelLink(editor.document, rangeOf(editor, '[4,5,6]').start));
    assert.ok(outcome.view, JSON.stringify(outcome.error));
    const { output } = resultsOf(outcome.view);
    assert.deepStrictEqual(values(output.data), [37, 47, 67, 77]);
    assert.strictEqual(outcome.view.source, 'seed.json:1:1');
    assert.ok(outcome.origin);
    assert.strictEqual(outcome.origin.uri.toString(), editor.document.uri.toString());
    assert.ok(
      outcome.origin.range.isEqual(rangeOf(editor, editor.document.getText().trimEnd())),
      JSON.stringify(outcome.origin.range),
    );
    assert.ok(
      editor.selection.isEqual(new vscode.Selection(cursor, cursor)),
      `selection is ${JSON.stringify(editor.selection)}`,
    );
    assert.strictEqual(editor.document.isDirty, false);
    await until(() => panelTabs().length === 1, 'the panel tab');
  });

  it('stays small for a 150,000-character spec, which it computes in full', async () => {
    const n = 148;
    const text = bigSpecText(n, 3);
    assert.ok(text.length > 150_000 && text.length < 200_000, `${text.length} characters`);
    const editor = await openText(text);
    const link = await panelLink(editor.document, editor.document.positionAt(text.length / 2));
    assert.ok(link.length < 500, `the link has ${link.length} characters`);
    const { view } = await runLink(link);
    assert.ok(view);
    const { output } = resultsOf(view);
    assert.deepStrictEqual([output.channels, output.height, output.width], [1, n - 2, n - 2]);
    // Output cell (i, j) is the 3x3 window at (i, j) times the kernel, as PyTorch's conv2d (a cross-correlation).
    const expected = (i: number, j: number) =>
      [0, 1, 2].reduce(
        (sum, a) => sum + [0, 1, 2].reduce((s, b) => s + bigSpecInput(i + a, j + b) * bigSpecKernel(a, b), 0),
        0,
      );
    for (const [i, j] of [
      [0, 0],
      [70, 33],
      [n - 3, n - 3],
    ]) {
      assert.ok(
        Math.abs(output.data[i * (n - 2) + j] - expected(i, j)) < 1e-9,
        `output[${i}][${j}] = ${output.data[i * (n - 2) + j]}, expected ${expected(i, j)}`,
      );
    }
  });

  it('also links a spec too large to preview (shapes only), and the click computes it', async () => {
    const n = 200;
    const text = bigSpecText(n, 3);
    assert.ok(text.length > 200_000, `${text.length} characters: past the hover's parse budget`);
    // A file: a new untitled document could take the last one's name while the host still knows the old one.
    fs.writeFileSync(largeFile, text);
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(largeFile));
    // On the "input" key: the hover describes the whole spec, not a row.
    const link = await panelLink(editor.document, editor.document.positionAt(3));
    const { view } = await runLink(link);
    assert.ok(view);
    const { output } = resultsOf(view);
    assert.deepStrictEqual([output.height, output.width], [n - 2, n - 2]);
    const expected = [0, 1, 2].reduce(
      (sum, a) => sum + [0, 1, 2].reduce((s, b) => s + bigSpecInput(150 + a, 9 + b) * bigSpecKernel(a, b), 0),
      0,
    );
    assert.ok(Math.abs(output.data[150 * (n - 2) + 9] - expected) < 1e-9);
  });

  it('refuses after the document changed since the hover, and leaves the panel alone', async () => {
    fs.writeFileSync(file, '{"input": [[1, 2], [3, 4]], "kernel": [[1]]}\n');
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    const link = await panelLink(editor.document, rangeOf(editor, '[3, 4]').start);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), ' '));
    await until(() => panelTabs().length === 0, "the previous test's panel to close");
    const { view, error } = await runLink(link);
    assert.strictEqual(view, undefined);
    assert.ok(error);
    assert.match(error.message, /convlens-stale-\d+\.json changed since this preview; hover again\./);
    // A panel would be open by now: the seed test sees its tab well within this.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.strictEqual(panelTabs().length, 0);
  });

  it('points at a mistake in the document, opening it when no editor shows it', async () => {
    const editor = await openExample('mistakes/ragged-rows.json');
    const { document } = editor;
    const spec = rangeOf(editor, document.getText().trimEnd());
    const ragged = rangeOf(editor, '[4, 5]');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until(() => vscode.window.visibleTextEditors.length === 0, 'the editors to close');
    // The hover offers no link for a spec it cannot read, so the arguments are the ones a link would carry.
    const at = {
      uri: document.uri.toString(),
      offset: document.offsetAt(spec.start),
      length: document.getText(spec).length,
      version: document.version,
    };
    const { error } = await vscode.commands.executeCommand<Outcome>('convlens.open', at);
    assert.ok(error);
    assert.match(error.message, /input\[1\] has 2 elements, but input\[0\] has 3/);
    const shown = vscode.window.activeTextEditor;
    assert.ok(shown);
    assert.strictEqual(shown.document.uri.toString(), document.uri.toString());
    assert.ok(
      shown.selection.isEqual(new vscode.Selection(ragged.start, ragged.end)),
      `selection is ${JSON.stringify(shown.selection)}`,
    );
  });
});
