import { fail, ok, Result } from './result';
import { ConvProblem } from './spec';

/** Size limits checked before anything large is allocated (the extension maps them to settings). */
export interface Limits {
  /** Characters of selected text; checked before the text is parsed (up to ~250 bytes per character, for Python). */
  maxSelectionCharacters: number;
  /** Cells of the input tensor and of the weight, each. */
  maxInputCells: number;
  maxOutputCells: number;
  maxKernelMatrixNonZeros: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxSelectionCharacters: 2_000_000,
  maxInputCells: 4_000_000,
  maxOutputCells: 4_000_000,
  maxKernelMatrixNonZeros: 100_000_000,
};

/** A refusal that names the limit it hit, so callers can say how to raise it. */
export type LimitCheck = Result<null> & { limit?: keyof Limits };

/** Multiply-adds of the direct computation, which also bounds the kernel matrix's non-zeros from above. */
export function multiplyAdds(problem: ConvProblem): number {
  const [d0, d1, kh, kw] = problem.weight.dims;
  const small = problem.params.op === 'conv2d' ? problem.output : problem.input;
  return small.height * small.width * d0 * d1 * kh * kw;
}

/**
 * The grid the kernel sweeps, padding included: conv2d's padded input, or conv_transpose2d's output before its
 * padding crops it (`(in - 1)*stride + dilation*(k - 1) + 1` a side, plus what output_padding adds past that).
 * The fast engine lays it out and the inspection views draw it, so it is a cost like the tensors themselves; it
 * bounds the stride (two outputs along an axis lie a stride apart inside it), the dilation and the padding.
 */
export function sweptGrid(problem: ConvProblem): { channels: number; height: number; width: number } {
  const { params, input, output } = problem;
  const side = (a: 0 | 1): number => {
    const { inputSize, kernelSize, stride, padBefore, padAfter, dilation, outputPadding } = problem.outputSize[a];
    if (params.op === 'conv2d') return inputSize + padBefore + padAfter;
    return (inputSize - 1) * stride + dilation * (kernelSize - 1) + 1 + Math.max(0, outputPadding - padBefore);
  };
  return params.op === 'conv2d'
    ? { channels: input.channels, height: side(0), width: side(1) }
    : { channels: output.channels, height: side(0), width: side(1) };
}

/**
 * What computing a problem costs, in cells and multiply-adds: the multiply-adds plus every grid `compute` lays out
 * (input, output, and the swept grid the fast engine pads the data into). A caller with a fixed budget (a hover)
 * compares this, not the multiply-adds alone, which a long stride or a wide padding leaves small.
 */
export function computeCost(problem: ConvProblem): number {
  const { input, output } = problem;
  const swept = sweptGrid(problem);
  return (
    multiplyAdds(problem) +
    input.channels * input.height * input.width +
    output.channels * output.height * output.width +
    swept.channels * swept.height * swept.width
  );
}

const count = (n: number): string => n.toLocaleString('en-US');

const refuse = (message: string, limit: keyof Limits): LimitCheck => ({ ...fail(message), limit });

/** Whether text of `length` characters may be parsed at all; callers check before they even read the text. */
export function checkSelectionLength(length: number, limits: Limits, what = 'The selection'): LimitCheck {
  if (length <= limits.maxSelectionCharacters) return ok(null);
  return refuse(
    `${what} has ${count(length)} characters, more than the limit of ${count(limits.maxSelectionCharacters)}.`,
    'maxSelectionCharacters',
  );
}

export function checkLimits(problem: ConvProblem, limits: Limits): LimitCheck {
  const { input, weight } = problem;
  const inputCells = input.channels * input.height * input.width;
  if (inputCells > limits.maxInputCells) {
    return refuse(
      `The input has ${input.channels} x ${input.height} x ${input.width} = ${count(inputCells)} cells, more than the limit of ${count(limits.maxInputCells)}.`,
      'maxInputCells',
    );
  }
  if (weight.data.length > limits.maxInputCells) {
    return refuse(
      `The weight has ${weight.dims.join(' x ')} = ${count(weight.data.length)} cells, more than the limit of ${count(limits.maxInputCells)}.`,
      'maxInputCells',
    );
  }
  const { channels, height, width } = problem.output;
  const cells = channels * height * width;
  if (cells > limits.maxOutputCells) {
    return refuse(
      `The output would have ${channels} x ${height} x ${width} = ${count(cells)} cells, more than the limit of ${count(limits.maxOutputCells)}.`,
      'maxOutputCells',
    );
  }
  const swept = sweptGrid(problem);
  const sweptCells = swept.channels * swept.height * swept.width;
  const transposed = problem.params.op === 'conv_transpose2d';
  const sweptLimit = transposed ? 'maxOutputCells' : 'maxInputCells';
  if (sweptCells > limits[sweptLimit]) {
    return refuse(
      `${transposed ? 'The output before padding crops it' : 'The padded input'} would have ${swept.channels} x ${count(swept.height)} x ${count(swept.width)} = ${count(sweptCells)} cells, more than the limit of ${count(limits[sweptLimit])}.`,
      sweptLimit,
    );
  }
  const work = multiplyAdds(problem);
  if (work > limits.maxKernelMatrixNonZeros) {
    return refuse(
      `The kernel matrix would have up to ${count(work)} non-zeros, more than the limit of ${count(limits.maxKernelMatrixNonZeros)}.`,
      'maxKernelMatrixNonZeros',
    );
  }
  return ok(null);
}
