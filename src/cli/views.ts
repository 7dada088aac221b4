/** The views the CLI adds on request (`--views overlap,backward,im2col`): computed, and laid out as JSON. */
import {
  BackwardPass,
  backwardPass,
  checkIm2colLimits,
  ConvProblem,
  DenseMatrix,
  im2col,
  LimitCheck,
  Limits,
  ok,
  overlapCounts,
  readGradOutput,
  Result,
  shapeOf,
  Tensor,
  toNested,
  weightShapeOf,
} from '../engine';

export const VIEW_NAMES = ['overlap', 'backward', 'im2col'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export interface ComputedViews {
  overlap?: Tensor;
  backward?: BackwardPass;
  im2col?: DenseMatrix;
}

/** The views of a comma-separated list, or what is wrong with it. */
export function parseViews(list: string): { ok: true; views: ViewName[] } | { ok: false; message: string } {
  const names = list.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !(VIEW_NAMES as readonly string[]).includes(name));
  if (unknown !== undefined)
    return { ok: false, message: `--views takes a list of ${VIEW_NAMES.join(', ')}, not "${unknown}"` };
  return { ok: true, views: [...new Set(names as ViewName[])] };
}

/**
 * The asked views of a solved spec: the backward pass for the spec's `grad_output` (ones when absent), im2col only
 * within the limits. The others cost no more than the op itself, which `solve` has already admitted.
 */
export function computeViews(
  problem: ConvProblem,
  spec: Record<string, unknown>,
  views: readonly ViewName[],
  limits: Limits,
): Result<ComputedViews> & Pick<LimitCheck, 'limit'> {
  const computed: ComputedViews = {};
  if (views.includes('im2col')) {
    const check = checkIm2colLimits(problem, limits);
    if (!check.ok) return check;
  }
  if (views.includes('backward')) {
    const gradOutput = readGradOutput(spec, problem.geometry);
    if (!gradOutput.ok) return gradOutput;
    computed.backward = backwardPass(problem, gradOutput.value);
  }
  if (views.includes('overlap')) computed.overlap = overlapCounts(problem.geometry);
  if (views.includes('im2col')) computed.im2col = im2col(problem);
  return ok(computed);
}

const rowsOf = (m: DenseMatrix): number[][] =>
  Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));

/**
 * The views' JSON fields: `overlap` on the big grid's spatial axes, `grad_input` in the input's shape and
 * `grad_weight` in the weight's (channels first), `grad_bias` (null without a bias), `im2col` as rows.
 */
export function viewsJson(problem: ConvProblem, views: ComputedViews): Record<string, unknown> {
  const g = problem.geometry;
  const json: Record<string, unknown> = {};
  if (views.overlap) json.overlap = toNested(views.overlap.data, shapeOf(g, views.overlap).slice(1));
  if (views.backward) {
    const { gradInput, gradWeight, gradBias } = views.backward;
    json.grad_input = toNested(gradInput.data, shapeOf(g, gradInput));
    json.grad_weight = toNested(gradWeight.data, weightShapeOf(g));
    json.grad_bias = gradBias ? Array.from(gradBias) : null;
  }
  if (views.im2col) json.im2col = rowsOf(views.im2col);
  return json;
}
