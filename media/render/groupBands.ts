import type { ConvGeometry, Grid } from '../../src/engine';
import { el } from '../dom';

/** One group's band of M: the channels it reads and writes, and the rows and columns of M they are. */
export interface GroupBand {
  group: number;
  /** Channels `[first, last]`, inclusive. */
  inChannels: readonly [number, number];
  outChannels: readonly [number, number];
  rows: readonly [number, number];
  cols: readonly [number, number];
}

/** Cells per channel of a grid: one channel's stretch of rows (input) or columns (output) of M. */
const perChannel = (grid: Grid) => grid.depth * grid.height * grid.width;

/**
 * The blocks of M that groups leave non-zero: group `g` reads input channels `g*Cin/G …` and writes output channels
 * `g*Cout/G …`, so M (rows: input cells, columns: output cells, channel by channel) is block-diagonal.
 */
export function groupBands(g: ConvGeometry): GroupBand[] {
  const [cin, cout] = [g.input.channels / g.groups, g.output.channels / g.groups];
  const [rowsPer, colsPer] = [perChannel(g.input), perChannel(g.output)];
  return Array.from({ length: g.groups }, (_, group) => ({
    group,
    inChannels: [group * cin, (group + 1) * cin - 1],
    outChannels: [group * cout, (group + 1) * cout - 1],
    rows: [group * cin * rowsPer, (group + 1) * cin * rowsPer - 1],
    cols: [group * cout * colsPer, (group + 1) * cout * colsPer - 1],
  }));
}

/** Whether the entry of M at (row, col) lies between groups' blocks, where it is zero whatever the weights. */
export function betweenGroups(g: ConvGeometry): (row: number, col: number) => boolean {
  const [rowsPerGroup, colsPerGroup] = [
    (g.input.channels / g.groups) * perChannel(g.input),
    (g.output.channels / g.groups) * perChannel(g.output),
  ];
  return (row, col) => Math.floor(row / rowsPerGroup) !== Math.floor(col / colsPerGroup);
}

/** PyTorch's depthwise convolution: one group per input channel, each filtered on its own. */
export const isDepthwiseGroups = (g: ConvGeometry): boolean => g.groups > 1 && g.groups === g.input.channels;

const span = ([first, last]: readonly [number, number]) => (first === last ? String(first) : `${first}–${last}`);

/**
 * What groups do to M, in words: its bands, one per group, and the zero blocks between them; the depthwise case
 * named. Undefined with one group.
 */
export function groupBandsNote(g: ConvGeometry): HTMLElement | undefined {
  if (g.groups === 1) return undefined;
  const depthwise = isDepthwiseGroups(g);
  const multiplier = g.output.channels / g.input.channels;
  return el(
    'div',
    { class: 'group-bands', 'data-role': 'group-bands', 'data-groups': g.groups },
    el(
      'p',
      { class: 'lead' },
      el('strong', {}, `groups = ${g.groups}`),
      depthwise
        ? `, one per input channel: a depthwise ${g.op}, each channel filtered on its own by ${multiplier === 1 ? 'its own kernel' : `its own ${multiplier} kernels`}.`
        : `: each group's outputs read only its own input channels.`,
      ' So M is block-diagonal: one band of rows and columns per group, and zero blocks (hatched) between them.',
    ),
    el(
      'ol',
      { class: 'bands', start: 0 },
      ...groupBands(g).map((band) =>
        el(
          'li',
          { 'data-group': band.group },
          el('strong', {}, `group ${band.group}`),
          `: x channel${band.inChannels[0] === band.inChannels[1] ? '' : 's'} ${span(band.inChannels)} → y channel${band.outChannels[0] === band.outChannels[1] ? '' : 's'} ${span(band.outChannels)}`,
          el('span', { class: 'detail' }, ` · rows ${span(band.rows)}, columns ${span(band.cols)} of M`),
        ),
      ),
    ),
  );
}
