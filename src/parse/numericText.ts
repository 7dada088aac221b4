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

/** The first comma outside brackets, strings and comments (`np.array(x, dtype=...)`) between `from` and `to`, or
 * `to`. */
function firstArgumentEnd(text: string, from: number, to: number): number {
  const bounded = text.slice(0, to); // same offsets, but a search cannot run past `to`
  let depth = 0;
  for (let i = from; i < to;) {
    const stop = depth === 0 ? TOP_LEVEL_STOP : NESTED_STOP;
    stop.lastIndex = i;
    if (!stop.test(bounded)) return to;
    i = stop.lastIndex - 1;
    const skipped = skipStringOrComment(text, i, to);
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
  return to;
}

/**
 * Whether the text holds only numbers (NaN and infinities included, so the parser can name them), signs,
 * commas, brackets and comments. With `firstArgument`, only up to the first top-level comma
 * (`np.array(x, dtype=...)`). Number syntax is not checked here: the parser reports it on the range found.
 */
export function isNumeric(text: string, from: number, to: number, firstArgument = false): boolean {
  if (firstArgument) return isNumeric(text, from, firstArgumentEnd(text, from, to));
  if (isPlainNumeric(text.slice(from, to))) return true;
  let floatCall = false; // a string is allowed only as float('inf')
  for (let i = from; i < to;) {
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
      while (i < to) {
        const d = text.charCodeAt(i);
        // a sign right after e or E belongs to the exponent
        const exponentSign = (d === Char.Minus || d === Char.Plus) && (text.charCodeAt(i - 1) | 32) === 101;
        if (isNamePartCode(d) || d === Char.Dot || exponentSign) i++;
        else break;
      }
    } else if (isNameStartCode(c)) {
      const start = i;
      while (i < to && (isNamePartCode(text.charCodeAt(i)) || text.charCodeAt(i) === Char.Dot)) i++;
      const name = text.slice(start, i);
      floatCall = name === 'float';
      if (!floatCall && nonFiniteName(name) === undefined) return false;
    } else if (c === Char.DoubleQuote || c === Char.SingleQuote) {
      if (!floatCall || text.charCodeAt(i - 1) !== Char.OpenParen) return false;
      i = skipStringOrComment(text, i, to);
    } else if (c === Char.Hash || c === Char.Slash) {
      const skipped = skipStringOrComment(text, i, to);
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
  return true;
}
