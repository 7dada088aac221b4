import { copy2d, splitPairs, zero } from './copyKernels';
import { driver } from './driver';
import { tileKernel } from './tileKernel';
import { encodeModule, ModuleSpec, typeIndexOf } from './wasm/moduleBytes';

/** Tile shapes (output channels × f64x2 columns) compiled into the module: at most 8 accumulators, so they stay in
 * registers. */
export const TILE_SHAPES: readonly { channels: number; vectors: number }[] = [
  { channels: 1, vectors: 1 },
  { channels: 1, vectors: 2 },
  { channels: 1, vectors: 4 },
  { channels: 1, vectors: 8 },
  { channels: 2, vectors: 1 },
  { channels: 2, vectors: 2 },
  { channels: 2, vectors: 4 },
  { channels: 4, vectors: 1 },
  { channels: 4, vectors: 2 },
];

/** The largest channel block a tile may have; blocks are 4, 2 or 1 channels. */
export const MAX_TILE_CHANNELS = 4;
const MAX_ACCUMULATORS = 8;

/** The widest tile (in f64x2 vectors) for a given channel block size. */
export const maxVectors = (channels: number): number => MAX_ACCUMULATORS / channels;

/** The table slot of a tile kernel, which is what a pass descriptor names. */
export function tileSlot(channels: number, vectors: number): number {
  const slot = TILE_SHAPES.findIndex((s) => s.channels === channels && s.vectors === vectors);
  if (slot < 0) throw new Error(`no ${channels}x${vectors} tile kernel`);
  return slot;
}

/** 2 GiB: byte addresses stay positive i32s. */
export const MAXIMUM_PAGES = 32768;

/**
 * The module's bytes, built from the generators in this folder: the tile kernels (in table 0), the exported `run`,
 * `copy2d`, `zero` and `splitPairs`. With `fused`, the tiles use relaxed SIMD's multiply-add, which not every
 * runtime accepts.
 */
export function kernelModuleBytes(shared: boolean, fused: boolean): Uint8Array {
  const tiles = TILE_SHAPES.map((s) => ({ body: tileKernel(s.channels, s.vectors, fused) }));
  const spec: ModuleSpec = {
    memory: { minimumPages: 1, maximumPages: MAXIMUM_PAGES, shared },
    functions: tiles,
    table: tiles.map((_, i) => i),
  };
  spec.functions = [
    ...tiles,
    { body: driver(typeIndexOf(spec, tiles[0].body)), exportAs: 'run' },
    { body: copy2d(), exportAs: 'copy2d' },
    { body: zero(), exportAs: 'zero' },
    { body: splitPairs(), exportAs: 'splitPairs' },
  ];
  return encodeModule(spec);
}
