/**
 * A conv spec as the fuzz suite thinks of it (tensors always [C][H][W] and 4-D, padding symmetric), and the
 * many equivalent ways a person may spell it as spec fields.
 */
import fc from 'fast-check';
import { randomSpec, RandomSpec, smallInteger } from '../../support/arbitraries';
import { Fields, Value } from './printing';

export type SpecModel = RandomSpec;

/** How the numbers are drawn: exact small integers, doubles, huge non-negative values, or sure overflow. */
export type ValueMode = 'small' | 'double' | 'huge' | 'overflow';

const values: Record<ValueMode, fc.Arbitrary<number>> = {
  small: smallInteger,
  double: fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
  // Non-negative, so every summation order overflows in exactly the cells the reference's does.
  huge: fc.constantFrom(0, 1, 2, 3, 1e8, 1e300, 1e308),
  overflow: fc.constant(1e308),
};

/** A spec with random shapes and parameters; about a third are impossible (empty output), as in life. */
export const specModel = (mode: ValueMode): fc.Arbitrary<SpecModel> => randomSpec(values[mode]);

/** A spec with PyTorch's defaults for everything but the tensors, so it can be selected as two matrices. */
export const plainModel: fc.Arbitrary<SpecModel> = fc
  .record({
    channels: fc.integer({ min: 1, max: 2 }),
    outChannels: fc.integer({ min: 1, max: 2 }),
    size: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })),
    kernel: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
  })
  .chain(({ channels, outChannels, size, kernel }) => {
    const grid = (dims: number[]): fc.Arbitrary<unknown> =>
      dims.length === 0 ? smallInteger : fc.array(grid(dims.slice(1)), { minLength: dims[0], maxLength: dims[0] });
    return fc.record({
      input: grid([channels, ...size]) as fc.Arbitrary<number[][][]>,
      weight: grid([outChannels, channels, ...kernel]) as fc.Arbitrary<number[][][][]>,
    });
  })
  .map(({ input, weight }) => ({
    op: 'conv2d',
    input,
    weight,
    bias: null,
    stride: [1, 1],
    padding: [0, 0],
    dilation: [1, 1],
    output_padding: [0, 0],
    groups: 1,
  }));

/** The free choices in writing a spec down; none changes what it means. */
export interface Spelling {
  writeOp: boolean;
  /** `weight` instead of `kernel`. */
  weightKey: boolean;
  /** A single channel written as a plain matrix (input), a 1x1 weight as a plain matrix (kernel). */
  matrices: boolean;
  /** Pairs with equal halves as one number; defaults left out. */
  short: boolean;
  /** `padding: "same"` / `"valid"` where that means the same numbers. */
  paddingWords: boolean;
  reversed: boolean;
}

export const spelling: fc.Arbitrary<Spelling> = fc.record({
  writeOp: fc.boolean(),
  weightKey: fc.boolean(),
  matrices: fc.boolean(),
  short: fc.boolean(),
  paddingWords: fc.boolean(),
  reversed: fc.boolean(),
});

const pairValue = (p: readonly [number, number], short: boolean): Value =>
  short && p[0] === p[1] ? p[0] : [p[0], p[1]];
const isDefault = (p: readonly [number, number], d: number): boolean => p[0] === d && p[1] === d;

/** The input as written: a plain matrix when it has one channel and the spelling says so. */
export function inputValue(model: SpecModel, s: Pick<Spelling, 'matrices'>): Value {
  return s.matrices && model.input.length === 1 ? model.input[0] : model.input;
}

export function weightValue(model: SpecModel, s: Pick<Spelling, 'matrices'>): Value {
  const w = model.weight;
  return s.matrices && w.length === 1 && w[0].length === 1 ? w[0][0] : w;
}

/** What PyTorch's `padding="same"` means for this model, if it is its padding (stride 1, symmetric). */
function paddingWord(model: SpecModel): 'same' | 'valid' | undefined {
  if (model.op !== 'conv2d') return undefined;
  if (isDefault(model.padding, 0)) return 'valid';
  const kernel = [model.weight[0][0].length, model.weight[0][0][0].length];
  const same = [0, 1].every(
    (a) =>
      model.stride[a] === 1 &&
      (model.dilation[a] * (kernel[a] - 1)) % 2 === 0 &&
      model.padding[a] === (model.dilation[a] * (kernel[a] - 1)) / 2,
  );
  return same ? 'same' : undefined;
}

export function spell(model: SpecModel, s: Spelling): Fields {
  const fields: Fields = [];
  const put = (key: string, value: Value, isDefaultValue: boolean) => {
    if (!(s.short && isDefaultValue)) fields.push([key, value]);
  };
  if (s.writeOp || model.op !== 'conv2d') fields.push(['op', model.op]);
  fields.push(['input', inputValue(model, s)]);
  fields.push([s.weightKey ? 'weight' : 'kernel', weightValue(model, s)]);
  if (model.bias) fields.push(['bias', model.bias]);
  put('stride', pairValue(model.stride, s.short), isDefault(model.stride, 1));
  const word = s.paddingWords ? paddingWord(model) : undefined;
  put('padding', word ?? pairValue(model.padding, s.short), isDefault(model.padding, 0));
  put('dilation', pairValue(model.dilation, s.short), isDefault(model.dilation, 1));
  if (model.op === 'conv_transpose2d')
    put('output_padding', pairValue(model.output_padding, s.short), isDefault(model.output_padding, 0));
  put('groups', model.groups, model.groups === 1);
  return s.reversed ? fields.reverse() : fields;
}
