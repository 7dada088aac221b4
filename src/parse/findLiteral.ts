import { Char, fenceEnd, isDigitCode, isNamePartCode, isNameStartCode, nameBefore, skipStringOrComment } from './scan';
import type { TextRange } from './types';
import { ARRAY_CALLS, nonFiniteName } from './vocabulary';

/** How far `findLiteralAt` looks on each side of the cursor; a literal bigger than this is not found. */
export const DEFAULT_MAX_LITERAL_CHARS = 1_000_000;

/** A bracket open at the cursor: its offset and character, and its closer's offset if found within the bound. */
interface Enclosing {
  open: number;
  bracket: number;
  close?: number;
}

/** ASCII characters the bracket scan must look at: brackets, quotes, comment starts, fence marks. */
const SIGNIFICANT = new Uint8Array(128);
for (const ch of '[]{}()"\'#/`~') SIGNIFICANT[ch.charCodeAt(0)] = 1;

const closerFor = (c: number): number => (c === Char.OpenBracket ? Char.CloseBracket : c === Char.OpenBrace ? Char.CloseBrace : Char.CloseParen);
const isOpener = (c: number): boolean => c === Char.OpenBracket || c === Char.OpenBrace || c === Char.OpenParen;
const isCloser = (c: number): boolean => c === Char.CloseBracket || c === Char.CloseBrace || c === Char.CloseParen;

/** With the cursor on `np.array` (or `dict`) of a call, answer as if it were on the call's parenthesis. */
function callParenAt(text: string, offset: number): number | undefined {
  const isNameChar = (i: number): boolean => i >= 0 && i < text.length && (isNamePartCode(text.charCodeAt(i)) || text.charCodeAt(i) === Char.Dot);
  if (!isNameChar(offset)) return undefined;
  let start = offset;
  let end = offset;
  while (isNameChar(start - 1) && offset - start < 64) start--;
  while (isNameChar(end) && end - offset < 64) end++;
  const name = text.slice(start, end);
  if (!ARRAY_CALLS.has(name) && name !== 'dict') return undefined;
  while (text.charCodeAt(end) === Char.Space || text.charCodeAt(end) === Char.Tab) end++;
  return text.charCodeAt(end) === Char.OpenParen ? end : undefined;
}

/**
 * The brackets enclosing `offset`, innermost first, with their closers. Strings and comments cannot be told
 * apart scanning backwards, so this scans forwards from a line start at most `maxChars` before the cursor (JSON
 * and Python strings do not span lines, except triple quotes, which are skipped whole) and stops once every
 * enclosing bracket is closed, or `maxChars` past the cursor. A Markdown fence ends a code block: it forgets
 * what was open.
 */
function enclosingBrackets(text: string, offset: number, maxChars: number): Enclosing[] {
  let start = Math.max(0, offset - maxChars);
  if (start > 0) {
    const lineBreak = text.indexOf('\n', start);
    if (lineBreak >= 0 && lineBreak < offset) start = lineBreak + 1;
  }
  const end = Math.min(text.length, offset + maxChars + 1);
  const stack: Enclosing[] = [];
  let atCursor: Enclosing[] | undefined;
  for (let i = start; i < end; ) {
    const c = text.charCodeAt(i);
    // Most characters cannot open, close or hide a bracket: one table lookup skips them (the hot path).
    if (c < 128 && !SIGNIFICANT[c]) {
      i++;
      continue;
    }
    // The bracket under the cursor counts as enclosing it (the literal starts there), and so does a closer.
    if (!atCursor && i >= offset && !(i === offset && isOpener(c))) {
      atCursor = [...stack];
      if (atCursor.length === 0) return [];
    }
    const skipped = skipStringOrComment(text, i, end);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    if (isOpener(c)) {
      stack.push({ open: i, bracket: c });
      if (!atCursor && i === offset) atCursor = [...stack];
    } else if (isCloser(c)) {
      // A stray closer (prose, a typo) closes the nearest matching opener, or nothing.
      let k = stack.length - 1;
      while (k >= 0 && closerFor(stack[k].bracket) !== c) k--;
      if (k >= 0) {
        stack[k].close = i;
        while (stack.length > k) stack.pop(); // faster than setting length, which V8 does in its runtime
      }
      if (atCursor && stack.length === 0) break;
    } else if (c === Char.Backtick || c === Char.Tilde) {
      const fence = fenceEnd(text, i, end);
      if (fence >= 0) {
        if (atCursor) break;
        stack.splice(0);
        i = fence;
        continue;
      }
    }
    i++;
  }
  return (atCursor ?? [...stack]).reverse();
}

