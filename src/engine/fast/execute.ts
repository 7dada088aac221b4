import { tileSlot } from './kernelModule';
import { Block, BLOCK_WORDS, Desc, descriptorWords } from './passDescriptor';
import { CopyBlock, Pass, Plan } from './plan';
import { FastRuntime } from './runtime';
import { channelBlocks } from './tileChoice';
import { WasmArena } from './wasmArena';

/** Float64 elements per 4 KiB memory page. */
const PAGE_ELEMENTS = 512;

/** Outputs per chunk of a row that every channel block sweeps in turn: its input window then stays in L1. */
const CHUNK_OUTPUTS = 32;

interface PassLayout {
  pass: Pass;
  blocks: number[];
  taps: number;
  weights: number;
  /** Whether this pass writes its taps and packed weights, or reads those of an earlier pass with the same ones. */
  writesTaps: boolean;
  writesWeights: boolean;
  bias: number;
  descriptor: number;
}

/** Runs the planned jobs, triples [descriptor, rowBegin, rowEnd]; when other threads compute, this one first runs
 * `sideWork`. */
export type JobRunner = (jobs: Int32Array, count: number, sideWork: () => void) => void;

/**
 * Lays a plan out in wasm memory with `source`, the data its passes read, runs it, and returns the output in `into`
 * when given, else in a new array; undefined when the memory cannot grow enough. Memory: the source as given, its
 * zero-padded layout, per pass the taps and packed weights (once for passes that share them), bias and descriptor,
 * and the output in its final order. Tiles write output rows in place, strided transposed phases (whose outputs
 * interleave) lane by lane. The source goes in whole, in one copy, and is laid out by wasm `copy2d`: a JS copy per
 * row costs more than the row itself on short rows (64 columns). Where the plan's layout is the source as it is, that
 * one copy lays it out. The output comes out in one copy.
 */
export function execute(
  plan: Plan,
  source: Float64Array,
  weight: Float64Array,
  bias: Float64Array | null,
  runtime: FastRuntime,
  runJobs: JobRunner,
  into?: Float64Array,
): Float64Array | undefined {
  const arena = runtime.arena;
  const call = callLayout(plan, source.length, arena);
  if (!call) return undefined;
  const { input, output, layouts, jobs } = call;

  const { f64 } = arena;
  if (!plan.coversOutput) fillWithBias(f64.subarray(output / 8, output / 8 + plan.outputElements), plan, bias);
  if (plan.sourceIsLayout) {
    f64.set(source, input / 8);
    arena.inputLayout = undefined; // the source covers the region: a padded layout there must be zeroed again
  } else layOut(call, source, runtime);
  for (const layout of layouts) writeData(layout, weight, bias, f64);

  // While other threads compute, this one can take the page faults of a fresh result array: one write per page.
  // A caller's array has its pages already: fresh ones cost more than the copy (a few ms per MiB on some VMs).
  let result = into;
  const touchPages = () => {
    if (result) return;
    result = new Float64Array(plan.outputElements);
    for (let i = 0; i < result.length; i += PAGE_ELEMENTS) result[i] = 0;
  };
  runJobs(jobs, jobs.length / 3, touchPages);

  const computed = f64.subarray(output / 8, output / 8 + plan.outputElements);
  if (!result) return computed.slice();
  result.set(computed);
  return result;
}

/** Where a plan's call puts everything in wasm memory, what it writes there whatever the data, and its jobs. */
interface CallLayout {
  plan: Plan;
  sourceLength: number;
  input: number;
  staging: number;
  output: number;
  layouts: PassLayout[];
  /** The input region and its block copies (`laidOutBlocks`). */
  blocks: number[];
  jobs: Int32Array;
}

/** Per arena, the layout of its last call: a call with the same plan finds its taps and descriptors in place. */
const lastCall = new WeakMap<WasmArena, CallLayout>();

/**
 * The call's memory layout, with the taps and pass descriptors written: the last call's where it had the same plan
 * (the same shapes again), else a new one; undefined when the memory cannot grow enough. Reusing it saves a call
 * the allocations, descriptors, block list and jobs, tens of microseconds of JS on the sub-millisecond cases (run
 * a few dozen times, as a bench or a user does, this code is barely optimised by V8).
 */
