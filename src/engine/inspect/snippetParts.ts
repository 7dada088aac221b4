import { AxisGeometry, ownAxes, shapeOf, weightShapeOf } from '../geometry';
import { ConvProblem } from '../spec';

export interface SnippetOptions {
  /** Where the spec came from, e.g. `seed.json:1:1`, for the first comment line. */
  source?: string;
}

export function snippetTitle(problem: ConvProblem, options: SnippetOptions): string {
  const mode = problem.geometry.paddingMode === 'zeros' ? '' : ` (padding_mode '${problem.geometry.paddingMode}')`;
  return `ConvLens: ${problem.geometry.op}${mode}${options.source ? ` from ${options.source}` : ''}`;
}

const KERNEL_AXES = { 1: '[k]', 2: '[kH][kW]', 3: '[kD][kH][kW]' } as const;
const SPATIAL_AXES = { 1: '[L]', 2: '[H][W]', 3: '[D][H][W]' } as const;

export const weightLayout = (problem: ConvProblem): string =>
  (problem.geometry.transposed ? '[C_in][C_out/groups]' : '[C_out][C_in/groups]') + KERNEL_AXES[problem.geometry.rank];

export const inputLayout = (problem: ConvProblem): string => `[C_in]${SPATIAL_AXES[problem.geometry.rank]}`;

/** The weight's shape as the op writes it: `[d0][d1]` and one kernel size per own axis. */
export const weightShape = (problem: ConvProblem): number[] => weightShapeOf(problem.geometry);

/** The input's shape as the op writes it, channels first. */
export const inputShape = (problem: ConvProblem): number[] => shapeOf(problem.geometry, problem.geometry.input);

/** One field of every own axis, in order: `axisValues(problem, 'stride')`. */
export const axisValues = (problem: ConvProblem, field: keyof Omit<AxisGeometry, 'name'>): number[] =>
  ownAxes(problem.geometry).map((a) => a[field]);

/**
 * A conv's floor leaves `r = (padded input - span) mod stride` input cells unread at the end of an axis; the
 * transposed conv needs them back as output_padding to return to the input's size.
 */
export const reconstructionOutputPadding = (problem: ConvProblem): number[] =>
  ownAxes(problem.geometry).map((a) => (a.swept - a.span) % a.stride);
