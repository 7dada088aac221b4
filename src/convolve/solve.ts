/** A validated problem to a view: limits first (nothing large is allocated before them), then compute, then
 * overflow. */
import { checkFinite, checkLimits, compute, ConvProblem, Limits } from '../engine';
import { buildConvView, ComputedView } from './convView';
import { limitRefusal, Refusal } from './refusal';

export type Solved = { ok: true; view: ComputedView } | { ok: false; error: Refusal };

export function solve(problem: ConvProblem, spec: Record<string, unknown>, limits: Limits): Solved {
  const limit = checkLimits(problem, limits);
  if (!limit.ok) return { ok: false, error: limitRefusal(limit) };
  const result = compute(problem);
  const finite = checkFinite(result);
  if (!finite.ok) return { ok: false, error: { message: finite.error.message } };
  return { ok: true, view: buildConvView(problem, spec, result) };
}
