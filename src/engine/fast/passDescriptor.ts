/**
 * A pass descriptor: the i32 words in wasm memory that tell `run` how to sweep output rows of one pass
 * (one group, and for the transposed direction one stride phase). Addresses and strides are in bytes.
 */
export const Desc = {
  inBase: 0,
  rowStep: 1,
  taps: 2,
  nTaps: 3,
  outBase: 4,
  outRowPitch: 5,
  channelStride: 6,
  nTiles: 7,
  nBlocks: 8,
  tilesPerChunk: 9,
  tileBytes: 10,
  /** Outputs of a row's last tile to store (the row's end), at most 2·vectors. */
  lastTileColumns: 11,
  /** Bytes between neighbouring outputs of a row: 8, or more where stride phases interleave. */
  columnBytes: 12,
  /** Then `nBlocks` records of `BLOCK_WORDS` words, one per block of output channels. */
  blocks: 13,
} as const;

export const Block = { kernel: 0, weights: 1, bias: 2, outOffset: 3 } as const;
export const BLOCK_WORDS = 4;

export const descriptorWords = (blocks: number): number => Desc.blocks + blocks * BLOCK_WORDS;
