// Helpers for the extension-host suites: open an example, select text in it as a user would.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { compute, ConvResult } from '../../src/engine';
import type { ConvolveClient } from '../../src/extension/worker/convolveClient';
import type { ConvView } from '../../src/protocol/messages';
import { problemOf } from '../../src/view/problem';

const EXTENSIONS: Record<string, string> = { json: '.json', jsonc: '.jsonc', python: '.py', markdown: '.md' };
let scratch: string | undefined;
let files = 0;

/**
 * `content` in a new file of `language` (in a temp folder removed when the host exits), shown in an editor. A
 * file, not an untitled document: those are dirty, get backed up, and the next workbench (the UI suites')
 * restores them and asks whether to save them.
 */
export async function openText(content: string, language = 'json'): Promise<vscode.TextEditor> {
  if (!scratch) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-scratch-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    scratch = dir;
  }
  const file = path.join(scratch, `text-${++files}${EXTENSIONS[language] ?? '.txt'}`);
  fs.writeFileSync(file, content);
  return vscode.window.showTextDocument(vscode.Uri.file(file));
}

/** Cell (i, j) of bigSpecText's input. */
export const bigSpecInput = (i: number, j: number): number => ((i * 31 + j * 17) % 1000) / 1000;

/** Cell (i, j) of bigSpecText's kernel. */
export const bigSpecKernel = (i: number, j: number): number => i - j;

/** A JSON spec with an n x n input of short decimals and a k x k kernel; about 6.5 characters a cell. */
export function bigSpecText(n: number, k: number): string {
  const rows = Array.from(
    { length: n },
    (_, i) => `[${Array.from({ length: n }, (_, j) => bigSpecInput(i, j)).join(', ')}]`,
  );
  const kernel = Array.from(
    { length: k },
    (_, i) => `[${Array.from({ length: k }, (_, j) => bigSpecKernel(i, j)).join(', ')}]`,
  );
  return `{"input": [\n${rows.join(',\n')}\n], "kernel": [${kernel.join(', ')}]}\n`;
}

export async function openExample(relativePath: string): Promise<vscode.TextEditor> {
  const [uri] = await vscode.workspace.findFiles(relativePath);
  assert.ok(uri, `examples/${relativePath} not found in the workspace`);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

/** The document range of the `occurrence`-th appearance of `text`. */
export function rangeOf(editor: vscode.TextEditor, text: string, occurrence = 0): vscode.Range {
  const whole = editor.document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = whole.indexOf(text, at + 1);
  assert.ok(at >= 0, `"${text}" not found in ${editor.document.uri.path}`);
  return new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + text.length));
}

export function select(editor: vscode.TextEditor, ...ranges: vscode.Range[]): void {
  editor.selections = ranges.map((r) => new vscode.Selection(r.start, r.end));
}

export function selectAll(editor: vscode.TextEditor): void {
  const doc = editor.document;
  select(editor, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)));
}

export const values = (data: ArrayLike<number>): number[] => Array.from(data);

/** The extension under test, which the test host loads. */
export function convlensExtension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension('convlens.convlens');
  assert.ok(found, 'convlens.convlens is not loaded');
  return found;
}

/** A view's output and reconstruction as the panel's page computes them from its numbers (a view carries none). */
export const resultsOf = (view: ConvView): ConvResult => compute(problemOf(view));

/** A view's results as "Copy results as JSON" gives them (computed and written on `worker`), flat, row-major. */
export async function copiedResults(
  worker: ConvolveClient,
  view: ConvView,
): Promise<{ output: number[]; reconstruction: number[] }> {
  const text = await worker.clipboard({ view, what: 'results' });
  assert.ok(text !== 'cancelled', 'the copy was cancelled');
  const { output, reconstruction } = JSON.parse(text) as { output: unknown[]; reconstruction: unknown[] };
  return { output: output.flat(Infinity) as number[], reconstruction: reconstruction.flat(Infinity) as number[] };
}

/** Markdown text of every hover at a position, joined. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Resolves once `done()` holds, polling; fails after `timeoutMs`. For state the workbench reports asynchronously. */
export async function until(done: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Takes the kernel pick's first row after "Enter a kernel as JSON…" once `outcome`'s command shows it: Down and Enter,
 * again every 500 ms while the command has not ended (the pick was not up yet). `onKeys` runs before each try.
 */
export async function pickFirstKernel<T>(outcome: Thenable<T>, onKeys = (): void => {}): Promise<T> {
  const done = Promise.resolve(outcome).then(() => true);
  const settled = () => Promise.race([done, new Promise<false>((resolve) => setTimeout(() => resolve(false), 500))]);
  for (let attempt = 1; !(await settled()); attempt++) {
    assert.ok(attempt <= 40, 'the kernel pick never took the keys');
    onKeys();
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return outcome;
}

/**
 * The first match of `line` in ConvLens's log, read as a user does: **ConvLens: Show log** shows the channel,
 * whose text the workbench then shares as an `output:` document.
 */
export async function logMatch(line: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
  await vscode.commands.executeCommand('convlens.showLog');
  let found: RegExpMatchArray | null = null;
  await until(
    () => {
      for (const document of vscode.workspace.textDocuments)
        if (document.uri.scheme === 'output') found ??= document.getText().match(line);
      return found !== null;
    },
    `a log line matching ${line}`,
    timeoutMs,
  );
  return found!;
}

/**
 * Reverts and closes every document with unsaved changes, shown or not: the UI suites run in the same workbench
 * afterwards, and one left dirty would meet them with a "save changes?" dialog.
 */
export async function discardUnsavedDocuments(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}
