/**
 * One problem's checks, and its computation where a caller needs the numbers: limits first (nothing large is
 * allocated before them), then overflow, so an overflowed result is an error, never Infinity.
 */
import {
  checkFinite,
  checkLimits,
  compute,
  ConvProblem,
  ConvResult,
  LimitCheck,
  Limits,
  surelyFinite,
} from '../engine';

/** The result, or why not; `limit` names the size limit that refused it, for the caller to say how to raise. */
export type Solution = { ok: true; value: ConvResult } | (LimitCheck & { ok: false });

/** Without `limits`, the caller has bounded the work itself (the hover previews only what is cheap). */
export function solve(problem: ConvProblem, limits?: Limits): Solution {
  if (limits) {
    const limit = checkLimits(problem, limits);
    if (!limit.ok) return limit;
  }
  const result = compute(problem);
  const finite = checkFinite(result);
  return finite.ok ? { ok: true, value: result } : finite;
}

/**
 * Whether `problem` may be shown, without its results where it can: the panel's page computes its own, and the host
 * computes them only for what it does with them (copy, save). Only a problem whose results may overflow is computed
 * here, to name the cell that does.
 */
export function admit(problem: ConvProblem, limits: Limits): LimitCheck {
  const limit = checkLimits(problem, limits);
  if (!limit.ok || surelyFinite(problem)) return limit;
  return checkFinite(compute(problem));
}
