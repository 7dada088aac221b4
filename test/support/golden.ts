import * as fs from 'fs';
import * as path from 'path';

/** One case of test/fixtures/golden-conv2d.json, computed by PyTorch in float64 (test/fixtures/generate_golden.py). */
export interface GoldenCase {
  name: string;
  op: 'conv2d' | 'conv_transpose2d';
  input: number[][][];
  weight: number[][][][];
  bias: number[] | null;
  stride: [number, number];
  padding: [number, number] | 'same' | 'valid';
  dilation: [number, number];
  output_padding: [number, number];
  groups: number;
  expected: number[][][];
  kernel_matrix?: number[][];
  reconstruction?: number[][];
}

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

export const goldenPath = process.env.CONVLENS_GOLDEN ?? path.join(repoRoot, 'test', 'fixtures', 'golden-conv2d.json');

export function loadGoldenCases(): GoldenCase[] {
  return (JSON.parse(fs.readFileSync(goldenPath, 'utf8')) as { cases: GoldenCase[] }).cases;
}
