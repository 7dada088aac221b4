import { MAX_TILE_CHANNELS, maxVectors } from './kernelModule';

/** Splits a pass's output channels into register blocks: as many 4s as fit, then a 2, then a 1. */
export function channelBlocks(channels: number): number[] {
  const blocks: number[] = [];
  let left = channels;
  for (let size = MAX_TILE_CHANNELS; size >= 1; size >>= 1) {
    while (left >= size) {
      blocks.push(size);
      left -= size;
    }
  }
  return blocks;
}

/**
 * Tile width in f64x2 vectors: the widest the largest block allows whose 2·v outputs still fit in a row, so narrow
 * outputs waste little work on the columns past the row's end.
 */
export function tileVectors(channels: number, columns: number): number {
  const largest = Math.min(MAX_TILE_CHANNELS, 1 << Math.floor(Math.log2(channels)));
  let vectors = maxVectors(largest);
  while (vectors > 1 && 2 * vectors > columns) vectors >>= 1;
  return vectors;
}
