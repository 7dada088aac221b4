import { Char, fenceEnd, isCloser, isOpener, skipStringOrComment } from './scan';
import { ScanBudget } from './scanWork';

/** A bracket open at the cursor: its offset and character, and its closer's offset if found within the bound. */
export interface Enclosing {
  open: number;
  bracket: number;
  close?: number;
}

/** ASCII characters the bracket scan must look at: brackets, quotes, comment starts, fence marks. */
const SIGNIFICANT = new Uint8Array(128);
for (const ch of '[]{}()"\'#/`~') SIGNIFICANT[ch.charCodeAt(0)] = 1;
/** The same characters for the regex engine, which finds the next one several times faster than a loop can. */
const NEXT_SIGNIFICANT = /[[\]{}()"'#/`~]/g;
/** A run of other characters this long (a row's numbers) is handed to the regex; shorter ones (`1, 2`) are cheaper to
 * step over. */
const LONG_RUN = 8;

const closerFor = (c: number): number =>
  c === Char.OpenBracket ? Char.CloseBracket : c === Char.OpenBrace ? Char.CloseBrace : Char.CloseParen;

/** The offset of the next significant character at or after `i` in `bounded` (the text cut at the scan's end), or its
 * end. */
function nextSignificant(bounded: string, i: number): number {
  NEXT_SIGNIFICANT.lastIndex = i;
  return NEXT_SIGNIFICANT.test(bounded) ? NEXT_SIGNIFICANT.lastIndex - 1 : bounded.length;
}

/**
 * The brackets enclosing `offset`, innermost first, with their closers. Strings and comments cannot be told
 * apart scanning backwards, so this scans forwards from a line start at most `maxChars` before the cursor (JSON
 * and Python strings do not span lines, except triple quotes, which are skipped whole) and stops once every
 * enclosing bracket is closed, or `maxChars` past the cursor. A Markdown fence ends a code block: it forgets
 * what was open. The characters scanned are charged to `budget`; the scan reads at most `2 * maxChars + 1`.
 */
export function enclosingBrackets(text: string, offset: number, maxChars: number, budget: ScanBudget): Enclosing[] {
  let start = Math.max(0, offset - maxChars);
  if (start > 0) {
    const lineBreak = text.indexOf('\n', start);
    if (lineBreak >= 0 && lineBreak < offset) start = lineBreak + 1;
  }
  const end = Math.min(text.length, offset + maxChars + 1);
  const bounded = text.slice(0, end); // same offsets, but a regex search cannot run past the bound (no copy is made)
  const stack: Enclosing[] = [];
  /** How many brackets on the stack each closer would close, by the closer's character code. */
  const openOf = new Uint32Array(128);
  let atCursor: Enclosing[] | undefined;
  let plain = 0; // length of the current run of characters that cannot open, close or hide a bracket
  let i = start;
  for (; i < end;) {
    const c = text.charCodeAt(i);
    // Most characters are plain: one table lookup steps over them, and a long run goes to the regex (the hot path).
    if (c < 128 && !SIGNIFICANT[c]) {
      i++;
      if (++plain === LONG_RUN) {
        i = nextSignificant(bounded, i);
        plain = 0;
      }
      continue;
    }
    plain = 0;
    // The bracket under the cursor counts as enclosing it (the literal starts there), and so does a closer.
    if (!atCursor && i >= offset && !(i === offset && isOpener(c))) {
      atCursor = [...stack];
      if (atCursor.length === 0) break;
    }
    const skipped = skipStringOrComment(text, i, end);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    if (isOpener(c)) {
      stack.push({ open: i, bracket: c });
      openOf[closerFor(c)]++;
      if (!atCursor && i === offset) atCursor = [...stack];
    } else if (isCloser(c)) {
      // A stray closer (prose, a typo) closes the nearest matching opener, or nothing. The count of open brackets
      // of its kind answers "nothing" at once; otherwise each bracket passed is popped, so the scan stays linear.
      if (openOf[c] > 0) {
        let top: Enclosing;
        do {
          top = stack.pop()!; // faster than setting length, which V8 does in its runtime
          openOf[closerFor(top.bracket)]--;
        } while (closerFor(top.bracket) !== c);
        top.close = i;
      }
      if (atCursor && stack.length === 0) break;
    } else if (c === Char.Backtick || c === Char.Tilde) {
      const fence = fenceEnd(text, i, end);
      if (fence >= 0) {
        if (atCursor) break;
        stack.splice(0);
        openOf.fill(0);
        i = fence;
        continue;
      }
    }
    i++;
  }
  budget.take(Math.min(i, end) - start);
  return (atCursor ?? [...stack]).reverse();
}
