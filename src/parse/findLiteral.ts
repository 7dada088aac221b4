import { Enclosing, enclosingBrackets } from './enclosingBrackets';
import { isNumeric } from './numericText';
import { Char, isCloser, isNamePartCode, isNameStartCode, isOpener, nameBefore, skipStringOrComment } from './scan';
import type { TextRange } from './types';
import { ARRAY_CALLS } from './vocabulary';

/** How far `findLiteralAt` looks on each side of the cursor; a literal bigger than this is not found. */
export const DEFAULT_MAX_LITERAL_CHARS = 1_000_000;

/** With the cursor on `np.array` (or `dict`) of a call, answer as if it were on the call's parenthesis. */
function callParenAt(text: string, offset: number): number | undefined {
  const isNameChar = (i: number): boolean =>
    i >= 0 && i < text.length && (isNamePartCode(text.charCodeAt(i)) || text.charCodeAt(i) === Char.Dot);
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

/** Whether the object between `from` and `to` has `input` as one of its own keys (`"input":`, or `input=` in
 * dict()). */
function hasInputKey(text: string, from: number, to: number, keyword: boolean): boolean {
  let depth = 0;
  let key = -1; // end of the last key-like token at depth 0
  for (let i = from; i < to;) {
    const c = text.charCodeAt(i);
    const skipped = skipStringOrComment(text, i, to);
    if (skipped !== i) {
      if (depth === 0 && !keyword && /^["']input["']$/.test(text.slice(i, skipped))) key = skipped;
      i = skipped;
      continue;
    }
    if (isOpener(c)) depth++;
    else if (isCloser(c)) depth--;
    else if (
      depth === 0 &&
      keyword &&
      isNameStartCode(c) &&
      text.startsWith('input', i) &&
      !isNamePartCode(text.charCodeAt(i + 5)) &&
      !isNamePartCode(text.charCodeAt(i - 1))
    ) {
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
export function findLiteralAt(
  text: string,
  offset: number,
  maxChars: number = DEFAULT_MAX_LITERAL_CHARS,
): TextRange | undefined {
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
