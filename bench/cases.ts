import { ConvProblem, multiplyAdds, normalizeSpec, toNested } from '../src/engine';

export interface BenchCase {
  name: string;
  op: 'conv2d' | 'conv_transpose2d';
  channels: number;
  size: number;
  outChannels: number;
  kernel: number;
  stride?: number;
  padding?: number;
  dilation?: number;
}

/** The cases, plus a strided one the peers can run (they refuse stride and dilation together). */
export const CASES: BenchCase[] = [
  { name: '1x64x64 k3', op: 'conv2d', channels: 1, size: 64, outChannels: 1, kernel: 3 },
  { name: '1x256x256 k3', op: 'conv2d', channels: 1, size: 256, outChannels: 1, kernel: 3 },
  { name: '1x512x512 k5', op: 'conv2d', channels: 1, size: 512, outChannels: 1, kernel: 5 },
  { name: '3x224x224->16 k3 p1', op: 'conv2d', channels: 3, size: 224, outChannels: 16, kernel: 3, padding: 1 },
  { name: '16x128x128->16 k3', op: 'conv2d', channels: 16, size: 128, outChannels: 16, kernel: 3 },
  {
    name: '16x96x96->16 k3 s2 p1',
    op: 'conv2d',
    channels: 16,
    size: 96,
    outChannels: 16,
    kernel: 3,
    stride: 2,
    padding: 1,
  },
  {
    name: '16x96x96->16 k3 s2 d2 p2',
    op: 'conv2d',
    channels: 16,
    size: 96,
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
    size: 64,
    outChannels: 8,
    kernel: 4,
    stride: 2,
    padding: 1,
  },
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
  const weightDims =
    c.op === 'conv2d'
      ? [c.outChannels, c.channels, c.kernel, c.kernel]
      : [c.channels, c.outChannels, c.kernel, c.kernel];
  const inputDims = [c.channels, c.size, c.size];
  return {
    op: c.op,
    input: toNested(
      seededValues(
        inputDims.reduce((a, b) => a * b),
        1,
      ),
      inputDims,
    ),
    weight: toNested(
      seededValues(
        weightDims.reduce((a, b) => a * b),
        2,
      ),
      weightDims,
    ),
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

/** 2 × the direct computation's multiply-adds: 2·Cout·oH·oW·(Cin/groups)·kh·kw for conv2d, its input-side twin
 * transposed. */
export const flops = (problem: ConvProblem): number => 2 * multiplyAdds(problem);
