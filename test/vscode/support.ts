// Helpers for the extension-host suites: open an example, select text in it as a user would.
import * as assert from 'assert';
import * as vscode from 'vscode';

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

/** Markdown text of every hover at a position, joined. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
