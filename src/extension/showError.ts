import * as vscode from 'vscode';
import { ParseError } from '../parse/types';
import { sourceLabel, toDocumentRange } from './documentRanges';
import { log } from './log';

/**
 * Shows a positioned problem: selects and reveals the offending text (the document itself is never edited)
 * and names the place as `file:line:column` in the message.
 */
export function showPositionedError(
  editor: vscode.TextEditor,
  error: ParseError,
  actions: string[] = [],
): Thenable<string | undefined> {
  const range = toDocumentRange(editor.document, error.range);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  const where = sourceLabel(editor.document, error.range.offset);
  log().warn(`${where}: ${error.message}`);
  return vscode.window.showErrorMessage(`ConvLens: ${error.message} (${where})`, ...actions);
}
