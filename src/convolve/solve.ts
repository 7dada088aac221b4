/** A validated problem to a view: limits first (nothing large is allocated before them), then compute, then
 * overflow. */
import { checkFinite, checkLimits, compute, ConvProblem, Limits } from '../engine';
import { ConvView, NumberFormat } from '../protocol/messages';
import { buildConvView } from './convView';
import { limitRefusal, Refusal } from './refusal';

export type Solved = { ok: true; view: ConvView } | { ok: false; error: Refusal };

export interface SolveOptions {
  limits: Limits;
  format: NumberFormat;
}

export function solve(
  problem: ConvProblem,
  spec: Record<string, unknown>,
  source: string,
  options: SolveOptions,
): Solved {
  const limit = checkLimits(problem, options.limits);
  if (!limit.ok) return { ok: false, error: limitRefusal(limit) };
  const result = compute(problem);
  const finite = checkFinite(result);
  if (!finite.ok) return { ok: false, error: { message: finite.error.message } };
  return { ok: true, view: buildConvView(problem, spec, source, options.format, result) };
}
