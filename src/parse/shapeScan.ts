/**
 * Shapes of large literals without reading their numbers: one pass over the characters, following the first
 * element at each level. For hovers on multi-megabyte selections, where parsing every number would take
 * far longer than a hover may; nothing here validates (the command does that when it runs).
 */

/** What can change the depth or hide a bracket; in a measured row, commas and numbers no longer count. */
const NEXT_BRACKET_OR_QUOTE = /[[\]()"']/g;

/** An array literal's shape (`[3, 4]` for `[[1,2,3,4],[5,6,7,8],[9,10,11,12]]`) and the index of its closing
 * bracket. */
export interface ScannedArray {
  shape: number[];
  end: number;
}

/** The array opening at `text[start]`; undefined when nothing opens there or it never closes. */
export function scanArrayShape(text: string, start: number, end = text.length): ScannedArray | undefined {
  if (text[start] !== '[' && text[start] !== '(') return undefined;
  const shape: number[] = [];
  const commas: number[] = [];
  const filled: boolean[] = [];
  // Only arrays on the chain of first elements are measured; `chain` is how deep that chain reaches now.
  let depth = 0;
  let chain = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      i = skipString(text, i, end);
      if (depth === chain) filled[depth - 1] = true;
    } else if (c === 0x5b || c === 0x28) {
      if (depth === chain && (depth === 0 || commas[depth - 1] === 0)) {
        chain++;
        commas[depth] = 0;
        filled[depth] = false;
      }
      if (depth > 0 && depth <= chain) filled[depth - 1] = true;
      depth++;
    } else if (c === 0x5d || c === 0x29) {
      depth--;
      if (depth < chain && shape[depth] === undefined)
        shape[depth] = filled[depth] ? commas[depth] + 1 - trailingComma(text, start, i) : 0;
      if (depth === 0) return { shape, end: i };
    } else if (c === 0x2c) {
      if (depth === chain || depth <= chain) commas[depth - 1]++;
    } else if (c > 0x20 && depth > 0 && depth <= chain) filled[depth - 1] = true;
    // Inside a row whose length is known, only brackets and quotes still matter: let the regex engine find the next.
    if (
      depth > 1 &&
      (depth > chain || (shape[depth - 1] !== undefined && (depth !== chain || commas[depth - 1] > 0)))
    ) {
      NEXT_BRACKET_OR_QUOTE.lastIndex = i + 1;
      const next = NEXT_BRACKET_OR_QUOTE.test(text) ? NEXT_BRACKET_OR_QUOTE.lastIndex - 1 : end;
      i = Math.min(next, end) - 1; // the loop's i++ lands on it
    }
  }
  return undefined;
}

/** 1 when the last non-blank character before `close` is a comma (`[1, 2,]`), which adds no element. */
function trailingComma(text: string, floor: number, close: number): number {
  let i = close - 1;
  while (i > floor && text.charCodeAt(i) <= 0x20) i--;
  return text.charCodeAt(i) === 0x2c ? 1 : 0;
}

function skipString(text: string, open: number, end: number): number {
  const quote = text.charCodeAt(open);
  for (let i = open + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === quote) return i;
  }
  return end;
}

/** A top-level field of an object literal: its value's text span, and its shape when it is an array. */
export interface ScannedField {
  start: number;
  end: number;
  shape?: number[];
}

/** The top-level fields of an object literal (`{"input": [...], ...}`), in one pass that measures array values. */
export function scanObjectFields(
  text: string,
  start: number,
  end = text.length,
): Map<string, ScannedField> | undefined {
  if (text[start] !== '{') return undefined;
  const fields = new Map<string, ScannedField>();
  let depth = 0;
  let key: string | undefined;
  let field: ScannedField | undefined;
  let lastString = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const close = skipString(text, i, end);
      if (depth === 1) lastString = text.slice(i + 1, close);
      i = close;
    } else if (
      depth === 1 &&
      (c === 0x5b || c === 0x28) &&
      field &&
      field.shape === undefined &&
      text.slice(field.start, i).trim() === ''
    ) {
      // An array value: measure it and jump past it.
      const array = scanArrayShape(text, i, end);
      if (!array) return undefined;
      field.shape = array.shape;
      i = array.end;
    } else if (c === 0x7b || c === 0x5b || c === 0x28) depth++;
    else if (c === 0x7d || c === 0x5d || c === 0x29) {
      depth--;
      if (depth === 0) {
        if (key !== undefined && field) fields.set(key, { ...field, end: i });
        return fields;
      }
    } else if (depth === 1 && c === 0x3a) {
      key = lastString;
      field = { start: i + 1, end: i + 1 };
    } else if (depth === 1 && c === 0x2c && key !== undefined && field) {
      fields.set(key, { ...field, end: i });
      key = undefined;
      field = undefined;
    }
  }
  return undefined;
}
