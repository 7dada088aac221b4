/**
 * Character-level helpers for `findLiteralAt`, which must stay fast on large documents: they only skip what can
 * hide brackets (strings, comments) and never build tokens. They agree with the lexer on what a string or comment
 * is, but do not validate anything; the parser does that on the range found.
 */
import { scanned } from './scanWork';

export const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  DoubleQuote = 34,
  Hash = 35,
  SingleQuote = 39,
  OpenParen = 40,
  CloseParen = 41,
  Asterisk = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Colon = 58,
  Equals = 61,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  Underscore = 95,
  Backtick = 96,
  OpenBrace = 123,
  CloseBrace = 125,
  Tilde = 126,
}

export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
export const isNameStartCode = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === Char.Underscore;
export const isNamePartCode = (c: number): boolean => isNameStartCode(c) || isDigitCode(c);
export const isOpener = (c: number): boolean => c === Char.OpenBracket || c === Char.OpenBrace || c === Char.OpenParen;
export const isCloser = (c: number): boolean =>
  c === Char.CloseBracket || c === Char.CloseBrace || c === Char.CloseParen;
const isLineBreakCode = (c: number): boolean => c === Char.LineFeed || c === Char.CarriageReturn;

function lineEnd(text: string, i: number, end: number): number {
  while (i < end && !isLineBreakCode(text.charCodeAt(i))) i++;
  return i;
}

/** Where the string or comment starting at `i` ends (exclusive), or `i` when none starts there. */
export function skipStringOrComment(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === Char.Hash) return lineEnd(text, i, end);
  if (c === Char.Slash) {
    const d = text.charCodeAt(i + 1);
    if (d === Char.Slash) return lineEnd(text, i, end);
    if (d === Char.Asterisk) {
      const close = text.slice(0, end).indexOf('*/', i + 2); // the slice keeps the search within the bound
      return close < 0 ? end : close + 2;
    }
    return i;
  }
  if (c !== Char.DoubleQuote && c !== Char.SingleQuote) return i;
  if (text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
    const quote = text.slice(i, i + 3);
    for (let j = i + 3; j < end; j++) {
      if (text.charCodeAt(j) === Char.Backslash) j++;
      else if (text.startsWith(quote, j)) return Math.min(end, j + 3);
    }
    return end;
  }
  for (let j = i + 1; j < end; j++) {
    const d = text.charCodeAt(j);
    if (d === Char.Backslash) j++;
    else if (d === c) return j + 1;
    else if (isLineBreakCode(d)) return j; // strings do not span lines
  }
  return end;
}

/** A Markdown code fence (``` or ~~~ with only indentation before it); returns the end of its line, or -1. */
export function fenceEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if ((c !== Char.Backtick && c !== Char.Tilde) || text.charCodeAt(i + 1) !== c || text.charCodeAt(i + 2) !== c)
    return -1;
  for (let j = i - 1; j >= 0; j--) {
    const d = text.charCodeAt(j);
    if (isLineBreakCode(d)) break;
    if (d !== Char.Space && d !== Char.Tab) return -1;
  }
  return lineEnd(text, i, end);
}

/** The dotted name ending right before `i` (spaces allowed in between), e.g. `np.array` before `(`. */
export function nameBefore(text: string, i: number): { offset: number; name: string } | undefined {
  let end = i;
  while (end > 0 && (text.charCodeAt(end - 1) === Char.Space || text.charCodeAt(end - 1) === Char.Tab)) end--;
  let start = end;
  while (
    start > 0 &&
    end - start < 128 &&
    (isNamePartCode(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === Char.Dot)
  )
    start--;
  if (start === end || !isNameStartCode(text.charCodeAt(start))) return undefined;
  return { offset: start, name: text.slice(start, end) };
}

/**
 * The offset of the first bracket nested deeper than `max`, or -1. Parsers recurse per level, so a selection like
 * a million `[` must be refused before it reaches one (jsonc-parser's included).
 */
export function tooDeep(text: string, max: number): number {
  scanned.characters += text.length;
  let depth = 0;
  for (let i = 0; i < text.length;) {
    const skipped = skipStringOrComment(text, i, text.length);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === Char.OpenBracket || c === Char.OpenBrace || c === Char.OpenParen) {
      if (++depth > max) return i;
    } else if (c === Char.CloseBracket || c === Char.CloseBrace || c === Char.CloseParen) {
      depth = Math.max(0, depth - 1);
    }
    i++;
  }
  return -1;
}
