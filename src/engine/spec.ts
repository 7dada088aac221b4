import { cellsOf, ConvGeometry, convGeometry, ownAxes, shapeOf } from './geometry';
import { MAX_ARRAY_CELLS, NumericArray, readNumericArray } from './numericArray';
import { outputSizeTerms } from './outputSize';
import { isTransposed, Op, Rank, rankOf } from './ops';
import { opForRanks, readAxes, readGroups, readOp, readPadding, readPaddingMode } from './params';
import { fail, ok, Result } from './result';
import { Tensor, Weight } from './tensor';

/** A validated convolution: its geometry and its tensors. */
export interface ConvProblem {
  geometry: ConvGeometry;
  input: Tensor;
  weight: Weight;
  bias: Float64Array | null;
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
  'padding_mode',
  'grad_output',
] as const;

const shapeText = (dims: readonly number[]): string => `[${dims.join(', ')}]`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How each rank writes its spatial sizes, for messages: `[L]`, `[H][W]`, `[D][H][W]`. */
const SPATIAL: Readonly<Record<Rank, string>> = { 1: '[L]', 2: '[H][W]', 3: '[D][H][W]' };
const KERNEL: Readonly<Record<Rank, string>> = { 1: '[k]', 2: '[kh][kw]', 3: '[kd][kh][kw]' };
const ONE_CHANNEL: Readonly<Record<Rank, string>> = { 1: 'a list', 2: 'a matrix', 3: 'a volume' };

/** The op to name in a hint, when the shapes belong to another rank than the op's. */
function rankHint(op: Op, inputRank: number, weightRank: number): string {
  const fits = opForRanks(inputRank, weightRank);
  if (rankOf(fits) === rankOf(op)) return '';
  const suggested = isTransposed(op) ? (`conv_transpose${rankOf(fits)}d` as Op) : fits;
  return ` For these shapes set "op": "${suggested}".`;
}

/** Reads `input` as `op` reads it: one channel `[spatial…]` or channels first `[C][spatial…]`. */
function readInput(value: NumericArray, op: Op, weightRank: number): Result<Tensor> {
  const rank = rankOf(op);
  const { shape, data } = value;
  if (shape.length !== rank && shape.length !== rank + 1) {
    return fail(
      `${op} reads input as ${ONE_CHANNEL[rank]} ${SPATIAL[rank]} or channels [C]${SPATIAL[rank]}, but it has ${plural(shape.length, 'dimension')} ${shapeText(shape)}.${rankHint(op, shape.length, weightRank)}`,
      ['input'],
    );
  }
  const full = shape.length === rank ? [1, ...shape] : shape;
  const [channels, ...spatial] = full;
  const [depth, height, width] = [...Array<number>(3 - rank).fill(1), ...spatial];
  return ok({ channels, depth, height, width, data });
}

function readWeight(value: NumericArray, op: Op, field: string, inputRank: number): Result<Weight> {
  const rank = rankOf(op);
  const { shape, data } = value;
  if (shape.length !== rank && shape.length !== rank + 2) {
    const lead = isTransposed(op) ? '[in][out/groups]' : '[out][in/groups]';
    return fail(
      `${op} reads ${field} as ${KERNEL[rank]} (one channel in and out) or ${lead}${KERNEL[rank]}, but it has shape ${shapeText(shape)}.${rankHint(op, inputRank, shape.length)}`,
      [field],
    );
  }
  const full = shape.length === rank ? [1, 1, ...shape] : shape;
  const k = [...Array<number>(3 - rank).fill(1), ...full.slice(2)];
  return ok({ dims: [full[0], full[1], k[0], k[1], k[2]], data });
}

/**
 * Reads a value that is to be an input, before a kernel is chosen for it: numbers in a regular array of one to four
 * dimensions (`[L]` up to `[C][D][H][W]`), the shapes some op reads as an input.
 */
