import { scanned } from './scanWork';
import type { TextRange } from './types';

/** 1-based line and column; columns count UTF-16 code units, as VS Code does. */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * Lines and columns of offsets in `text` (clamped into the text): the line starts are found once, then each offset
 * is a binary search, so a file with many errors is not rescanned for each. `\r\n`, `\n` and a lone `\r` each end
 * a line, matching how editors number lines.
 */
export function lineLocator(text: string): (offset: number) => LineColumn {
  scanned.characters += text.length;
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    const end = Math.max(0, Math.min(Math.floor(offset), text.length));
    let low = 0; // the last line start at or before `end` is in starts[low..high]
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= end) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: end - starts[low] + 1 };
  };
}

/** Ranges are relative to the parsed text; the extension adds the selection's document offset with this. */
export const shiftRange = (range: TextRange, base: number): TextRange => ({
  offset: range.offset + base,
  length: range.length,
});

export const rangeEnd = (range: TextRange): number => range.offset + range.length;

/** The smallest range covering both. */
export function unionRange(a: TextRange, b: TextRange): TextRange {
  const offset = Math.min(a.offset, b.offset);
  return { offset, length: Math.max(rangeEnd(a), rangeEnd(b)) - offset };
}

/** Forces a range inside `[0, textLength]`, so no error can ever point outside the text it came from. */
export function clampRange(range: TextRange, textLength: number): TextRange {
  const offset = Math.max(0, Math.min(range.offset, textLength));
  const end = Math.max(offset, Math.min(rangeEnd(range), textLength));
  return { offset, length: end - offset };
}
