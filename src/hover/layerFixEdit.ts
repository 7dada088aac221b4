/** The edits a layer's quick fix makes: each argument rewritten where the call writes it, or added as a keyword. */
import type { ArgumentValue, LayerCall, LayerFix, TextSpan } from '../python/layer';

export interface TextEdit {
  span: TextSpan;
  text: string;
}

/** `3`, or `(1, 2)` for a value per axis (one number when every axis has it, as PyTorch accepts). */
export function valueText(value: number | number[]): string {
  if (typeof value === 'number') return String(value);
  return value.every((v) => v === value[0]) ? String(value[0]) : `(${value.join(', ')})`;
}

/** The edits of `fix` on `call` in `text` (the text the call's spans count in), none overlapping. */
export function fixEdits(text: string, call: LayerCall, fix: LayerFix): TextEdit[] {
  const settings = [fix, ...(fix.also ?? [])];
  const edits: TextEdit[] = [];
  const added: ArgumentValue[] = [];
  for (const setting of settings) {
    const written = call.args[setting.parameter]?.span;
    if (!written) {
      added.push(setting);
      continue;
    }
    // A keyword argument keeps its `name=`; only the value changes.
    const keyword = /^\s*\w+\s*=\s*/.exec(text.slice(written.start, written.end))?.[0].length ?? 0;
    edits.push({ span: { start: written.start + keyword, end: written.end }, text: valueText(setting.value) });
  }
  if (added.length === 0) return edits;
  // Added after the last argument, before the closing parenthesis (and any line break before it).
  let at = call.span.end - 1;
  while (at > call.span.start && /\s/.test(text[at - 1])) at--;
  const before = text[at - 1];
  const separator = before === '(' ? '' : before === ',' ? ' ' : ', ';
  const keywords = added.map((s) => `${s.parameter}=${valueText(s.value)}`).join(', ');
  return [...edits, { span: { start: at, end: at }, text: `${separator}${keywords}` }];
}
