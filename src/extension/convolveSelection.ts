import * as vscode from 'vscode';
import { MatrixLiteral, ParseError } from '../parse/types';
import { ConvolveError, convolveContent, LIMIT_SETTINGS } from '../pipeline';
import { ConvView } from '../protocol';
import { sourceLabel } from './documentRanges';
import { pickKernel } from './kernelPick';
import { log } from './log';
import { readEditorSelection } from './readEditorSelection';
import { readSettings, Settings } from './settings';
import { showPositionedError } from './showError';

/** Where a view came from, so the panel can jump back to it. */
export interface ViewOrigin {
  uri: vscode.Uri;
  range: vscode.Range;
}

/** What the command did; returned to `executeCommand` callers (tests, other extensions). */
export type ConvolveOutcome = { view: ConvView } | { error: ParseError } | { cancelled: true };

export interface ConvolveDeps {
  state: vscode.Memento;
  show(view: ConvView, origin: ViewOrigin, settings: Settings): void;
}

/** "ConvLens: Convolve selection": selection -> parse -> validate -> compute -> panel. Never edits the document. */
export async function convolveSelection(deps: ConvolveDeps): Promise<ConvolveOutcome> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('ConvLens: open a file and select a matrix or a conv spec first.');
    return { cancelled: true };
  }
  const document = editor.document;
  const settings = readSettings(document.uri);
  const content = readEditorSelection(editor, settings.hoverMaxLiteralCharacters, settings);
  if (!content.ok) return showRefusal(editor, content.error);

  let kernel: MatrixLiteral | undefined;
  if (content.value.kind === 'single') {
    const picked = await pickKernel(deps.state);
    if (picked === undefined) return { cancelled: true };
    const at = content.value.matrix.range;
    // A picked kernel is not in the document: its problems are shown at the input it was paired with.
    kernel = { value: picked, range: at, locate: () => at };
  }
  const started = Date.now();
  const convolved = convolveContent(content.value, { limits: settings, format: settings.format, kernel, source: (offset) => sourceLabel(document, offset) });
  if (!convolved.ok) return showRefusal(editor, convolved.error);
  const { view, range: whole } = convolved;
  log().info(`${view.source}: ${view.params.op} computed in ${Date.now() - started} ms`);
  const range = new vscode.Range(document.positionAt(whole.offset), document.positionAt(whole.offset + whole.length));
  deps.show(view, { uri: document.uri, range }, settings);
  return { view };
}

/** Shows the error at its text; a size limit's message names its setting, and a button opens it. */
function showRefusal(editor: vscode.TextEditor, error: ConvolveError): ConvolveOutcome {
  const settingId = error.limit && LIMIT_SETTINGS[error.limit];
  const open = 'Open Setting';
  void showPositionedError(editor, error, settingId ? [open] : []).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', settingId);
  });
  return { error: { message: error.message, range: error.range } };
}
