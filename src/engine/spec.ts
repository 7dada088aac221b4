import { MAX_ARRAY_CELLS, NumericArray, readNumericArray } from './numericArray';
import { ConvParams, Pair, readGroups, readOp, readPadding, readPair } from './params';
import { OutputSizeTerms, outputSizeAxis } from './outputSize';
import { fail, ok, Result } from './result';
import { Tensor3, Weight } from './tensor';

/** A validated convolution: tensors, parameters and the output shape it produces. */
export interface ConvProblem {
  params: ConvParams;
  input: Tensor3;
  weight: Weight;
  bias: Float64Array | null;
  output: { channels: number; height: number; width: number };
  outputSize: readonly [OutputSizeTerms, OutputSizeTerms];
  /** Whether input and weight were written as plain matrices (one channel), so results can answer in kind. */
  inputWasMatrix: boolean;
  weightWasMatrix: boolean;
}

/** The fields a spec object may have; everything else (a case's `name`, `expected`, ...) is ignored. */
export const SPEC_FIELDS = [
  'op',
  'input',
  'weight',
  'kernel',
  'bias',
  'stride',
  'padding',
  'dilation',
  'output_padding',
  'groups',
] as const;

const shapeText = (dims: readonly number[]): string => `[${dims.join(', ')}]`;

/** The `input` field: a matrix `[H][W]` or channels `[C][H][W]` of finite numbers. */
export function readInput(value: unknown): Result<{ tensor: Tensor3; wasMatrix: boolean }> {
  const read = readNumericArray(value, 'input', ['input']);
  if (!read.ok) return read;
  const { shape, data } = read.value;
  if (shape.length === 2)
    return ok({ tensor: { channels: 1, height: shape[0], width: shape[1], data }, wasMatrix: true });
  if (shape.length === 3)
    return ok({ tensor: { channels: shape[0], height: shape[1], width: shape[2], data }, wasMatrix: false });
  return fail(
    `input must be a matrix [H][W] or channels [C][H][W], but it has ${shape.length} dimension${shape.length === 1 ? '' : 's'} ${shapeText(shape)}.`,
    ['input'],
  );
}

function readWeight(spec: Record<string, unknown>): Result<{ weight: Weight; wasMatrix: boolean; field: string }> {
  if (spec.weight !== undefined && spec.kernel !== undefined)
    return fail('Give either "weight" or "kernel", not both.', ['kernel']);
  const field = spec.weight !== undefined ? 'weight' : 'kernel';
  if (spec[field] === undefined) return fail('The spec needs a "kernel" (or "weight").', []);
  const read: Result<NumericArray> = readNumericArray(spec[field], field, [field]);
  if (!read.ok) return read;
  const { shape, data } = read.value;
  if (shape.length === 2) return ok({ weight: { dims: [1, 1, shape[0], shape[1]], data }, wasMatrix: true, field });
  if (shape.length === 4)
    return ok({ weight: { dims: [shape[0], shape[1], shape[2], shape[3]], data }, wasMatrix: false, field });
  return fail(
    `${field} must be a matrix [kh][kw] or a 4-D weight [out][in/groups][kh][kw], but it has shape ${shapeText(shape)}.`,
    [field],
  );
}

/**
 * Turns a plain spec object (parsed JSON) into a validated problem, with PyTorch's shape rules and a message
 * a person understands for each way it can be impossible.
 */
