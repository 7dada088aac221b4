/** The few Python names a matrix literal may use; shared by the parser and `findLiteralAt` so they agree. */

/** Calls whose first argument is the array itself; other arguments (`dtype=...`, `requires_grad=True`) are ignored. */
export const ARRAY_CALLS: ReadonlySet<string> = new Set([
  'np.array',
  'np.asarray',
  'numpy.array',
  'numpy.asarray',
  'torch.tensor',
  'torch.Tensor',
  'torch.as_tensor',
  'torch.asarray',
]);

const NUMERIC_MODULES = new Set(['', 'np', 'numpy', 'math', 'torch']);

/**
 * The value of a name that spells NaN or infinity (`nan`, `np.inf`, `math.nan`, JSON-ish `NaN`/`Infinity`), or
 * undefined. They are read as numbers so the message can say exactly which element is not finite.
 */
export function nonFiniteName(name: string): number | undefined {
  const dot = name.lastIndexOf('.');
  if (!NUMERIC_MODULES.has(name.slice(0, Math.max(dot, 0)))) return undefined;
  const last = name.slice(dot + 1).toLowerCase();
  if (last === 'nan') return NaN;
  if (last === 'inf' || last === 'infinity') return Infinity;
  return undefined;
}

/** `float('inf')`, `float("-nan")`, `float('1.5')`: what Python's float() accepts from a string. */
export function floatFromString(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  const sign = s.startsWith('-') ? -1 : 1;
  const body = s.replace(/^[+-]/, '');
  if (body === 'nan') return NaN;
  if (body === 'inf' || body === 'infinity') return sign * Infinity;
  return /^(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(e[+-]?\d+)?$/.test(body) ? sign * Number(body.replace(/_/g, '')) : undefined;
}

/** Python's and JSON's constants. */
export const CONSTANTS: ReadonlyMap<string, boolean | null> = new Map<string, boolean | null>([
  ['true', true],
  ['True', true],
  ['false', false],
  ['False', false],
  ['null', null],
  ['None', null],
]);

/** The spec fields that hold integers (one, or a pair): a float64 holds them exactly only up to 2^53 - 1. */
export const INTEGER_PARAMETERS: ReadonlySet<string> = new Set([
  'stride',
  'padding',
  'dilation',
  'output_padding',
  'groups',
]);

/** Whether `value` is an integer too large for a float64 to hold exactly (so the text's digits were rounded). */
export const isUnsafeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);
