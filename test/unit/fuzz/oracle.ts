/**
 * What the command should answer for a spec, worked out without the engine: output sizes from PyTorch's formulas,
 * the result from the textbook reference, and which size limit (if any) refuses it first.
 */
import { Limits } from '../../../src/engine';
import { ComputedView, LIMIT_SETTINGS } from '../../../src/convolve';
import { Grid, referenceConv2d, referenceConvTranspose2d } from '../../support/reference';
import { SpecModel } from './specModel';

export interface Sizes {
  input: number;
  weight: number;
  output: { channels: number; height: number; width: number };
  /** Multiply-adds, the bound the engine checks against `maxKernelMatrixNonZeros`. */
  work: number;
  /** Cells of the grid the kernel sweeps: conv2d's zero-padded input, conv_transpose2d's output before the crop. */
  swept: number;
}

export function sizes(m: SpecModel): Sizes {
  const [c, h, w] = [m.input.length, m.input[0].length, m.input[0][0].length];
  const [d0, d1, kh, kw] = [m.weight.length, m.weight[0].length, m.weight[0][0].length, m.weight[0][0][0].length];
  const axis = (a: 0 | 1, n: number, k: number): number =>
    m.op === 'conv2d'
      ? Math.floor((n + 2 * m.padding[a] - m.dilation[a] * (k - 1) - 1) / m.stride[a]) + 1
      : (n - 1) * m.stride[a] - 2 * m.padding[a] + m.dilation[a] * (k - 1) + m.output_padding[a] + 1;
  const output = { channels: m.op === 'conv2d' ? d0 : d1 * m.groups, height: axis(0, h, kh), width: axis(1, w, kw) };
  const small = m.op === 'conv2d' ? output : { height: h, width: w };
  // Every stamp of the scatter lands in (n - 1)*stride + dilation*(k - 1) + 1 cells; output_padding may add more.
  const uncropped = (a: 0 | 1, n: number, k: number): number =>
    (n - 1) * m.stride[a] + m.dilation[a] * (k - 1) + 1 + Math.max(0, m.output_padding[a] - m.padding[a]);
  const swept =
    m.op === 'conv2d'
      ? c * (h + 2 * m.padding[0]) * (w + 2 * m.padding[1])
      : output.channels * uncropped(0, h, kh) * uncropped(1, w, kw);
  return {
    input: c * h * w,
    weight: d0 * d1 * kh * kw,
    output,
    work: small.height * small.width * d0 * d1 * kh * kw,
    swept,
  };
}

export function modelReference(m: SpecModel): Grid {
  const params = {
    stride: m.stride,
    padding: m.padding,
    dilation: m.dilation,
    outputPadding: m.output_padding,
    groups: m.groups,
  };
  return m.op === 'conv2d'
    ? referenceConv2d(m.input, m.weight, m.bias, params)
    : referenceConvTranspose2d(m.input, m.weight, m.bias, params);
}

const nested = (data: ArrayLike<number>, c: number, h: number, w: number): Grid =>
  Array.from({ length: c }, (_, i) =>
    Array.from({ length: h }, (_, j) => Array.from({ length: w }, (_, k) => data[(i * h + j) * w + k])),
  );

/**
 * The reference result for whatever the engine read (for selections the suite did not build itself). conv2d's
 * padding may be asymmetric (`"same"` with an even kernel), so it is applied to the input here.
 */
export function viewReference(view: ComputedView): Grid {
  const { input, weight } = view;
  // The parameters as read, per plane axis (height, width): what a 2-D reference takes.
  const [, ay, ax] = view.geometry.axes;
  const params = {
    op: view.geometry.op,
    groups: view.geometry.groups,
    stride: [ay.stride, ax.stride],
    dilation: [ay.dilation, ax.dilation],
    outputPadding: [ay.outputPadding, ax.outputPadding],
    padBefore: [ay.padBefore, ax.padBefore],
    padAfter: [ay.padAfter, ax.padAfter],
  };
  const [d0, d1, , kh, kw] = weight.dims;
  const w4 = Array.from({ length: d0 }, (_, o) => nested(weight.data.subarray(o * d1 * kh * kw), d1, kh, kw));
  const bias = view.bias ? Array.from(view.bias) : null;
  const common = {
    stride: [...params.stride] as [number, number],
    dilation: [...params.dilation] as [number, number],
    outputPadding: [...params.outputPadding] as [number, number],
    groups: params.groups,
  };
  if (params.op === 'conv_transpose2d') {
    return referenceConvTranspose2d(nested(input.data, input.channels, input.height, input.width), w4, bias, {
      ...common,
      padding: [...params.padBefore] as [number, number],
    });
  }
  const [top, left] = params.padBefore;
  const [h, w] = [input.height + top + params.padAfter[0], input.width + left + params.padAfter[1]];
  const padded = Array.from({ length: input.channels }, (_, c) =>
    Array.from({ length: h }, (_, i) =>
      Array.from({ length: w }, (_, j) => {
        const [y, x] = [i - top, j - left];
        return y >= 0 && x >= 0 && y < input.height && x < input.width
          ? input.data[(c * input.height + y) * input.width + x]
          : 0;
      }),
    ),
  );
  return referenceConv2d(padded, w4, bias, { ...common, padding: [0, 0] });
}

/** Why a valid-looking spec must be refused, and the message that must say so. */
export interface Refusal {
  reason: string;
  message: RegExp;
  limit?: keyof Limits;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function limitRefusal(limit: keyof Limits): Refusal {
  return {
    reason: `limit ${limit}`,
    limit,
    message: new RegExp(`more than the limit of [\\d,]+\\. Raise ${escape(LIMIT_SETTINGS[limit])} to allow it\\.$`),
  };
}

/** The first refusal the command must give for a well-formed spec, in the order it checks; undefined if none. */
export function expectedRefusal(m: SpecModel, limits: Limits, textLength: number): Refusal | undefined {
  if (textLength > limits.maxSelectionCharacters) return limitRefusal('maxSelectionCharacters');
  const s = sizes(m);
  if (s.output.height < 1 || s.output.width < 1) {
    return m.op === 'conv2d'
      ? {
          reason: 'kernel larger than padded input',
          message:
            /^The kernel (height|width) spans \d+ cells? \(dilation included\) but the padded input \1 is only \d+: the output would be empty\.$/,
        }
      : {
          reason: 'empty transposed output',
          message: /^The output (height|width) would be -?\d+: \(.* = -?\d+\. Reduce padding or enlarge the input\.$/,
        };
  }
  if (s.input > limits.maxInputCells || s.weight > limits.maxInputCells) return limitRefusal('maxInputCells');
  if (s.output.channels * s.output.height * s.output.width > limits.maxOutputCells)
    return limitRefusal('maxOutputCells');
  if (m.op === 'conv2d' ? s.swept > limits.maxInputCells : s.swept > limits.maxOutputCells)
    return limitRefusal(m.op === 'conv2d' ? 'maxInputCells' : 'maxOutputCells');
  if (s.work > limits.maxKernelMatrixNonZeros) return limitRefusal('maxKernelMatrixNonZeros');
  return undefined;
}

/** The message for an overflow in `cell` (a flat index) of an output-shaped tensor. */
export function overflowMessage(
  tensor: 'output' | 'reconstruction',
  cell: number,
  shape: { height: number; width: number },
): RegExp {
  const plane = shape.height * shape.width;
  const at = `[${Math.floor(cell / plane)}][${Math.floor((cell % plane) / shape.width)}][${cell % shape.width}]`;
  return new RegExp(`^${tensor}${escape(at)} overflowed to (Infinity|-Infinity|NaN)`);
}
