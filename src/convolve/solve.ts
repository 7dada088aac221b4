/**
 * One problem's computation, as the command, the CLI and the hover all do it: limits first (nothing large is
 * allocated before them), then compute, then overflow, so an overflowed result is an error, never Infinity.
 */
import { checkFinite, checkLimits, compute, ConvProblem, ConvResult, LimitCheck, Limits } from '../engine';

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
