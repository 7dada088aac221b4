/**
 * The command's whole path without vscode: selection text -> parse -> validate -> size limits -> overflow check ->
 * view, its results left to whoever needs them (see `admit`). "Convolve selection", `convlens.open` and panel restore
 * go through it, and so do the fuzz tests, so what they try is exactly what a user's selection meets. The view has no
 * title or number format: the host adds them when it shows it.
 */
import { ConvProblem, Limits, normalizeSpec } from '../engine';
import { MatrixLiteral, problemFromContent, SelectionContent, TextRange } from '../parse';
import { buildConvView, ComputedView } from './convView';
import { ConvolveError, limitRefusal, Refusal } from './refusal';
import { admit } from './solve';

export type Solved = { ok: true; view: ComputedView } | { ok: false; error: Refusal };

export interface ConvolveOptions {
  limits: Limits;
  /** What a lone selected matrix is convolved with (the command asks the user); see `problemFromContent`. */
  kernel?: MatrixLiteral;
}

export type Convolved = { ok: true; view: ComputedView; range: TextRange } | { ok: false; error: ConvolveError };

function solvedView(problem: ConvProblem, spec: Record<string, unknown>, limits: Limits): Solved {
  const admitted = admit(problem, limits);
  if (!admitted.ok) return { ok: false, error: limitRefusal(admitted) };
  return { ok: true, view: buildConvView(problem, spec) };
}

/** What a selection holds, validated and checked; every error's range lies within the content's text. */
export function convolveContent(content: SelectionContent, options: ConvolveOptions): Convolved {
  const located = problemFromContent(content, options.kernel);
  if (!located.ok) return located;
  const { problem, spec, locate } = located.value;
  const whole = locate([]);
  const solved = solvedView(problem, spec, options.limits);
  return solved.ok
    ? { ok: true, view: solved.view, range: whole }
    : { ok: false, error: { ...solved.error, range: whole } };
}

/** A spec given as a value (`convlens.open`, a restored panel): the same checks, without text to point into. */
export function convolveSpec(spec: Record<string, unknown>, limits: Limits): Solved {
  const problem = normalizeSpec(spec);
  return problem.ok
    ? solvedView(problem.value, spec, limits)
    : { ok: false, error: { message: problem.error.message } };
}
