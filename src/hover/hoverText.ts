/** The hover preview of a literal, as Markdown: pure, so it is unit-tested without VS Code. */
import { checkFinite, compute, computeCost, ConvProblem, planesOf, readNumericArray, Tensor } from '../engine';
import { markdownText } from '../format/markdownText';
import { matrixText } from '../format/matrixText';
import { formatNumber } from '../format/numberText';
import { dims, LiteralHover, problemSummary } from './hoverSummary';
import { describeLargeLiteral } from './largeLiteralHover';
import { problemFromContent, readSelection } from '../parse';
import { NumberFormat } from '../protocol/messages';

/** Outputs are previewed only when computing them is this cheap (cells and multiply-adds), so a hover stays instant. */
const PREVIEW_WORK_LIMIT = 200_000;
/** Literals longer than this are described from their shape alone: parsing them would take longer than a hover may. */
export const LARGE_LITERAL_CHARACTERS = 200_000;
const PREVIEW_ROWS = 8;
const PREVIEW_COLS = 8;
const PREVIEW_CHANNELS = 2;

/** The first planes of a tensor (a channel, or a depth slice of one), each cut to the preview's rows and columns. */
function tensorPreview(t: Tensor, format: NumberFormat): string {
  const planes = planesOf(t);
  const shown = planes.slice(0, PREVIEW_CHANNELS).map(({ channel, depth, data }) => {
    const title =
      planes.length === 1 ? '' : t.depth > 1 ? `# channel ${channel}, depth ${depth}\n` : `# channel ${channel}\n`;
    return title + matrixText(data, t.height, t.width, format, PREVIEW_ROWS, PREVIEW_COLS);
  });
  if (planes.length > PREVIEW_CHANNELS)
    shown.push(`# … ${planes.length - PREVIEW_CHANNELS} more ${t.depth > 1 ? 'slices' : 'channels'}`);
  return '```\n' + shown.join('\n') + '\n```';
}

function problemMarkdown(problem: ConvProblem, format: NumberFormat): string {
  const lines = problemSummary(problem);
  if (computeCost(problem) <= PREVIEW_WORK_LIMIT) {
    const result = compute(problem);
    // An overflow is said as the command says it, not previewed as Infinity.
    const finite = checkFinite(result);
    lines.push('', ...(finite.ok ? ['output:', tensorPreview(result.output, format)] : [finite.error.message]));
  }
  return lines.join('\n');
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
  const header = `**ConvLens** · matrix ${dims(shape)} · min ${formatNumber(min, format)} · max ${formatNumber(max, format)}`;
  if (shape.length < 2)
    return `${header}\n\n\`\`\`\n${matrixText(data, 1, data.length, format, 1, PREVIEW_COLS * 2)}\n\`\`\``;
  const [height, width] = shape.slice(-2);
  const channels = data.length / (height * width);
  return `${header}\n\n${tensorPreview({ channels, depth: 1, height, width, data }, format)}`;
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
