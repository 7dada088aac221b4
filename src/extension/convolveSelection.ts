import * as vscode from 'vscode';
import { ConvolveDeps, ConvolveOutcome, convolvePieces } from './convolvePieces';
import { readEditorPieces } from './readEditorSelection';
import { readSettings } from './settings';
import { showRefusal } from './showRefusal';

/** "ConvLens: Convolve selection": the active editor's selections (or the literal at the cursor) to the panel. */
export async function convolveSelection(deps: ConvolveDeps): Promise<ConvolveOutcome> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('ConvLens: open a file and select a matrix or a conv spec first.');
    return { cancelled: true };
  }
  const target = { document: editor.document, editor };
  const settings = readSettings(editor.document.uri);
  const read = readEditorPieces(editor, settings.hoverMaxLiteralCharacters, settings);
  if (!read.ok) return showRefusal(target, read.error);
  return convolvePieces(deps, { ...target, pieces: read.pieces }, settings);
}