/** Whether the object between `from` and `to` has `input` as one of its own keys (`"input":`, or `input=` in dict()). */
function hasInputKey(text: string, from: number, to: number, keyword: boolean): boolean {
  let depth = 0;
  let key = -1; // end of the last key-like token at depth 0
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    const skipped = skipStringOrComment(text, i, to);
    if (skipped !== i) {
      if (depth === 0 && !keyword && /^["']input["']$/.test(text.slice(i, skipped))) key = skipped;
      i = skipped;
      continue;
    }
    if (isOpener(c)) depth++;
    else if (isCloser(c)) depth--;
    else if (depth === 0 && keyword && isNameStartCode(c) && text.startsWith('input', i) && !isNamePartCode(text.charCodeAt(i + 5)) && !isNamePartCode(text.charCodeAt(i - 1))) {
      key = i + 5;
      i = key;
      continue;
    } else if (key >= 0 && c !== Char.Space && c !== Char.Tab && c !== Char.LineFeed && c !== Char.CarriageReturn) {
      if (c === (keyword ? Char.Equals : Char.Colon)) return true;
      key = -1;
    }
    i++;
  }
  return false;
}

/**
 * Whether the text holds only numbers (NaN and infinities included, so the parser can name them), signs,
 * commas, brackets and comments. With `firstArgument`, only up to the first top-level comma
 * (`np.array(x, dtype=...)`). Number syntax is not checked here: the parser reports it on the range found.
 */
function isNumeric(text: string, from: number, to: number, firstArgument = false): boolean {
  let depth = 0;
  let floatCall = false; // a string is allowed only as float('inf')
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (c === Char.Space || c === Char.Tab || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Minus || c === Char.Plus) {
      i++;
    } else if (isDigitCode(c) || c === Char.Dot) {
      i++;
      while (i < to) {
        const d = text.charCodeAt(i);
        const exponentSign = (d === Char.Minus || d === Char.Plus) && (text.charCodeAt(i - 1) | 32) === 101; // after e or E
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
    } else {
      if (c === Char.Comma && firstArgument && depth === 0) return true;
      if (c === Char.OpenBracket || c === Char.OpenParen) depth++;
      else if (c === Char.CloseBracket || c === Char.CloseParen) depth--;
      else if (c !== Char.Comma) return false;
      i++;
    }
  }
  return true;
}

const span = (from: number, closer: number): TextRange => ({ offset: from, length: closer + 1 - from });

/** The innermost enclosing spec object: `{...}` with an "input" key, or `dict(input=...)`. */
function innermostSpec(text: string, enclosing: Enclosing[]): TextRange | undefined {
  for (const e of enclosing) {
    if (e.close === undefined) continue;
    if (e.bracket === Char.OpenBrace && hasInputKey(text, e.open + 1, e.close, false)) return span(e.open, e.close);
    const callee = e.bracket === Char.OpenParen ? nameBefore(text, e.open) : undefined;
    if (callee?.name === 'dict' && hasInputKey(text, e.open + 1, e.close, true)) return span(callee.offset, e.close);
  }
  return undefined;
}

/** The outermost numeric array (or array call) around the cursor; numeric-ness only shrinks going outwards. */
function outermostMatrix(text: string, enclosing: Enclosing[]): TextRange | undefined {
  let best: TextRange | undefined;
  for (const e of enclosing) {
    if (e.close === undefined) {
      if (best) break;
      continue;
    }
    const callee = e.bracket === Char.OpenParen ? nameBefore(text, e.open) : undefined;
    if (e.bracket === Char.OpenBracket) {
      // `a[0]` indexes; it is not a list.
      const before = e.open > 0 ? text.charCodeAt(e.open - 1) : -1;
      if (isNamePartCode(before) || before === Char.CloseParen || before === Char.CloseBracket) break;
      if (!isNumeric(text, e.open + 1, e.close)) break;
      best = span(e.open, e.close);
    } else if (e.bracket === Char.OpenParen && callee && ARRAY_CALLS.has(callee.name)) {
      if (!isNumeric(text, e.open + 1, e.close, true)) break;
      best = span(callee.offset, e.close);
    } else if (e.bracket === Char.OpenParen && (!callee || callee.name === 'float')) {
      // A tuple row `(1, 2)` or `float('inf')`: part of a matrix, not one itself.
      if (!callee && !isNumeric(text, e.open + 1, e.close)) break;
    } else break;
  }
  return best;
}

/** A first, short scan: enough for the usual hover inside a spec object of a large JSON file. */
const QUICK_WINDOW = 65_536;

/**
 * The literal around `offset` (the character under the cursor) in JSON, JSONC, Python or Markdown: the innermost
 * enclosing spec object (one with an "input" key, or `dict(input=...)`), else the outermost numeric array literal,
 * including a surrounding `np.array(...)`/`torch.tensor(...)` call. Only text within `maxChars` of the cursor is
 * scanned, and nothing is parsed: the caller parses the range found (`readSelection`). Undefined when there is none.
 */
export function findLiteralAt(text: string, offset: number, maxChars: number = DEFAULT_MAX_LITERAL_CHARS): TextRange | undefined {
  if (!(offset >= 0 && offset < text.length) || !(maxChars > 0)) return undefined;
  const at = callParenAt(text, offset) ?? offset;
  const max = Math.floor(maxChars);
  // A spec found in the short scan is the innermost one; only a miss needs the full bound.
  if (max > QUICK_WINDOW && (at > QUICK_WINDOW || text.length - at > QUICK_WINDOW)) {
    const spec = innermostSpec(text, enclosingBrackets(text, at, QUICK_WINDOW));
    if (spec) return spec;
  }
  const enclosing = enclosingBrackets(text, at, max);
  return innermostSpec(text, enclosing) ?? outermostMatrix(text, enclosing);
}
