import fc from 'fast-check';
import { ConvProblem, normalizeSpec } from '../../src/engine';
import { GoldenCase, GoldenNdOp, GoldenNdSpec, NestedNumbers, PaddingMode } from './golden';

/** A random conv spec in the golden file's form, padding as numbers; may be impossible (callers filter with
 * normalizeSpec). */
export type RandomSpec = Omit<GoldenCase, 'name' | 'padding' | 'expected' | 'kernel_matrix' | 'reconstruction'> & {
  padding: [number, number];
};

/** The problem for a random spec, or undefined when PyTorch would refuse it (e.g. an empty output). */
export function solvable(spec: unknown): ConvProblem | undefined {
  const problem = normalizeSpec(spec);
  return problem.ok ? problem.value : undefined;
}

const grid = <T>(dims: number[], leaf: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  dims.length === 0 ? leaf : fc.array(grid(dims.slice(1), leaf), { minLength: dims[0], maxLength: dims[0] });

const pair = (min: number, max: number) => fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }));

/** Small integers keep every sum exact in float64, so results can be compared with `===`. */
export const smallInteger = fc.integer({ min: -5, max: 5 });
export const moderateDouble = fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true });

export function randomSpec(
  value: fc.Arbitrary<number> = smallInteger,
  ops: RandomSpec['op'][] = ['conv2d', 'conv_transpose2d'],
): fc.Arbitrary<RandomSpec> {
  return fc
    .record({
      op: fc.constantFrom(...ops),
      groups: fc.integer({ min: 1, max: 3 }),
      inPerGroup: fc.integer({ min: 1, max: 2 }),
      outPerGroup: fc.integer({ min: 1, max: 2 }),
      size: pair(1, 7),
      kernel: pair(1, 4),
      stride: pair(1, 3),
      padding: pair(0, 3),
      dilation: pair(1, 3),
      outputPaddingFraction: pair(0, 2),
      withBias: fc.boolean(),
    })
    .chain((s) => {
      const cin = s.groups * s.inPerGroup;
      const cout = s.groups * s.outPerGroup;
      const weightDims = s.op === 'conv2d' ? [cout, s.inPerGroup, ...s.kernel] : [cin, s.outPerGroup, ...s.kernel];
      // output_padding must stay below max(stride, dilation); conv2d has none.
      const outputPadding = [0, 1].map((a) =>
        s.op === 'conv2d' ? 0 : s.outputPaddingFraction[a] % Math.max(s.stride[a], s.dilation[a]),
      ) as [number, number];
      return fc.record({
        op: fc.constant(s.op),
        input: grid([cin, ...s.size], value) as fc.Arbitrary<number[][][]>,
        weight: grid(weightDims, value) as fc.Arbitrary<number[][][][]>,
        bias: s.withBias ? (grid([cout], value) as fc.Arbitrary<number[]>) : fc.constant(null),
        stride: fc.constant(s.stride),
        padding: fc.constant(s.padding),
        dilation: fc.constant(s.dilation),
        output_padding: fc.constant(outputPadding),
        groups: fc.constant(s.groups),
      });
    });
}

/** A random spec of any op, rank and padding mode in golden-convnd.json's canonical form; may be impossible. */
export type RandomNdSpec = Omit<GoldenNdSpec, 'name'>;

const OPS_ND: GoldenNdOp[] = ['conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d'];
const MODES: PaddingMode[] = ['zeros', 'reflect', 'replicate', 'circular'];
/** Input sizes per axis shrink with the rank, so a 3-D case stays a few hundred multiply-adds. */
const LARGEST_SIZE = { 1: 8, 2: 6, 3: 4 } as const;

const axes = (rank: number, min: number, max: number) =>
  fc.array(fc.integer({ min, max }), { minLength: rank, maxLength: rank });

/**
 * Valid-looking specs of every op and padding mode, small: a padding mode's padding is kept within what PyTorch
 * allows (reflect below the size, circular at most the size); "same" and "valid" come with stride 1. A spec can still
 * be impossible (a kernel longer than the padded input, an empty transposed output): callers filter with
 * normalizeSpec.
 */
export function randomNdSpec(
  value: fc.Arbitrary<number> = smallInteger,
  ops: GoldenNdOp[] = OPS_ND,
  modes: PaddingMode[] = MODES,
): fc.Arbitrary<RandomNdSpec> {
  return fc
    .record({
      op: fc.constantFrom(...ops),
      mode: fc.constantFrom(...modes),
      written: fc.constantFrom('numbers', 'numbers', 'numbers', 'same', 'valid'),
      groups: fc.integer({ min: 1, max: 2 }),
      inPerGroup: fc.integer({ min: 1, max: 2 }),
      outPerGroup: fc.integer({ min: 1, max: 2 }),
      withBias: fc.boolean(),
    })
    .chain((s) => {
      const rank = Number(s.op.slice(-2, -1)) as 1 | 2 | 3;
      const transposed = s.op.startsWith('conv_transpose');
      return fc
        .record({
          size: axes(rank, 1, LARGEST_SIZE[rank]),
          kernel: axes(rank, 1, 3),
          stride: axes(rank, 1, 3),
          dilation: axes(rank, 1, 2),
          padding: axes(rank, 0, 2),
          outputPaddingFraction: axes(rank, 0, 2),
        })
        .chain((a) => {
          const mode = transposed ? 'zeros' : s.mode;
          const named = !transposed && s.written !== 'numbers';
          const stride = named ? a.stride.map(() => 1) : a.stride;
          const padding = named
            ? (s.written as 'same' | 'valid')
            : a.padding.map((p, i) =>
                mode === 'reflect' ? Math.min(p, a.size[i] - 1) : mode === 'circular' ? Math.min(p, a.size[i]) : p,
              );
          const outputPadding = a.outputPaddingFraction.map((f, i) =>
            transposed ? f % Math.max(stride[i], a.dilation[i]) : 0,
          );
          const cin = s.groups * s.inPerGroup;
          const cout = s.groups * s.outPerGroup;
          const weightDims = transposed ? [cin, s.outPerGroup, ...a.kernel] : [cout, s.inPerGroup, ...a.kernel];
          return fc.record({
            op: fc.constant(s.op),
            input: grid([cin, ...a.size], value) as fc.Arbitrary<NestedNumbers>,
            weight: grid(weightDims, value) as fc.Arbitrary<NestedNumbers>,
            bias: s.withBias ? (grid([cout], value) as fc.Arbitrary<number[]>) : fc.constant(null),
            stride: fc.constant(stride),
            padding: fc.constant(padding),
            dilation: fc.constant(a.dilation),
            output_padding: fc.constant(outputPadding),
            groups: fc.constant(s.groups),
            padding_mode: fc.constant(mode),
          });
        });
    });
}
