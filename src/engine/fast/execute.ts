import { tileSlot } from './kernelModule';
import { Block, BLOCK_WORDS, Desc, descriptorWords } from './passDescriptor';
import { Pass, Plan } from './plan';
import { FastRuntime } from './runtime';
import { channelBlocks } from './tileChoice';

/** Outputs per chunk of a row that every channel block sweeps in turn: its input window then stays in L1. */
const CHUNK_OUTPUTS = 64;

interface PassLayout {
  pass: Pass;
  blocks: number[];
  taps: number;
  weights: number;
  bias: number;
  descriptor: number;
  scratch: number;
  pitch: number;
}

/** Runs the planned jobs; `runJobs` decides on which threads. Triples [descriptor, rowBegin, rowEnd]. */
export type JobRunner = (jobs: Int32Array, count: number, work: number) => void;

/**
 * Lays a plan out in wasm memory (input, then per pass: taps, packed weights, bias, descriptor, output scratch),
 * runs it and copies the scratch rows into a new output array. Undefined when the memory cannot grow enough.
 */
export function execute(plan: Plan, weight: Float64Array, bias: Float64Array | null, runtime: FastRuntime, runJobs: JobRunner): Float64Array | undefined {
  const arena = runtime.arena;
  arena.reset();
  const input = arena.alloc(8 * plan.inputElements);
  const layouts: PassLayout[] = plan.passes.map((pass) => {
    const blocks = channelBlocks(pass.channels);
    const pitch = pass.tiles * 2 * pass.vectors;
    return {
      pass,
      blocks,
      pitch,
      taps: arena.alloc(4 * pass.taps.length),
      weights: arena.alloc(8 * pass.taps.length * pass.channels),
      bias: arena.alloc(8 * pass.channels),
      descriptor: arena.alloc(4 * descriptorWords(blocks.length)),
      scratch: arena.alloc(8 * pass.channels * pass.rows * pitch),
    };
  });
  if (!arena.commit()) return undefined;

  const { f64, i32 } = arena;
  f64.fill(0, input / 8, input / 8 + plan.inputElements);
  plan.fillInput(f64.subarray(input / 8, input / 8 + plan.inputElements));
  let work = 0;
  for (const layout of layouts) {
    writePass(layout, input, weight, bias, f64, i32);
    const { pass } = layout;
    work += 2 * pass.channels * pass.rows * layout.pitch * pass.taps.length;
  }

  const jobs = splitIntoJobs(layouts);
  runJobs(jobs, jobs.length / 3, work);

  const out = new Float64Array(plan.outputElements);
  for (const layout of layouts) copyOut(layout, f64, out);
  return out;
}

function writePass(layout: PassLayout, input: number, weight: Float64Array, bias: Float64Array | null, f64: Float64Array, i32: Int32Array): void {
  const { pass, blocks } = layout;
  const tapCount = pass.taps.length;
  for (let t = 0; t < tapCount; t++) i32[layout.taps / 4 + t] = 8 * pass.taps[t];
  // Weights packed per channel block as [tap][channel in block], so a tile reads them in order.
  let packed = layout.weights / 8;
  let first = 0;
  const d = layout.descriptor / 4;
  for (let b = 0; b < blocks.length; b++) {
    const size = blocks[b];
    const record = d + Desc.blocks + b * BLOCK_WORDS;
    i32[record + Block.kernel] = tileSlot(size, pass.vectors);
    i32[record + Block.weights] = packed * 8;
    i32[record + Block.bias] = layout.bias + 8 * first;
    i32[record + Block.outOffset] = 8 * first * pass.rows * layout.pitch;
    for (let t = 0; t < tapCount; t++) {
      const base = pass.weightOffset + pass.tapWeight[t] + first * pass.weightChannelStride;
      for (let k = 0; k < size; k++) f64[packed++] = weight[base + k * pass.weightChannelStride];
    }
    first += size;
  }
  for (let c = 0; c < pass.channels; c++) f64[layout.bias / 8 + c] = bias ? bias[pass.firstChannel + c] : 0;

  i32[d + Desc.inBase] = input + 8 * pass.inputOffset;
  i32[d + Desc.rowStep] = 8 * pass.rowStep;
  i32[d + Desc.taps] = layout.taps;
  i32[d + Desc.nTaps] = tapCount;
  i32[d + Desc.outBase] = layout.scratch;
  i32[d + Desc.outRowPitch] = 8 * layout.pitch;
  i32[d + Desc.channelStride] = 8 * pass.rows * layout.pitch;
  i32[d + Desc.nTiles] = pass.tiles;
  i32[d + Desc.nBlocks] = blocks.length;
  i32[d + Desc.tilesPerChunk] = blocks.length === 1 ? pass.tiles : Math.max(1, Math.floor(CHUNK_OUTPUTS / (2 * pass.vectors)));
  i32[d + Desc.tileBytes] = 16 * pass.vectors;
}

/** Jobs to share among threads: rows of a pass in a few chunks, enough of them to balance two or more threads. */
const TARGET_JOBS = 32;

function splitIntoJobs(layouts: PassLayout[]): Int32Array {
  const piecesPerPass = Math.max(1, Math.ceil(TARGET_JOBS / layouts.length));
  const triples: number[] = [];
  for (const { pass, descriptor } of layouts) {
    const rowsPerJob = Math.ceil(pass.rows / Math.min(piecesPerPass, pass.rows));
    for (let row = 0; row < pass.rows; row += rowsPerJob) triples.push(descriptor, row, Math.min(pass.rows, row + rowsPerJob));
  }
  return Int32Array.from(triples);
}

function copyOut(layout: PassLayout, f64: Float64Array, out: Float64Array): void {
  const { pass, pitch } = layout;
  const d = pass.destination;
  const scratch = layout.scratch / 8;
  for (let c = 0; c < pass.channels; c++) {
    for (let i = 0; i < pass.rows; i++) {
      const from = scratch + (c * pass.rows + i) * pitch;
      const to = d.channelBase + c * d.channelStride + (d.rowOffset + i * d.rowStride) * d.width + d.columnOffset;
      if (d.columnStride === 1) {
        out.set(f64.subarray(from, from + d.columns), to);
        continue;
      }
      for (let j = 0; j < d.columns; j++) out[to + j * d.columnStride] = f64[from + j];
    }
  }
}
