/** The hover preview of a literal, as Markdown: pure, so it is unit-tested without VS Code. */
import { computeCost, ConvProblem, planesOf, Rank, readNumericArray, Tensor } from '../engine';
import { solve } from '../convolve';
import { markdownText } from '../format/markdownText';
import { listText, matrixText } from '../format/matrixText';
import { formatNumber } from '../format/numberText';
import { dims, LiteralHover, literalWord, problemSummary } from './hoverSummary';
import { describeLargeLiteral } from './largeLiteralHover';
import { problemFromContent, readSelection } from '../parse';
import { NumberFormat } from '../protocol/messages';

/** Outputs are previewed only when computing them is this cheap (cells and multiply-adds), so a hover stays instant. */
const PREVIEW_WORK_LIMIT = 200_000;
/** Literals longer than this are described from their shape alone: parsing them would take longer than a hover may. */
export const LARGE_LITERAL_CHARACTERS = 200_000;
const PREVIEW_ROWS = 8;
const PREVIEW_COLS = 8;
/** Planes (channels, depth slices) of an output or a literal shown before the rest are counted. */
const PREVIEW_PLANES = 2;

const fenced = (text: string): string => '```\n' + text + '\n```';
const more = (n: number, what: string): string => `# … ${n} more ${what}${n === 1 ? '' : 's'}`;

/**
 * The first planes of `total`, each under its title (none for a lone plane), cut to the preview's rows and columns;
 * the rest are counted.
 */
function planesPreview(
  planes: { title: string; data: Float64Array }[],
  total: number,
  height: number,
  width: number,
  format: NumberFormat,
  what: string,
): string {
  const shown = planes.slice(0, PREVIEW_PLANES).map(({ title, data }) => {
    const heading = total === 1 ? '' : `# ${title}\n`;
    return heading + matrixText(data, height, width, format, PREVIEW_ROWS, PREVIEW_COLS);
  });
  if (total > PREVIEW_PLANES) shown.push(more(total - PREVIEW_PLANES, what));
  return fenced(shown.join('\n'));
}

/** An output as the op writes it: `[C][L]` whole, one row per channel; else its first planes (a channel or a depth
 * slice of one), labelled. */
function tensorPreview(t: Tensor, rank: Rank, format: NumberFormat): string {
  if (rank === 1) return fenced(matrixText(t.data, t.channels, t.width, format, PREVIEW_ROWS, 2 * PREVIEW_COLS));
  const planes = planesOf(t).map(({ channel, depth, data }) => ({
    title: t.depth > 1 ? `channel ${channel}, depth ${depth}` : `channel ${channel}`,
    data,
  }));
  return planesPreview(planes, planes.length, t.height, t.width, format, t.depth > 1 ? 'slice' : 'channel');
}

function problemMarkdown(problem: ConvProblem, format: NumberFormat): string {
  const lines = problemSummary(problem);
  if (computeCost(problem) <= PREVIEW_WORK_LIMIT) {
    // An overflow is said as the command says it, not previewed as Infinity.
    const solution = solve(problem);
    lines.push(
      '',
      ...(solution.ok
        ? ['output:', tensorPreview(solution.value.output, problem.geometry.rank, format)]
        : [solution.error.message]),
    );
  }
  return lines.join('\n');
}

/** `[0, 1]`: the leading indices of plane `p` of an array of `leading` planes per index, as numpy indexes it. */
function planeIndex(leading: readonly number[], p: number): string {
  const index = leading.map(() => 0);
  for (let a = leading.length - 1, rest = p; a >= 0; a--) {
    index[a] = rest % leading[a];
    rest = Math.floor(rest / leading[a]);
  }
  return `[${index.join(', ')}]`;
}

function matrixMarkdown(value: unknown, format: NumberFormat): string {
  const read = readNumericArray(value, 'matrix', []);
  if (!read.ok) return `**ConvLens** · ${markdownText(read.error.message)}`;
  const { shape, data } = read.value;
  let min = Infinity;
  let max = -Infinity;
  for (const v of data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const header = `**ConvLens** · ${literalWord(shape.length)} ${dims(shape)} · min ${formatNumber(min, format)} · max ${formatNumber(max, format)}`;
  if (shape.length < 2) return `${header}\n\n${fenced(listText(data, format, 2 * PREVIEW_COLS))}`;
  const [height, width] = shape.slice(-2);
  const leading = shape.slice(0, -2);
  const size = height * width;
  const total = data.length / size;
  // Only the planes shown are cut out of the data.
  const planes = Array.from({ length: Math.min(total, PREVIEW_PLANES) }, (_, p) => ({
    title: planeIndex(leading, p),
    data: data.subarray(p * size, (p + 1) * size),
  }));
  return `${header}\n\n${planesPreview(planes, total, height, width, format, 'plane')}`;
}

/** Markdown for the literal `text` (a spec object, two matrices, or one matrix); undefined when it is neither. */
export function describeLiteral(text: string, format: NumberFormat): LiteralHover | undefined {
  if (text.length > LARGE_LITERAL_CHARACTERS) return describeLargeLiteral(text);
  const read = readSelection(text);
  if (!read.ok) return undefined;
  const content = read.value;
  if (content.kind === 'single') return { markdown: matrixMarkdown(content.matrix.value, format), opensInPanel: false };
  const located = problemFromContent(content);
  if (!located.ok) return { markdown: `**ConvLens** · ${markdownText(located.error.message)}`, opensInPanel: false };
  return { markdown: problemMarkdown(located.value.problem, format), opensInPanel: true };
}
