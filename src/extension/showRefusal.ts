import * as vscode from 'vscode';
import { ParseError } from '../parse/types';
import { ConvolveError, LIMIT_SETTINGS } from '../convolve';
import { showPositionedError } from './showError';

/** Where a refusal is shown: the document, and the editor showing it if there is one. */
export interface RefusalTarget {
  document: vscode.TextDocument;
  editor?: vscode.TextEditor;
}

/**
 * Shows the error at its text (opening the document in an editor when none shows it); a size limit's message
 * names its setting, and a button opens it.
 */
export async function showRefusal(target: RefusalTarget, error: ConvolveError): Promise<{ error: ParseError }> {
  const editor = target.editor ?? (await vscode.window.showTextDocument(target.document));
  const settingId = error.limit && LIMIT_SETTINGS[error.limit];
  const open = 'Open Setting';
  void showPositionedError(editor, error, settingId ? [open] : []).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', settingId);
  });
  return { error: { message: error.message, range: error.range } };
}