function callLayout(plan: Plan, sourceLength: number, arena: WasmArena): CallLayout | undefined {
  const last = lastCall.get(arena);
  if (last && last.plan === plan && last.sourceLength === sourceLength) return last;
  lastCall.delete(arena);
  arena.reset();
  const input = arena.alloc(8 * plan.inputElements);
  const staging = plan.sourceIsLayout ? input : arena.alloc(8 * sourceLength);
  const output = arena.alloc(8 * plan.outputElements);
  // Passes that share taps and weights (the slices of a depth sum, the pieces of a long row) share one packed copy.
  const tapsAt = new Map<Int32Array, number>();
  const weightsAt = new Map<Int32Array, Map<string, number>>();
  const layouts: PassLayout[] = plan.passes.map((pass) => {
    const blocks = channelBlocks(pass.channels);
    const weightKey = `${pass.weightOffset},${pass.weightChannelStride},${pass.channels}`;
    const sameTaps = tapsAt.get(pass.taps);
    const sameWeights = weightsAt.get(pass.tapWeight)?.get(weightKey);
    const taps = sameTaps ?? arena.alloc(4 * pass.taps.length);
    const weights = sameWeights ?? arena.alloc(8 * pass.taps.length * pass.channels);
    tapsAt.set(pass.taps, taps);
    if (!weightsAt.has(pass.tapWeight)) weightsAt.set(pass.tapWeight, new Map());
    weightsAt.get(pass.tapWeight)!.set(weightKey, weights);
    return {
      pass,
      blocks,
      taps,
      weights,
      writesTaps: sameTaps === undefined,
      writesWeights: sameWeights === undefined,
      bias: arena.alloc(8 * pass.channels),
      descriptor: arena.alloc(4 * descriptorWords(blocks.length)),
    };
  });
  if (!arena.commit()) return undefined;
  for (const layout of layouts) writeDescriptor(layout, input, output, arena.i32);
  const call: CallLayout = {
    plan,
    sourceLength,
    input,
    staging,
    output,
    layouts,
    blocks: laidOutBlocks(plan, input),
    jobs: splitIntoJobs(layouts),
  };
  lastCall.set(arena, call);
  return call;
}

/**
 * Copies the source to `staging`, then lays it out in the input region by the plan's block copies. Tiles never write
 * the input region: a call that lays out the same blocks at the same place as the last one finds the padding still
 * zero.
 */
function layOut(call: CallLayout, source: Float64Array, runtime: FastRuntime): void {
  const { arena } = runtime;
  const { blocks, input, staging } = call;
  if (blocks !== arena.inputLayout && !sameNumbers(blocks, arena.inputLayout)) {
    runtime.zero(input, 8 * call.plan.inputElements);
    arena.inputLayout = blocks;
  }
  arena.f64.set(source, staging / 8);
  const copy = blockCopier(runtime, input, staging);
  for (let i = 2; i < blocks.length; i += 8) {
    if (i + 8 < blocks.length && splitPair(blocks, i, i + 8, input, staging, runtime)) {
      i += 8;
      continue;
    }
    copy(
      blocks[i],
      blocks[i + 1],
      blocks[i + 2],
      blocks[i + 3],
      blocks[i + 4],
      blocks[i + 5],
      blocks[i + 6],
      blocks[i + 7],
    );
  }
}

/**
 * Where blocks `a` and `b` (indices into the block list) are the two column phases of a stride-2 layout, each every
 * other element of the same source rows (one starting an element after the other), copies both in one pass over the
 * source (`splitPairs`), the last columns by `copy2d`; false where they are not.
 */
function splitPair(
  blocks: number[],
  a: number,
  b: number,
  input: number,
  staging: number,
  runtime: FastRuntime,
): boolean {
  const [dst, dstRow, dstColumn, src, srcRow, srcColumn, rows, columns] = [0, 1, 2, 3, 4, 5, 6, 7];
  const same = (field: number) => blocks[a + field] === blocks[b + field];
  if (!same(dstRow) || !same(srcRow) || !same(rows) || !same(dstColumn) || !same(srcColumn)) return false;
  if (blocks[a + dstColumn] !== 1 || blocks[a + srcColumn] !== 2 || Math.abs(blocks[a + src] - blocks[b + src]) !== 1)
    return false;
  const [even, odd] = blocks[a + src] < blocks[b + src] ? [a, b] : [b, a];
  const pairs = Math.floor(Math.min(blocks[even + columns], blocks[odd + columns]) / 2);
  runtime.splitPairs(
    input + 8 * blocks[even + dst],
    input + 8 * blocks[odd + dst],
    8 * blocks[a + dstRow],
    staging + 8 * blocks[even + src],
    8 * blocks[a + srcRow],
    blocks[a + rows],
    pairs,
  );
  // Each phase's columns past the pairs, one by one.
  for (const block of [even, odd])
    runtime.copy2d(
      input + 8 * (blocks[block + dst] + 2 * pairs),
      8 * blocks[block + dstRow],
      8,
      staging + 8 * (blocks[block + src] + 4 * pairs),
      8 * blocks[block + srcRow],
      16,
      blocks[block + rows],
      blocks[block + columns] - 2 * pairs,
    );
  return true;
}

/** The input region's address and size, then the plan's block copies into it, 8 numbers each. */
function laidOutBlocks(plan: Plan, input: number): number[] {
  const layout = [input, plan.inputElements];
  plan.fillInput((...block) => layout.push(...block));
  return layout;
}

