import * as vscode from 'vscode';
import { Limits } from '../engine';
import { findLiteralAt } from '../parse';
import { ConvolveError, Piece, selectionTooLong } from '../convolve';

export type EditorPieces = { ok: true; pieces: Piece[] } | { ok: false; error: ConvolveError };

/**
 * The text the command reads, in document order: the non-empty selections, or with nothing selected the
 * literal at the cursor. A selection longer than `limits.maxSelectionCharacters` is refused before its text
 * is even copied out.
 */
export function readEditorPieces(
  editor: vscode.TextEditor,
  maxLiteralCharacters: number,
  limits: Limits,
): EditorPieces {
  const document = editor.document;
  const selections = editor.selections.filter((s) => !s.isEmpty).sort((a, b) => a.start.compareTo(b.start));
  for (const s of selections) {
    const base = document.offsetAt(s.start);
    const length = document.offsetAt(s.end) - base;
    const tooLong = selectionTooLong(length, limits);
    if (tooLong) return { ok: false, error: { ...tooLong, range: { offset: base, length } } };
  }
  if (selections.length > 0)
    return {
      ok: true,
      pieces: selections.map((s) => ({ text: document.getText(s), base: document.offsetAt(s.start) })),
    };
  const cursor = document.offsetAt(editor.selection.active);
  const text = document.getText();
  const around = findLiteralAt(text, cursor, maxLiteralCharacters);
  if (!around) {
    return {
      ok: false,
      error: {
        message:
          'Nothing to convolve at the cursor: select a JSON spec object, one matrix, or two matrices (input then kernel).',
        range: { offset: cursor, length: 0 },
      },
    };
  }
  return {
    ok: true,
    pieces: [{ text: text.slice(around.offset, around.offset + around.length), base: around.offset }],
  };
}
