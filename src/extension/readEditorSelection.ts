import * as vscode from 'vscode';
import { Limits } from '../engine';
import { findLiteralAt, SelectionContent, shiftRange, SpecLiteral } from '../parse';
import { ReadContent, readSelectionWithin, selectionTooLong } from '../pipeline';
import { shiftLiteral } from './documentRanges';

/** A piece of the document to parse: its text and the offset where it starts. */
interface Piece {
  text: string;
  base: number;
}

function shiftSpec(spec: SpecLiteral, base: number): SpecLiteral {
  return { spec: spec.spec, range: shiftRange(spec.range, base), locate: (path) => shiftRange(spec.locate(path), base) };
}

function shiftContent(content: SelectionContent, base: number): SelectionContent {
  switch (content.kind) {
    case 'spec':
      return { kind: 'spec', spec: shiftSpec(content.spec, base) };
    case 'pair':
      return { kind: 'pair', input: shiftLiteral(content.input, base), kernel: shiftLiteral(content.kernel, base) };
    case 'single':
      return { kind: 'single', matrix: shiftLiteral(content.matrix, base) };
  }
}

function readPiece(piece: Piece, limits: Limits): ReadContent {
  const read = readSelectionWithin(piece.text, limits);
  return read.ok ? { ok: true, value: shiftContent(read.value, piece.base) } : { ok: false, error: { ...read.error, range: shiftRange(read.error.range, piece.base) } };
}

/**
 * What the editor's selections hold, in whole-document offsets: one selection (a spec, two matrices or one),
 * two selections (input then kernel, in document order), or with nothing selected the literal at the cursor.
 * A selection longer than `limits.maxSelectionCharacters` is refused before its text is even copied out.
 */
export function readEditorSelection(editor: vscode.TextEditor, maxLiteralCharacters: number, limits: Limits): ReadContent {
  const document = editor.document;
  const selections = editor.selections.filter((s) => !s.isEmpty).sort((a, b) => a.start.compareTo(b.start));
  for (const s of selections) {
    const base = document.offsetAt(s.start);
    const length = document.offsetAt(s.end) - base;
    const tooLong = selectionTooLong(length, limits);
    if (tooLong) return { ok: false, error: { ...tooLong, range: { offset: base, length } } };
  }
  const pieces: Piece[] = selections.map((s) => ({ text: document.getText(s), base: document.offsetAt(s.start) }));
  const cursor = document.offsetAt(editor.selection.active);
  if (pieces.length === 0) {
    const text = document.getText();
    const around = findLiteralAt(text, cursor, maxLiteralCharacters);
    if (!around) {
      return { ok: false, error: { message: 'Nothing to convolve at the cursor: select a JSON spec object, one matrix, or two matrices (input then kernel).', range: { offset: cursor, length: 0 } } };
    }
    pieces.push({ text: text.slice(around.offset, around.offset + around.length), base: around.offset });
  }
  if (pieces.length > 2) {
    return { ok: false, error: { message: `${pieces.length} selections: select one spec, or two matrices (input, then kernel).`, range: shiftRange({ offset: 0, length: pieces[2].text.length }, pieces[2].base) } };
  }
  const first = readPiece(pieces[0], limits);
  if (pieces.length === 1 || !first.ok) return first;
  const second = readPiece(pieces[1], limits);
  if (!second.ok) return second;
  for (const [read, piece, role] of [[first, pieces[0], 'input'], [second, pieces[1], 'kernel']] as const) {
    if (read.value.kind !== 'single') {
      return { ok: false, error: { message: `With two selections each must be one matrix: the ${role} selection holds ${read.value.kind === 'spec' ? 'a spec object' : 'two matrices'}.`, range: { offset: piece.base, length: piece.text.length } } };
    }
  }
  const input = first.value as Extract<SelectionContent, { kind: 'single' }>;
  const kernel = second.value as Extract<SelectionContent, { kind: 'single' }>;
  return { ok: true, value: { kind: 'pair', input: input.matrix, kernel: kernel.matrix } };
}