export function readInputArray(value: unknown): Result<NumericArray> {
  const read = readNumericArray(value, 'input', ['input']);
  if (!read.ok || (read.value.shape.length >= 1 && read.value.shape.length <= 4)) return read;
  return fail(
    `input must be a list [L], a matrix [H][W], a volume [D][H][W] or channels [C] of one, but it has ${plural(read.value.shape.length, 'dimension')} ${shapeText(read.value.shape)}.`,
    ['input'],
  );
}

/** The nesting depth of a JSON array: the rank it has if it is regular (`[[1, 2]]` is 2). */
function depthOf(value: unknown): number {
  let depth = 0;
  for (let v = value; Array.isArray(v); v = v[0]) depth++;
  return depth;
}

/** The op for a selected input and kernel, which come without a spec to name one (`opForRanks`). */
export const opForPair = (input: unknown, kernel: unknown): Op => opForRanks(depthOf(input), depthOf(kernel));

/** Rank and data of `input` and the weight, read before the op is known (it may follow from the ranks). */
function readTensors(
  raw: Record<string, unknown>,
): Result<{ input: NumericArray; weight: NumericArray; field: 'weight' | 'kernel' }> {
  if (raw.input === undefined) return fail('The spec needs an "input".', []);
  const input = readInputArray(raw.input);
  if (!input.ok) return input;
  if (raw.weight !== undefined && raw.kernel !== undefined)
    return fail('Give either "weight" or "kernel", not both.', ['kernel']);
  const field = raw.weight !== undefined ? 'weight' : 'kernel';
  if (raw[field] === undefined) return fail('The spec needs a "kernel" (or "weight").', []);
  const weight = readNumericArray(raw[field], field, [field]);
  if (!weight.ok) return weight;
  return ok({ input: input.value, weight: weight.value, field });
}

/** How the channels of input and weight meet for `op` and `groups`, with PyTorch's rules. */
function outputChannels(op: Op, x: Tensor, weight: Weight, groups: number, field: string): Result<number> {
  const [w0, w1] = weight.dims;
  const lead = [w0, w1];
  if (x.channels % groups !== 0)
    return fail(`groups = ${groups} must divide the input's ${plural(x.channels, 'channel')}.`, ['groups']);
  if (!isTransposed(op)) {
    if (w0 % groups !== 0)
      return fail(`groups = ${groups} must divide the ${w0} output channels (${field} dimension 0).`, ['groups']);
    if (w1 * groups !== x.channels) {
      return fail(
        `${field} [${lead.join(', ')}, …] with groups = ${groups} expects ${plural(w1 * groups, 'input channel')}, but the input has ${x.channels}.`,
        [field],
      );
    }
    return ok(w0);
  }
  if (w0 !== x.channels) {
    return fail(
      `${op} ${field} [${lead.join(', ')}, …] expects ${plural(w0, 'input channel')} (its dimension 0), but the input has ${x.channels}.`,
      [field],
    );
  }
  if (w0 % groups !== 0)
    return fail(`groups = ${groups} must divide the ${w0} input channels (${field} dimension 0).`, ['groups']);
  return ok(w1 * groups);
}

/** Where an axis's value of `name` was written: its entry when given per axis, else the whole field. */
const axisPath = (name: string, a: number, value: unknown) => (Array.isArray(value) ? [name, a] : [name]);

