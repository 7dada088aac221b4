import { fail, ok, Result } from './result';
import { ConvProblem } from './spec';

/** Size limits checked before anything large is allocated (the extension maps them to settings). */
export interface Limits {
  /** Characters of selected text; checked before the text is parsed (parsing costs ~100 bytes per character). */
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

const count = (n: number): string => n.toLocaleString('en-US');

const refuse = (message: string, limit: keyof Limits): LimitCheck => ({ ...fail(message), limit });

/** Whether text of `length` characters may be parsed at all; callers check before they even read the text. */
export function checkSelectionLength(length: number, limits: Limits): LimitCheck {
  if (length <= limits.maxSelectionCharacters) return ok(null);
  return refuse(
    `The selection has ${count(length)} characters, more than the limit of ${count(limits.maxSelectionCharacters)}.`,
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
  const work = multiplyAdds(problem);
  if (work > limits.maxKernelMatrixNonZeros) {
    return refuse(
      `The kernel matrix would have up to ${count(work)} non-zeros, more than the limit of ${count(limits.maxKernelMatrixNonZeros)}.`,
      'maxKernelMatrixNonZeros',
    );
  }
  return ok(null);
}
