import { ConvProblem } from '../spec';

export interface SnippetOptions {
  /** Where the spec came from, e.g. `seed.json:1:1`, for the first comment line. */
  source?: string;
}

export function snippetTitle(problem: ConvProblem, options: SnippetOptions): string {
  return `ConvLens: ${problem.params.op}${options.source ? ` from ${options.source}` : ''}`;
}

export const weightLayout = (problem: ConvProblem): string =>
  problem.params.op === 'conv2d' ? '[C_out][C_in/groups][kH][kW]' : '[C_in][C_out/groups][kH][kW]';

/**
 * conv2d's floor leaves `r = (H + pads - dilation*(k-1) - 1) mod stride` input rows unread at the end;
 * conv_transpose2d needs them back as output_padding to return to the input's size.
 */
export function reconstructionOutputPadding(problem: ConvProblem): [number, number] {
  const p = problem.params;
  const sizes = [problem.input.height, problem.input.width];
  const [kh, kw] = [problem.weight.dims[2], problem.weight.dims[3]];
  return [0, 1].map(
    (a) => (sizes[a] + p.padBefore[a] + p.padAfter[a] - p.dilation[a] * ([kh, kw][a] - 1) - 1) % p.stride[a],
  ) as [number, number];
}
