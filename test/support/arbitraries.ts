import fc from 'fast-check';
import { GoldenCase } from './golden';

/** A random conv spec in the golden file's form, padding as numbers; may be impossible (callers filter with
 * normalizeSpec). */
export type RandomSpec = Omit<GoldenCase, 'name' | 'padding' | 'expected' | 'kernel_matrix' | 'reconstruction'> & {
  padding: [number, number];
};

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