function sameNumbers(a: number[], b: number[] | undefined): boolean {
  if (b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Each output channel's plane set to its bias (zero without one), for outputs no pass writes. */
function fillWithBias(output: Float64Array, plan: Plan, bias: Float64Array | null): void {
  const plane = plan.outputElements / plan.outputChannels;
  for (let c = 0; c < plan.outputChannels; c++) output.fill(bias ? bias[c] : 0, c * plane, (c + 1) * plane);
}

/** Element offsets and strides (relative to two byte addresses) to wasm `copy2d`'s bytes. */
function blockCopier(runtime: FastRuntime, dstBase: number, srcBase: number): CopyBlock {
  return (dst, dstRow, dstColumn, src, srcRow, srcColumn, rows, columns) =>
    runtime.copy2d(
      dstBase + 8 * dst,
      8 * dstRow,
      8 * dstColumn,
      srcBase + 8 * src,
      8 * srcRow,
      8 * srcColumn,
      rows,
      columns,
    );
}

/** The pass's taps and descriptor: what depends on the plan alone. */
function writeDescriptor(layout: PassLayout, input: number, output: number, i32: Int32Array): void {
  const { pass, blocks } = layout;
  const tapCount = pass.taps.length;
  const d = pass.destination;
  // Rows of the final output; the last tile stops at the row's end.
  const out = output + 8 * (d.channelBase + d.rowOffset * d.width + d.columnOffset);
  const channelStride = 8 * d.channelStride;
  const tileWidth = 2 * pass.vectors;

  if (layout.writesTaps) for (let t = 0; t < tapCount; t++) i32[layout.taps / 4 + t] = 8 * pass.taps[t];
  let packed = layout.weights;
  let first = 0;
  const desc = layout.descriptor / 4;
  for (let b = 0; b < blocks.length; b++) {
    const size = blocks[b];
    const record = desc + Desc.blocks + b * BLOCK_WORDS;
    i32[record + Block.kernel] = tileSlot(size, pass.vectors);
    i32[record + Block.weights] = packed;
    i32[record + Block.bias] = layout.bias + 8 * first;
    i32[record + Block.outOffset] = first * channelStride;
    packed += 8 * tapCount * size;
    first += size;
  }

  i32[desc + Desc.inBase] = input + 8 * pass.inputOffset;
  i32[desc + Desc.rowStep] = 8 * pass.rowStep;
  i32[desc + Desc.taps] = layout.taps;
  i32[desc + Desc.nTaps] = tapCount;
  i32[desc + Desc.outBase] = out;
  i32[desc + Desc.outRowPitch] = 8 * d.rowStride * d.width;
  i32[desc + Desc.channelStride] = channelStride;
  i32[desc + Desc.nTiles] = pass.tiles;
  i32[desc + Desc.nBlocks] = blocks.length;
  i32[desc + Desc.tilesPerChunk] =
    blocks.length === 1 ? pass.tiles : Math.max(1, Math.floor(CHUNK_OUTPUTS / tileWidth));
  i32[desc + Desc.tileBytes] = 8 * tileWidth;
  i32[desc + Desc.lastTileColumns] = d.columns - (pass.tiles - 1) * tileWidth;
  i32[desc + Desc.columnBytes] = 8 * d.columnStride;
}

/** The pass's weights, packed per channel block as [tap][channel in block] so a tile reads them in order, and bias. */
function writeData(layout: PassLayout, weight: Float64Array, bias: Float64Array | null, f64: Float64Array): void {
  const { pass, blocks } = layout;
  const tapCount = pass.taps.length;
  if (layout.writesWeights) {
    let packed = layout.weights / 8;
    let first = 0;
    for (const size of blocks) {
      for (let t = 0; t < tapCount; t++) {
        const base = pass.weightOffset + pass.tapWeight[t] + first * pass.weightChannelStride;
        for (let k = 0; k < size; k++) f64[packed++] = weight[base + k * pass.weightChannelStride];
      }
      first += size;
    }
  }
  for (let c = 0; c < pass.channels; c++) f64[layout.bias / 8 + c] = bias ? bias[pass.firstChannel + c] : 0;
}

/** Jobs to share among threads: rows of a pass in a few chunks, enough of them to balance two or more threads. */
const TARGET_JOBS = 32;

function splitIntoJobs(layouts: PassLayout[]): Int32Array {
  const piecesPerPass = Math.max(1, Math.ceil(TARGET_JOBS / layouts.length));
  const triples: number[] = [];
  for (const { pass, descriptor } of layouts) {
    const rowsPerJob = Math.ceil(pass.rows / Math.min(piecesPerPass, pass.rows));
    for (let row = 0; row < pass.rows; row += rowsPerJob)
      triples.push(descriptor, row, Math.min(pass.rows, row + rowsPerJob));
  }
  return Int32Array.from(triples);
}
