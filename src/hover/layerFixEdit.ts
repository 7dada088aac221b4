/** The edit a layer's quick fix makes: the argument rewritten where the call writes it, or added as a keyword. */
import type { LayerCall, LayerFix, TextSpan } from '../python/layer';

export interface TextEdit {
  span: TextSpan;
  text: string;
}

/** `3`, or `(1, 2)` for a value per axis (one number when every axis has it, as PyTorch accepts). */
export function valueText(value: number | number[]): string {
  if (typeof value === 'number') return String(value);
  return value.every((v) => v === value[0]) ? String(value[0]) : `(${value.join(', ')})`;
}

/** The edit of `fix` on `call` in `text` (the text the call's spans count in). */
export function fixEdit(text: string, call: LayerCall, fix: LayerFix): TextEdit {
  const value = valueText(fix.value);
  const written = call.args[fix.parameter]?.span;
  if (written) {
    // A keyword argument keeps its `name=`; only the value changes.
    const keyword = /^\s*\w+\s*=\s*/.exec(text.slice(written.start, written.end))?.[0].length ?? 0;
    return { span: { start: written.start + keyword, end: written.end }, text: value };
  }
  // Added after the last argument, before the closing parenthesis (and any line break before it).
  let at = call.span.end - 1;
  while (at > call.span.start && /\s/.test(text[at - 1])) at--;
  const before = text[at - 1];
  const separator = before === '(' ? '' : before === ',' ? ' ' : ', ';
  return { span: { start: at, end: at }, text: `${separator}${fix.parameter}=${value}` };
}
