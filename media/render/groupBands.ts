import { groupBlocks, isDepthwise, type ConvGeometry, type Span } from '../../src/engine';
import { el } from '../dom';

/** Whether the entry of M at (row, col) lies between groups' blocks, where it is zero whatever the weights. */
export function betweenGroups(g: ConvGeometry): (row: number, col: number) => boolean {
  const blocks = groupBlocks(g);
  const groupOf = (index: number, span: (block: (typeof blocks)[number]) => Span) =>
    blocks.findIndex((block) => index >= span(block).start && index < span(block).end);
  return (row, col) => groupOf(row, (b) => b.rows) !== groupOf(col, (b) => b.cols);
}

/** `0–1` for the half-open span [0, 2), `3` for [3, 4). */
const spanText = ({ start, end }: Span) => (end - start === 1 ? String(start) : `${start}–${end - 1}`);
const channelsText = (span: Span) => `channel${span.end - span.start === 1 ? '' : 's'} ${spanText(span)}`;

/**
 * What groups do to M, in words: its bands, one per group, and the zero blocks between them; the depthwise case
 * named. Undefined with one group.
 */
export function groupBandsNote(g: ConvGeometry): HTMLElement | undefined {
  if (g.groups === 1) return undefined;
  const multiplier = g.output.channels / g.input.channels;
  return el(
    'div',
    { class: 'group-bands', 'data-role': 'group-bands', 'data-groups': g.groups },
    el(
      'p',
      { class: 'lead' },
      el('strong', {}, `groups = ${g.groups}`),
      isDepthwise(g)
        ? `, one per input channel: a depthwise ${g.op}, each channel filtered on its own by ${multiplier === 1 ? 'its own kernel' : `its own ${multiplier} kernels`}.`
        : `: each group's outputs read only its own input channels.`,
      ' So M is block-diagonal: one band of rows and columns per group, and zero blocks (hatched) between them.',
    ),
    el(
      'ol',
      { class: 'bands', start: 0 },
      ...groupBlocks(g).map((block) =>
        el(
          'li',
          { 'data-group': block.group },
          el('strong', {}, `group ${block.group}`),
          `: x ${channelsText(block.inputChannels)} → y ${channelsText(block.outputChannels)}`,
          el('span', { class: 'detail' }, ` · rows ${spanText(block.rows)}, columns ${spanText(block.cols)} of M`),
        ),
      ),
    ),
  );
}
