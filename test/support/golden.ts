import * as fs from 'fs';
import * as path from 'path';
import type { Layer } from '../../src/python/layer';

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

/** Nested arrays of numbers: [C][spatial...] tensors, weights [d0][d1][k...]. */
export type NestedNumbers = number[] | NestedNumbers[];

export type GoldenNdOp = 'conv1d' | 'conv2d' | 'conv3d' | 'conv_transpose1d' | 'conv_transpose2d' | 'conv_transpose3d';

export type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';

/**
 * A spec of test/fixtures/golden-convnd.json, always in canonical form: input [C][spatial...], the full weight
 * (convNd [Cout][Cin/groups][k...], conv_transposeNd [Cin][Cout/groups][k...]), one entry per spatial axis.
 */
export interface GoldenNdSpec {
  name: string;
  op: GoldenNdOp;
  input: NestedNumbers;
  weight: NestedNumbers;
  bias: number[] | null;
  stride: number[];
  padding: number[] | 'same' | 'valid';
  dilation: number[];
  output_padding: number[];
  groups: number;
  padding_mode: PaddingMode;
}

/** A case PyTorch computed; one channel in and out with M at most 1600 entries also has M and the reconstruction. */
export interface GoldenNdCase extends GoldenNdSpec {
  expected: NestedNumbers;
  /** [Cin*prod(input spatial)][Cout*prod(output spatial)], vec(out) = vec(in) @ M. */
  kernel_matrix?: number[][];
  /** vec(expected) @ M^T, in the input's shape [1][spatial...]. */
  reconstruction?: NestedNumbers;
}

/** A spec PyTorch refuses, with the first line of its message. */
export interface GoldenNdError extends GoldenNdSpec {
  torch_error: string;
}

export const goldenNdPath =
  process.env.CONVLENS_GOLDEN_ND ?? path.join(repoRoot, 'test', 'fixtures', 'golden-convnd.json');

function loadGoldenNd(): { cases: GoldenNdCase[]; errors: GoldenNdError[] } {
  return JSON.parse(fs.readFileSync(goldenNdPath, 'utf8')) as { cases: GoldenNdCase[]; errors: GoldenNdError[] };
}

export function loadGoldenNdCases(): GoldenNdCase[] {
  return loadGoldenNd().cases;
}

export function loadGoldenNdErrors(): GoldenNdError[] {
  return loadGoldenNd().errors;
}

/** The spec of a golden case as a user writes it (output_padding only where it applies), one field a line. */
export function goldenSpecText(c: GoldenNdSpec): string {
  const spec: Record<string, unknown> = {
    op: c.op,
    input: c.input,
    weight: c.weight,
    bias: c.bias,
    stride: c.stride,
    padding: c.padding,
    dilation: c.dilation,
    groups: c.groups,
    padding_mode: c.padding_mode,
  };
  if (c.op.startsWith('conv_transpose')) spec.output_padding = c.output_padding;
  return `${JSON.stringify(spec, null, 1)}\n`;
}

/** One backward pass of test/fixtures/golden-views.json: PyTorch's autograd for a given grad_output. */
export interface GoldenBackward {
  grad_output: NestedNumbers;
  grad_input: NestedNumbers;
  grad_weight: NestedNumbers;
  grad_bias: number[] | null;
}

/**
 * A case of test/fixtures/golden-views.json (test/fixtures/golden_views.py): a spec of golden-conv2d.json or
 * golden-convnd.json with its output, and what the views show, from PyTorch.
 */
export interface GoldenViewsCase extends GoldenNdSpec {
  expected: NestedNumbers;
  /** [spatial...] of the big grid: the conv's input, the transposed conv's output. */
  overlap: NestedNumbers;
  /** For grad_output all ones, then a random one. */
  backward: [GoldenBackward, GoldenBackward];
  /** [Cin*prod(k)][prod(out)]. */
  im2col: number[][];
  /** [Cout][Cin*prod(k)]. */
  im2col_weight: number[][];
  /** Transposed convs only, [spatial...]: taps of each output cell of "resize, then convolve" reading the input. */
  resize_convolve_taps?: NestedNumbers;
}

export const goldenViewsPath =
  process.env.CONVLENS_GOLDEN_VIEWS ?? path.join(repoRoot, 'test', 'fixtures', 'golden-views.json');

export function loadGoldenViewsCases(): GoldenViewsCase[] {
  return (JSON.parse(fs.readFileSync(goldenViewsPath, 'utf8')) as { cases: GoldenViewsCase[] }).cases;
}

/** A layer of test/fixtures/golden-shapes.json on one input shape, with PyTorch's output shape or its message. */
export interface GoldenShapeCase {
  name: string;
  /** The module (`nn.Conv2d(...)`) or the functional call (`F.conv2d`, `torch.flatten`) that ran. */
  form: 'module' | 'functional';
  layer: Layer;
  input: number[];
  output?: number[];
  error?: string;
}

/** A stack of layers run one after the other: the shape after each step until the first step PyTorch refuses. */
export interface GoldenShapeStack {
  name: string;
  steps: Layer[];
  input: number[];
  /** Each step's forward call's `output_size=` (a ConvTranspose's), or null. */
  outputSizes?: ({ sizes: number[]; form: 'tuple' | 'list' } | null)[];
  shapes: number[][];
  failure?: { step: number; error: string };
}

/** ConvTranspose1d on `input` cells, and every input size of conv1d with the same parameters that maps to it. */
export interface GoldenTransposedSizes {
  kernel: number;
  stride: number;
  padding: number;
  dilation: number;
  input: number;
  forwardInputs: number[];
  /** `[output_padding, output size]` for every output_padding PyTorch accepts. */
  outputs: [number, number][];
}

/** A ConvTranspose module's forward given `output_size=`, with PyTorch's output shape or its message. */
export interface GoldenRequestedSize {
  name: string;
  layer: Layer;
  input: number[];
  outputSize: { sizes: number[]; form: 'tuple' | 'list' | 'int' };
  output?: number[];
  error?: string;
}

/** A model of test/fixtures/models built by torch from the file: each leaf module's output, in the order run. */
export interface GoldenFixtureModel {
  file: string;
  /** The class, the function returning the model, or the variable holding it. */
  model: string;
  input: number[];
  shapes: number[][];
}

export interface GoldenShapes {
  cases: GoldenShapeCase[];
  stacks: GoldenShapeStack[];
  transposed: GoldenTransposedSizes[];
  requested: GoldenRequestedSize[];
  models: GoldenFixtureModel[];
}

export const goldenShapesPath =
  process.env.CONVLENS_GOLDEN_SHAPES ?? path.join(repoRoot, 'test', 'fixtures', 'golden-shapes.json');

export function loadGoldenShapes(): GoldenShapes {
  return JSON.parse(fs.readFileSync(goldenShapesPath, 'utf8')) as GoldenShapes;
}

/** LeNet's inlay hints (test/fixtures/models/lenet.hints.json), as the unit and the real-VS-Code tests expect them. */
export interface LenetHints {
  /** `[the line the hint ends, its label]`, in document order. */
  hints: [string, string][];
  firstTooltip: string;
}

export const loadLenetHints = (): LenetHints =>
  JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'models', 'lenet.hints.json'), 'utf8'),
  ) as LenetHints;
