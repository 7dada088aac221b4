import { Char, isDigitCode, isNamePartCode, isNameStartCode, skipStringOrComment } from './scan';
import { nonFiniteName } from './vocabulary';

/** Blanks, signs, commas, brackets, digits and exponents: nearly every numeric literal, read by the regex engine at
 * once. */
const PLAIN_NUMERIC = /[ \t\r\n,+\-[\]()0-9.eE]*/y;
/** An `e` that does not follow a digit or a dot is a name (`e`, `-e`), not an exponent. */
const NAME_E = /(?<![0-9.])[eE]/;

/** Whether the region is only separators and numbers such as `-1.5e-3`; false does not mean it is not numeric. */
function isPlainNumeric(region: string): boolean {
  PLAIN_NUMERIC.lastIndex = 0;
  PLAIN_NUMERIC.test(region);
  return PLAIN_NUMERIC.lastIndex === region.length && !NAME_E.test(region);
}

/** Brackets, commas and what may hide them. Inside brackets commas do not end an argument, so there they are skipped
 * too. */
const TOP_LEVEL_STOP = /[[\](),"'#/]/g;
const NESTED_STOP = /[[\]()"'#/]/g;

/** A span of a region that was already checked (a nested literal around the cursor), and is not read again. */
export interface Hole {
  from: number;
  /** Exclusive. */
  to: number;
}

/** The pieces of `[from, to)` around `hole`. */
const pieces = (from: number, to: number, hole?: Hole): [number, number][] =>
  hole
    ? [
        [from, hole.from],
        [hole.to, to],
      ]
    : [[from, to]];

/** The first comma outside brackets, strings and comments (`np.array(x, dtype=...)`) between `from` and `to`, or
 * `to`. The hole is a bracketed span, so no comma in it counts. */
function firstArgumentEnd(text: string, from: number, to: number, hole?: Hole): number {
  const bounded = text.slice(0, to); // same offsets, but a search cannot run past `to`
  let depth = 0;
  for (const [start, end] of pieces(from, to, hole)) {
    for (let i = start; i < end;) {
      const stop = depth === 0 ? TOP_LEVEL_STOP : NESTED_STOP;
      stop.lastIndex = i;
      if (!stop.test(bounded) || stop.lastIndex - 1 >= end) break;
      i = stop.lastIndex - 1;
      const skipped = skipStringOrComment(text, i, end);
      if (skipped !== i) {
        i = skipped;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === Char.Comma) return i;
      if (c === Char.OpenBracket || c === Char.OpenParen) depth++;
      else if (c === Char.CloseBracket || c === Char.CloseParen) depth--;
      i++;
    }
  }
  return to;
}

/**
 * Whether the text holds only numbers (NaN and infinities included, so the parser can name them), signs,
 * commas, brackets and comments. With `firstArgument`, only up to the first top-level comma
 * (`np.array(x, dtype=...)`). A `hole` is skipped: the caller checked it already, so nested levels cost linear
 * time in all. Number syntax is not checked here: the parser reports it on the range found.
 */
export function isNumeric(text: string, from: number, to: number, firstArgument = false, hole?: Hole): boolean {
  if (firstArgument) {
    const end = firstArgumentEnd(text, from, to, hole);
    return isNumeric(text, from, end, false, hole && hole.to <= end ? hole : undefined);
  }
  const spans = pieces(from, to, hole);
  if (spans.every(([start, end]) => isPlainNumeric(text.slice(start, end)))) return true;
  let floatCall = false; // a string is allowed only as float('inf'); it carries over a hole (`float` + `('inf')`)
  for (const [start, end] of spans) {
    for (let i = start; i < end;) {
      const c = text.charCodeAt(i);
      if (
        c === Char.Space ||
        c === Char.Tab ||
        c === Char.LineFeed ||
        c === Char.CarriageReturn ||
        c === Char.Minus ||
        c === Char.Plus
      ) {
        i++;
      } else if (isDigitCode(c) || c === Char.Dot) {
        i++;
        while (i < end) {
          const d = text.charCodeAt(i);
          // a sign right after e or E belongs to the exponent
          const exponentSign = (d === Char.Minus || d === Char.Plus) && (text.charCodeAt(i - 1) | 32) === 101;
          if (isNamePartCode(d) || d === Char.Dot || exponentSign) i++;
          else break;
        }
      } else if (isNameStartCode(c)) {
        const nameStart = i;
        while (i < end && (isNamePartCode(text.charCodeAt(i)) || text.charCodeAt(i) === Char.Dot)) i++;
        const name = text.slice(nameStart, i);
        floatCall = name === 'float';
        if (!floatCall && nonFiniteName(name) === undefined) return false;
      } else if (c === Char.DoubleQuote || c === Char.SingleQuote) {
        if (!floatCall || text.charCodeAt(i - 1) !== Char.OpenParen) return false;
        i = skipStringOrComment(text, i, end);
      } else if (c === Char.Hash || c === Char.Slash) {
        const skipped = skipStringOrComment(text, i, end);
        if (skipped === i) return false;
        i = skipped;
      } else if (
        c === Char.Comma ||
        c === Char.OpenBracket ||
        c === Char.OpenParen ||
        c === Char.CloseBracket ||
        c === Char.CloseParen
      ) {
        i++;
      } else {
        return false;
      }
    }
  }
  return true;
}
