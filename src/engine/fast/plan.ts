/**
 * What the planners hand to the executor: how to lay the input out in wasm memory, and a list of passes, each an
 * implicit GEMM over one group (and, gathering into the big grid, one stride phase). Offsets are in elements. A plan
 * depends on the geometry alone, not on the data: one plan serves every call with the same shapes.
 */
export interface Plan {
  /** The elements of the zero-padded layout the source (the data the passes read) is copied into. */
  inputElements: number;
  /** Whether the layout is the source as it is (no padding, nothing to lay out): it is copied in whole. */
  sourceIsLayout: boolean;
  /** Lays the source out in the (zeroed) input region, by block copies. */
  fillInput(copy: CopyBlock): void;
  passes: Pass[];
  /** Output tensor size in elements, and its channels. */
  outputElements: number;
  outputChannels: number;
  /** Whether the passes write every output; where not, the rest holds the bias alone (zero without one). */
  coversOutput: boolean;
}

export interface Pass {
  /** Per tap, the offset from a tile's first input element to the element the tap multiplies. */
  taps: Int32Array;
  /** Flat weight index of (output channel k of the pass, tap t): `weightOffset + tapWeight[t] +
   * k*weightChannelStride`. */
  tapWeight: Int32Array;
  weightOffset: number;
  weightChannelStride: number;
  /** Output channels the pass writes (global index of the first, and how many). */
  firstChannel: number;
  channels: number;
  /** Offset of row 0's first tile in the input region, and the step from one output row to the next. */
  inputOffset: number;
  rowStep: number;
  rows: number;
  /** Tiles per row, and f64x2 vectors per tile: a row computes `tiles * 2 * vectors` outputs, the extra ones
   * discarded. */
  tiles: number;
  vectors: number;
  /** Where output (channel c, row i, column j < columns) goes: `channelBase + c*channelStride + (rowOffset +
   * i*rowStride)*width + columnOffset + j*columnStride`. */
  destination: Destination;
}

export interface Destination {
  channelBase: number;
  channelStride: number;
  width: number;
  rowOffset: number;
  rowStride: number;
  columnOffset: number;
  columnStride: number;
  columns: number;
}

/** A 2-D block copy from the source into the input region; offsets and strides in elements. */
export type CopyBlock = (
  dst: number,
  dstRowStride: number,
  dstColumnStride: number,
  src: number,
  srcRowStride: number,
  srcColumnStride: number,
  rows: number,
  columns: number,
) => void;

/** Flops the tiles perform, padding columns included: what decides whether worker threads are worth it. */
export function planWork(plan: Plan): number {
  let work = 0;
  for (const p of plan.passes) work += 4 * p.channels * p.rows * p.tiles * p.vectors * p.taps.length;
  return work;
}
