import { cellsOf, ConvGeometry } from '../geometry';

/** A half-open range `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** One group's block of M: its input channels' rows by its output channels' columns. */
export interface GroupBlock {
  group: number;
  inputChannels: Span;
  outputChannels: Span;
  /** M's rows: the cells of the group's input channels. */
  rows: Span;
  /** M's columns: the cells of the group's output channels. */
  cols: Span;
}

/**
 * M's block structure: group `g` joins only its own input channels to its own output channels, so M is zero outside
 * these blocks, which lie along the diagonal (one block, all of M, without groups).
 */
export function groupBlocks(g: ConvGeometry): GroupBlock[] {
  const inPerGroup = g.input.channels / g.groups;
  const outPerGroup = g.output.channels / g.groups;
  const inVolume = cellsOf(g.input) / g.input.channels;
  const outVolume = cellsOf(g.output) / g.output.channels;
  return Array.from({ length: g.groups }, (_, group) => {
    const inputChannels = { start: group * inPerGroup, end: (group + 1) * inPerGroup };
    const outputChannels = { start: group * outPerGroup, end: (group + 1) * outPerGroup };
    return {
      group,
      inputChannels,
      outputChannels,
      rows: { start: inputChannels.start * inVolume, end: inputChannels.end * inVolume },
      cols: { start: outputChannels.start * outVolume, end: outputChannels.end * outVolume },
    };
  });
}

/** Depthwise: one group per input channel, each channel filtered on its own. */
export const isDepthwise = (g: ConvGeometry): boolean => g.groups === g.input.channels;