export function normalizeSpec(spec: unknown): Result<ConvProblem> {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    return fail('A convolution spec must be an object with "input" and "kernel" (or "weight").');
  }
  const raw = spec as Record<string, unknown>;
  const op = readOp(raw.op);
  if (!op.ok) return op;
  if (raw.input === undefined) return fail('The spec needs an "input".', []);
  const input = readInput(raw.input);
  if (!input.ok) return input;
  const weightRead = readWeight(raw);
  if (!weightRead.ok) return weightRead;
  const { weight, field } = weightRead.value;
  const stride = readPair(raw.stride, 'stride', 1, 1);
  if (!stride.ok) return stride;
  const dilation = readPair(raw.dilation, 'dilation', 1, 1);
  if (!dilation.ok) return dilation;
  const outputPadding = readPair(raw.output_padding, 'output_padding', 0, 0);
  if (!outputPadding.ok) return outputPadding;
  const groups = readGroups(raw.groups);
  if (!groups.ok) return groups;

  const x = input.value.tensor;
  const g = groups.value;
  const [w0, w1, kh, kw] = weight.dims;
  const kernel: Pair = [kh, kw];
  if (x.channels % g !== 0)
    return fail(`groups = ${g} must divide the input's ${x.channels} channel${x.channels === 1 ? '' : 's'}.`, [
      'groups',
    ]);

  let outChannels: number;
  if (op.value === 'conv2d') {
    if (w0 % g !== 0)
      return fail(`groups = ${g} must divide the ${w0} output channels (${field} dimension 0).`, ['groups']);
    if (w1 * g !== x.channels) {
      return fail(
        `${field} of shape ${shapeText(weight.dims)} with groups = ${g} expects ${w1 * g} input channel${w1 * g === 1 ? '' : 's'}, but the input has ${x.channels}.`,
        [field],
      );
    }
    outChannels = w0;
  } else {
    if (w0 !== x.channels) {
      return fail(
        `conv_transpose2d ${field} of shape ${shapeText(weight.dims)} expects ${w0} input channel${w0 === 1 ? '' : 's'} (its dimension 0), but the input has ${x.channels}.`,
        [field],
      );
    }
    outChannels = w1 * g;
  }

  const padding = readPadding(raw.padding, op.value, kernel, dilation.value, stride.value);
  if (!padding.ok) return padding;
  const params: ConvParams = {
    op: op.value,
    stride: stride.value,
    dilation: dilation.value,
    outputPadding: outputPadding.value,
    groups: g,
    ...padding.value,
  };

  for (const a of [0, 1] as const) {
    const axis = a === 0 ? 'height' : 'width';
    const opad = params.outputPadding[a];
    if (params.op === 'conv2d' && opad !== 0)
      return fail('output_padding applies only to conv_transpose2d; conv2d has none.', ['output_padding']);
    if (opad >= params.stride[a] && opad >= params.dilation[a]) {
      return fail(
        `output_padding ${axis} (${opad}) must be smaller than either stride (${params.stride[a]}) or dilation (${params.dilation[a]}), as in PyTorch.`,
        Array.isArray(raw.output_padding) ? ['output_padding', a] : ['output_padding'],
      );
    }
    if (params.op === 'conv2d') {
      const padded = [x.height, x.width][a] + params.padBefore[a] + params.padAfter[a];
      const reach = params.dilation[a] * (kernel[a] - 1) + 1;
      if (reach > padded) {
        return fail(
          `The kernel ${axis} spans ${reach} cell${reach === 1 ? '' : 's'} (dilation included) but the padded input ${axis} is only ${padded}: the output would be empty.`,
          [field],
        );
      }
    }
  }

  const outputSize = [outputSizeAxis(params, 0, x.height, kh), outputSizeAxis(params, 1, x.width, kw)] as const;
  for (const terms of outputSize) {
    if (terms.size < 1)
      return fail(
        `The output ${terms.axis} would be ${terms.size}: ${terms.substituted}. Reduce padding or enlarge the input.`,
        ['padding'],
      );
  }
  const output = { channels: outChannels, height: outputSize[0].size, width: outputSize[1].size };
  if (output.channels * output.height * output.width > MAX_ARRAY_CELLS) {
    return fail(
      `The output would have ${output.channels} x ${output.height} x ${output.width} cells, more than ${MAX_ARRAY_CELLS.toLocaleString('en-US')}.`,
      [],
    );
  }

  let bias: Float64Array | null = null;
  if (raw.bias !== undefined && raw.bias !== null) {
    const b = readNumericArray(raw.bias, 'bias', ['bias']);
    if (!b.ok) return b;
    if (b.value.shape.length !== 1 || b.value.shape[0] !== outChannels) {
      return fail(
        `bias must be a list of ${outChannels} number${outChannels === 1 ? '' : 's'} (one per output channel), but it has shape ${shapeText(b.value.shape)}.`,
        ['bias'],
      );
    }
    bias = b.value.data;
  }

  return ok({
    params,
    input: x,
    weight,
    bias,
    output,
    outputSize,
    inputWasMatrix: input.value.wasMatrix,
    weightWasMatrix: weightRead.value.wasMatrix,
  });
}
