/**
 * Prints specs and matrices the ways people write them in a selection: JSON, JSONC with comments, a Python
 * dict, `dict(...)`, `np.array(...)`/`torch.tensor(...)` calls, tuples, Python number spellings.
 */

/** Text written verbatim: a token JSON cannot hold (NaN, np.inf, True, a string where a number belongs). */
export class Raw {
  constructor(readonly text: string) {}
}

export type Value = number | string | boolean | null | Raw | Value[];

/** A spec as its fields in printing order. */
export type Fields = [string, Value][];

export interface Style {
  /** `dict` is `dict(input=..., ...)`; `python` is `{'input': ...}`. */
  syntax: 'json' | 'jsonc' | 'python' | 'dict';
  indent: boolean;
  /** Python only: the call around each array-valued field, e.g. `np.array`. */
  call: '' | 'np.array' | 'torch.tensor' | 'numpy.asarray';
  dtype: boolean;
  /** Python only: pairs such as stride as `(2, 2)`. */
  tuples: boolean;
  /** Python only: 0 plain, 1 `1.`, 2 `1.0`, 3 `.5` and `- 1`. */
  numbers: 0 | 1 | 2 | 3;
  comments: boolean;
  trailingComma: boolean;
}

const isPython = (style: Style): boolean => style.syntax === 'python' || style.syntax === 'dict';

export function printNumber(v: number, style: Style): string {
  const s = String(v);
  if (!isPython(style) || style.numbers === 0 || !Number.isFinite(v)) return s;
  if (Number.isInteger(v) && !s.includes('e'))
    return style.numbers === 1 ? `${s}.` : style.numbers === 2 ? `${s}.0` : s;
  if (style.numbers === 3) return s.replace(/^(-?)0\./, '$1.').replace(/^-/, '- ');
  return s;
}

function printString(s: string, style: Style): string {
  return isPython(style) ? `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(s);
}

export function printValue(v: Value, style: Style, tuple = false): string {
  if (v instanceof Raw) return v.text;
  if (v === null) return isPython(style) ? 'None' : 'null';
  if (typeof v === 'boolean') return isPython(style) ? (v ? 'True' : 'False') : String(v);
  if (typeof v === 'number') return printNumber(v, style);
  if (typeof v === 'string') return printString(v, style);
  const items = v.map((x) => printValue(x, style));
  const comma = style.trailingComma && style.syntax !== 'json' && items.length > 0 ? ',' : '';
  return tuple && isPython(style)
    ? `(${items.join(', ')}${items.length === 1 ? ',' : comma})`
    : `[${items.join(', ')}${comma}]`;
}

const ARRAY_FIELDS = new Set(['input', 'kernel', 'weight', 'bias']);

/** A field's value; arrays of numbers may get the style's call around them. */
function printField(key: string, v: Value, style: Style): string {
  const text = printValue(v, style, style.tuples && !ARRAY_FIELDS.has(key));
  if (!isPython(style) || !style.call || !ARRAY_FIELDS.has(key) || !Array.isArray(v)) return text;
  return `${style.call}(${text}${style.dtype ? ', dtype=np.float64' : ''})`;
}

export function printSpec(fields: Fields, style: Style): string {
  const gap = style.indent ? '\n  ' : ' ';
  const entries = fields.map(([key, v], i) => {
    // A Python comment runs to the end of its line, so it needs the indented layout.
    const note =
      style.comments && i % 2 === 1
        ? isPython(style)
          ? style.indent
            ? `# ${key}${gap}`
            : ''
          : style.syntax === 'jsonc'
            ? `/* ${key} */ `
            : ''
        : '';
    const name = style.syntax === 'dict' ? `${key}=` : `${printString(key, style)}: `;
    return `${note}${name}${printField(key, v, style)}`;
  });
  const tail = style.trailingComma && style.syntax !== 'json' && entries.length > 0 ? ',' : '';
  const body = `${gap}${entries.join(`,${gap}`)}${tail}${style.indent ? '\n' : ' '}`;
  const text = style.syntax === 'dict' ? `dict(${body})` : `{${body}}`;
  const comment = !style.comments
    ? ''
    : isPython(style)
      ? '  # conv spec'
      : style.syntax === 'jsonc'
        ? '  // conv spec'
        : '';
  return `${text}${comment}`;
}

/** One matrix as a selection holds it: `x = np.array(...)` in Python, a bare array in JSON. */
export function printMatrix(v: Value, style: Style, name: string): string {
  if (!isPython(style)) return printValue(v, style);
  const array = printField('input', v, style);
  return name ? `${name} = ${array}` : array;
}

/** Two matrices, input then kernel, with a separator people use between them. */
export function printPair(input: Value, kernel: Value, style: Style, separator: string): string {
  const named = isPython(style) && style.comments;
  return `${printMatrix(input, style, named ? 'x' : '')}${separator}${printMatrix(kernel, style, named ? 'k' : '')}`;
}
