import { Enclosing, enclosingBrackets } from './enclosingBrackets';
import { Hole, isNumeric } from './numericText';
import { Char, isCloser, isNamePartCode, isNameStartCode, isOpener, nameBefore, skipStringOrComment } from './scan';
import { ScanBudget } from './scanWork';
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

/**
 * A bracket's own text: between its brackets, less the enclosing bracket just inside it (the previous, inner one
 * in `Enclosing[]` order), which was read before. Reading each level's own text only keeps the search linear in
 * the text however deep the nesting.
 */
interface OwnText {
  from: number;
  to: number;
  hole?: Hole;
}

function ownText(e: Enclosing & { close: number }, inner: Enclosing | undefined): OwnText {
  // An inner bracket left open was closed by e's closer: all of the rest is inside it.
  const hole = inner && { from: inner.open, to: inner.close === undefined ? e.close : inner.close + 1 };
  return { from: e.open + 1, to: e.close, hole };
}

const ownLength = ({ from, to, hole }: OwnText): number => to - from - (hole ? hole.to - hole.from : 0);

/** Whether an object's own text has `input` as a key (`"input":`, or `input=` in dict()). */
function hasInputKey(text: string, own: OwnText, keyword: boolean): boolean {
  let depth = 0;
  let key = -1; // end of the last key-like token at depth 0
  const spans = own.hole ? [own.from, own.hole.from, own.hole.to, own.to] : [own.from, own.to];
  for (let s = 0; s < spans.length; s += 2) {
    const to = spans[s + 1];
    key = -1;
    for (let i = spans[s]; i < to;) {
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
  }
  return false;
}

const span = (from: number, closer: number): TextRange => ({ offset: from, length: closer + 1 - from });

/** The search gave up: it would have read more than its budget. */
const GAVE_UP = 'gave up';

/** The innermost enclosing spec object: `{...}` with an "input" key, or `dict(input=...)`. */
function innermostSpec(
  text: string,
  enclosing: Enclosing[],
  budget: ScanBudget,
): TextRange | undefined | typeof GAVE_UP {
  let inner: Enclosing | undefined;
  for (const e of enclosing) {
    const closed = e.close === undefined ? undefined : (e as Enclosing & { close: number });
    if (closed) {
      const own = ownText(closed, inner);
      const callee = e.bracket === Char.OpenParen ? nameBefore(text, e.open) : undefined;
      const keyword = callee?.name === 'dict';
      if ((e.bracket === Char.OpenBrace || keyword) && !budget.take(ownLength(own))) return GAVE_UP;
      if (e.bracket === Char.OpenBrace && hasInputKey(text, own, false)) return span(e.open, closed.close);
      if (keyword && hasInputKey(text, own, true)) return span(callee!.offset, closed.close);
    }
    inner = e;
  }
  return undefined;
}

/** The outermost numeric array (or array call) around the cursor; numeric-ness only shrinks going outwards. */
function outermostMatrix(
  text: string,
  enclosing: Enclosing[],
  budget: ScanBudget,
): TextRange | undefined | typeof GAVE_UP {
  let best: TextRange | undefined;
  let checked: Enclosing | undefined; // the level just inside, when all of it is known to be numeric
  for (const e of enclosing) {
    if (e.close === undefined) {
      if (best) break;
      checked = undefined;
      continue;
    }
    const own = ownText(e as Enclosing & { close: number }, checked);
    const callee = e.bracket === Char.OpenParen ? nameBefore(text, e.open) : undefined;
    if (e.bracket === Char.OpenBracket) {
      // `a[0]` indexes; it is not a list.
      const before = e.open > 0 ? text.charCodeAt(e.open - 1) : -1;
      if (isNamePartCode(before) || before === Char.CloseParen || before === Char.CloseBracket) break;
      if (!budget.take(ownLength(own))) return GAVE_UP;
      if (!isNumeric(text, own.from, own.to, false, own.hole)) break;
      best = span(e.open, e.close);
    } else if (e.bracket === Char.OpenParen && callee && ARRAY_CALLS.has(callee.name)) {
      if (!budget.take(2 * ownLength(own))) return GAVE_UP;
      if (!isNumeric(text, own.from, own.to, true, own.hole)) break;
      best = span(callee.offset, e.close);
    } else if (e.bracket === Char.OpenParen && !callee) {
      // A tuple row `(1, 2)`: part of a matrix, not one itself.
      if (!budget.take(ownLength(own))) return GAVE_UP;
      if (!isNumeric(text, own.from, own.to, false, own.hole)) break;
    } else if (e.bracket === Char.OpenParen && callee?.name === 'float') {
      // `float('inf')`, read whole: a string is allowed only right inside it.
      if (!budget.take(ownLength(own) + e.open - callee.offset + 2)) return GAVE_UP;
      if (!isNumeric(text, callee.offset, e.close + 1, false, own.hole)) break;
    } else break;
    checked = e;
  }
  return best;
}

/** A first, short scan: enough for the usual hover inside a spec object of a large JSON file. */
const QUICK_WINDOW = 65_536;

/** Characters a search may read per character of its window: its passes read each character about four times. */
const READS_PER_CHARACTER = 6;

/**
 * The literal around `offset` (the character under the cursor) in JSON, JSONC, Python or Markdown: the innermost
 * enclosing spec object (one with an "input" key, or `dict(input=...)`), else the outermost numeric array literal,
 * including a surrounding `np.array(...)`/`torch.tensor(...)` call. Only text within `maxChars` of the cursor is
 * scanned, and nothing is parsed: the caller parses the range found (`readSelection`). The search reads each
 * character of that window a bounded number of times, however deep the brackets nest, and gives up (undefined)
 * rather than read more than `READS_PER_CHARACTER` times the window. Undefined when there is no literal.
 */
export function findLiteralAt(
  text: string,
  offset: number,
  maxChars: number = DEFAULT_MAX_LITERAL_CHARS,
): TextRange | undefined {
  if (!(offset >= 0 && offset < text.length) || !(maxChars > 0)) return undefined;
  const at = callParenAt(text, offset) ?? offset;
  const max = Math.floor(maxChars);
  const budget = new ScanBudget(READS_PER_CHARACTER * (2 * max + 1) + 2 * (2 * QUICK_WINDOW + 1));
  // A spec found in the short scan is the innermost one; only a miss needs the full bound.
  if (max > QUICK_WINDOW && (at > QUICK_WINDOW || text.length - at > QUICK_WINDOW)) {
    const spec = innermostSpec(text, enclosingBrackets(text, at, QUICK_WINDOW, budget), budget);
    if (spec === GAVE_UP) return undefined;
    if (spec) return spec;
  }
  const enclosing = enclosingBrackets(text, at, max, budget);
  const spec = innermostSpec(text, enclosing, budget);
  if (spec === GAVE_UP) return undefined;
  const matrix = spec ?? outermostMatrix(text, enclosing, budget);
  return matrix === GAVE_UP ? undefined : matrix;
}
