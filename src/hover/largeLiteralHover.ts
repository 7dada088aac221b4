/** Hovers for literals too large to parse within a hover's budget: shapes and the output size, no values. */
import { normalizeSpec, SPEC_FIELDS } from '../engine';
import { markdownText } from '../format/markdownText';
import { dims, LiteralHover, literalWord, problemSummary } from './hoverSummary';
import { scanArrayShape, scanObjectFields } from '../parse/shapeScan';

/** Field values longer than this are measured by scanning, shorter ones are parsed. */
const PARSED_FIELD_LIMIT = 10_000;

const megabytes = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

/** Zeros in the given shape, sharing one row per level: the engine can size a spec from it almost for free. */
function zerosShaped(shape: number[]): unknown {
  let level: unknown = new Array<number>(shape[shape.length - 1]).fill(0);
  for (let d = shape.length - 2; d >= 0; d--) level = new Array<unknown>(shape[d]).fill(level);
  return level;
}

const NOT_PREVIEWED = (length: number) =>
  `values not previewed (${megabytes(length)}); **ConvLens: Convolve selection** computes it`;

function describeLargeSpec(text: string, open: number): LiteralHover | undefined {
  const fields = scanObjectFields(text, open);
  if (!fields) return undefined;
  const spec: Record<string, unknown> = {};
  for (const name of SPEC_FIELDS) {
    const span = fields.get(name);
    if (!span) continue;
    const large = span.end - span.start > PARSED_FIELD_LIMIT;
    if (large && !span.shape) return undefined;
    try {
      spec[name] = large && span.shape ? zerosShaped(span.shape) : JSON.parse(text.slice(span.start, span.end));
    } catch {
      return undefined;
    }
  }
  const problem = normalizeSpec(spec);
  if (!problem.ok) return { markdown: `**ConvLens** · ${markdownText(problem.error.message)}`, opensInPanel: false };
  return {
    markdown: [...problemSummary(problem.value), '', NOT_PREVIEWED(text.length)].join('\n'),
    opensInPanel: true,
  };
}

/** Markdown for a literal of many characters, from its shape alone; undefined when it is neither spec nor matrix. */
export function describeLargeLiteral(text: string): LiteralHover | undefined {
  const open = text.search(/[[{(]/);
  if (open < 0) return undefined;
  if (text[open] === '{') return describeLargeSpec(text, open);
  const bracket = text.indexOf('[', open);
  const array = bracket >= 0 ? scanArrayShape(text, bracket) : undefined;
  return array
    ? {
        markdown: `**ConvLens** · ${literalWord(array.shape.length)} ${dims(array.shape)} · ${NOT_PREVIEWED(text.length)}`,
        opensInPanel: false,
      }
    : undefined;
}
