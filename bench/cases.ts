import { ConvProblem, isTransposed, multiplyAdds, normalizeSpec, Op, toNested } from '../src/engine';

export interface BenchCase {
  name: string;
  op: Op;
  channels: number;
  /** Spatial sizes, one per axis of the op. */
  size: number[];
  outChannels: number;
  /** The kernel's size along every axis. */
  kernel: number;
  stride?: number;
  padding?: number;
  dilation?: number;
}

/**
 * 2-D cases, a strided one the peers can run (they refuse stride and dilation together), a transposed one, and a
 * long 1-D signal and a 3-D volume.
 */
export const CASES: BenchCase[] = [
  { name: '1x64x64 k3', op: 'conv2d', channels: 1, size: [64, 64], outChannels: 1, kernel: 3 },
  { name: '1x256x256 k3', op: 'conv2d', channels: 1, size: [256, 256], outChannels: 1, kernel: 3 },
  { name: '1x512x512 k5', op: 'conv2d', channels: 1, size: [512, 512], outChannels: 1, kernel: 5 },
  { name: '3x224x224->16 k3 p1', op: 'conv2d', channels: 3, size: [224, 224], outChannels: 16, kernel: 3, padding: 1 },
  { name: '16x128x128->16 k3', op: 'conv2d', channels: 16, size: [128, 128], outChannels: 16, kernel: 3 },
  {
    name: '16x96x96->16 k3 s2 p1',
    op: 'conv2d',
    channels: 16,
    size: [96, 96],
    outChannels: 16,
    kernel: 3,
    stride: 2,
    padding: 1,
  },
  {
    name: '16x96x96->16 k3 s2 d2 p2',
    op: 'conv2d',
    channels: 16,
    size: [96, 96],
    outChannels: 16,
    kernel: 3,
    stride: 2,
    padding: 2,
    dilation: 2,
  },
  {
    name: 'T 16x64x64->8 k4 s2 p1',
    op: 'conv_transpose2d',
    channels: 16,
    size: [64, 64],
    outChannels: 8,
    kernel: 4,
    stride: 2,
    padding: 1,
  },
  { name: 'conv1d 64x16000->64 k9', op: 'conv1d', channels: 64, size: [16000], outChannels: 64, kernel: 9 },
  { name: 'conv3d 8x16x64x64->16 k3', op: 'conv3d', channels: 8, size: [16, 64, 64], outChannels: 16, kernel: 3 },
];

/** Uniform values in [-1, 1) from a fixed seed, so every run and every peer sees the same numbers. */
export function seededValues(count: number, seed: number): Float64Array {
  const values = new Float64Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    values[i] = (state / 2 ** 32) * 2 - 1;
  }
  return values;
}

/** The case as the JSON spec a user would select (nested arrays), with seeded data. */
export function caseSpec(c: BenchCase): Record<string, unknown> {
  const kernel = c.size.map(() => c.kernel);
  const weightDims = isTransposed(c.op)
    ? [c.channels, c.outChannels, ...kernel]
    : [c.outChannels, c.channels, ...kernel];
  const inputDims = [c.channels, ...c.size];
  const cells = (dims: number[]) => dims.reduce((a, b) => a * b);
  return {
    op: c.op,
    input: toNested(seededValues(cells(inputDims), 1), inputDims),
    weight: toNested(seededValues(cells(weightDims), 2), weightDims),
    stride: c.stride ?? 1,
    padding: c.padding ?? 0,
    dilation: c.dilation ?? 1,
  };
}

export function caseProblem(c: BenchCase): ConvProblem {
  const problem = normalizeSpec(caseSpec(c));
  if (!problem.ok) throw new Error(`${c.name}: ${problem.error.message}`);
  return problem.value;
}

/** 2 × the direct computation's multiply-adds: 2·Cout·(output cells)·(Cin/groups)·(kernel cells) for a conv, its
 * input-side twin transposed. */
export const flops = (problem: ConvProblem): number => 2 * multiplyAdds(problem);