/** PyTorch's rules along each of the op's axes, checked on the geometry they produce. */
function checkAxes(g: ConvGeometry, raw: Record<string, unknown>, field: string): Result<null> {
  for (const [a, axis] of ownAxes(g).entries()) {
    const { name, input, padBefore, padAfter, outputPadding, stride, dilation } = axis;
    const which = g.rank === 1 ? '' : `${name} `;
    const pad = Math.max(padBefore, padAfter);
    if (!g.transposed && outputPadding !== 0)
      return fail(`output_padding applies only to transposed convolutions; ${g.op} has none.`, ['output_padding']);
    if (outputPadding >= stride && outputPadding >= dilation) {
      return fail(
        `output_padding ${which}(${outputPadding}) must be smaller than either stride (${stride}) or dilation (${dilation}), as in PyTorch.`,
        axisPath('output_padding', a, raw.output_padding),
      );
    }
    // PyTorch's F.pad rules: a reflection needs a cell to reflect past; a wrap may go round at most once.
    if (g.paddingMode === 'reflect' && pad >= input) {
      return fail(
        `padding_mode "reflect" needs padding smaller than the input along each axis, but the ${name} pads ${pad} on an input of ${input}.`,
        axisPath('padding', a, raw.padding),
      );
    }
    if (g.paddingMode === 'circular' && pad > input) {
      return fail(
        `padding_mode "circular" wraps around at most once: padding must be at most the input's size along each axis, but the ${name} pads ${pad} on an input of ${input}.`,
        axisPath('padding', a, raw.padding),
      );
    }
    if (!g.transposed && axis.span > axis.swept) {
      return fail(
        `The kernel ${name} spans ${plural(axis.span, 'cell')} (dilation included) but the padded input ${name} is only ${axis.swept}: the output would be empty.`,
        [field],
      );
    }
    if (axis.output < 1) {
      const { substituted } = outputSizeTerms(g.op, axis, axis.output);
      return fail(`The output ${name} would be ${axis.output}: ${substituted}. Reduce padding or enlarge the input.`, [
        'padding',
      ]);
    }
  }
  return ok(null);
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
  const opRead = readOp(raw.op);
  if (!opRead.ok) return opRead;
  const tensors = readTensors(raw);
  if (!tensors.ok) return tensors;
  const { field } = tensors.value;
  const op = opRead.value ?? 'conv2d';
  const rank = rankOf(op);
  const input = readInput(tensors.value.input, op, tensors.value.weight.shape.length);
  if (!input.ok) return input;
  const weight = readWeight(tensors.value.weight, op, field, tensors.value.input.shape.length);
  if (!weight.ok) return weight;
  const x = input.value;
  const stride = readAxes(raw.stride, 'stride', rank, 1, 1);
  if (!stride.ok) return stride;
  const dilation = readAxes(raw.dilation, 'dilation', rank, 1, 1);
  if (!dilation.ok) return dilation;
  const outputPadding = readAxes(raw.output_padding, 'output_padding', rank, 0, 0);
  if (!outputPadding.ok) return outputPadding;
  const groups = readGroups(raw.groups);
  if (!groups.ok) return groups;
  const mode = readPaddingMode(raw.padding_mode, op);
  if (!mode.ok) return mode;
  const outChannels = outputChannels(op, x, weight.value, groups.value, field);
  if (!outChannels.ok) return outChannels;

  const kernel = weight.value.dims.slice(5 - rank);
  const padding = readPadding(raw.padding, op, kernel, dilation.value, stride.value);
  if (!padding.ok) return padding;
  const geometry = convGeometry(
    op,
    {
      input: [x.depth, x.height, x.width].slice(3 - rank),
      kernel,
      stride: stride.value,
      padBefore: padding.value.before,
      padAfter: padding.value.after,
      dilation: dilation.value,
      outputPadding: outputPadding.value,
    },
    { input: x.channels, output: outChannels.value, groups: groups.value },
    [weight.value.dims[0], weight.value.dims[1]],
    { mode: mode.value, kind: padding.value.kind },
  );
  const axes = checkAxes(geometry, raw, field);
  if (!axes.ok) return axes;
  const out = geometry.output;
  if (cellsOf(out) > MAX_ARRAY_CELLS) {
    return fail(
      `The output would have ${shapeOf(geometry, out).join(' x ')} cells, more than ${MAX_ARRAY_CELLS.toLocaleString('en-US')}.`,
      [],
    );
  }

  let bias: Float64Array | null = null;
  if (raw.bias !== undefined && raw.bias !== null) {
    const b = readNumericArray(raw.bias, 'bias', ['bias']);
    if (!b.ok) return b;
    if (b.value.shape.length !== 1 || b.value.shape[0] !== out.channels) {
      return fail(
        `bias must be a list of ${plural(out.channels, 'number')} (one per output channel), but it has shape ${shapeText(b.value.shape)}.`,
        ['bias'],
      );
    }
    bias = b.value.data;
  }

  return ok({ geometry, input: x, weight: weight.value, bias });
}
