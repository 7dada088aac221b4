/** Pieces of a document (selections, or the literal at the cursor) read as one selection, in document offsets. */
import { Limits } from '../engine';
import { MatrixLiteral, readSelection, SelectionContent, shiftRange, SpecLiteral } from '../parse';
import { ConvolveError, selectionTooLong } from './refusal';

export type ReadContent = { ok: true; value: SelectionContent } | { ok: false; error: ConvolveError };

/** A piece of the document to parse: its text and the offset where it starts. */
export interface Piece {
  text: string;
  base: number;
}

function shiftLiteral(literal: MatrixLiteral, base: number): MatrixLiteral {
  return {
    ...literal,
    range: shiftRange(literal.range, base),
    locate: (path) => shiftRange(literal.locate(path), base),
  };
}

function shiftSpec(spec: SpecLiteral, base: number): SpecLiteral {
  return {
    spec: spec.spec,
    range: shiftRange(spec.range, base),
    locate: (path) => shiftRange(spec.locate(path), base),
  };
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

/** `readSelection`, refusing text over the size limit before parsing it (up to ~250 bytes a character). */
export function readSelectionWithin(text: string, limits: Limits): ReadContent {
  const tooLong = selectionTooLong(text.length, limits);
  return tooLong
    ? { ok: false, error: { ...tooLong, range: { offset: 0, length: text.length } } }
    : readSelection(text);
}

function readPiece(piece: Piece, limits: Limits): ReadContent {
  const read = readSelectionWithin(piece.text, limits);
  return read.ok
    ? { ok: true, value: shiftContent(read.value, piece.base) }
    : { ok: false, error: { ...read.error, range: shiftRange(read.error.range, piece.base) } };
}

/** One piece (a spec, two matrices or one), or two (input then kernel, each one matrix). */
export function readPieces(pieces: readonly Piece[], limits: Limits): ReadContent {
  if (pieces.length > 2) {
    return {
      ok: false,
      error: {
        message: `${pieces.length} selections: select one spec, or two matrices (input, then kernel).`,
        range: { offset: pieces[2].base, length: pieces[2].text.length },
      },
    };
  }
  const first = readPiece(pieces[0], limits);
  if (pieces.length === 1 || !first.ok) return first;
  const second = readPiece(pieces[1], limits);
  if (!second.ok) return second;
  for (const [read, piece, role] of [
    [first, pieces[0], 'input'],
    [second, pieces[1], 'kernel'],
  ] as const) {
    if (read.value.kind !== 'single') {
      return {
        ok: false,
        error: {
          message: `With two selections each must be one matrix: the ${role} selection holds ${read.value.kind === 'spec' ? 'a spec object' : 'two matrices'}.`,
          range: { offset: piece.base, length: piece.text.length },
        },
      };
    }
  }
  const input = first.value as Extract<SelectionContent, { kind: 'single' }>;
  const kernel = second.value as Extract<SelectionContent, { kind: 'single' }>;
  return { ok: true, value: { kind: 'pair', input: input.matrix, kernel: kernel.matrix } };
}
