/**
 * The command's whole path without vscode: selection text -> parse -> validate -> size limits -> compute ->
 * overflow check -> view. "Convolve selection", `convlens.open` and panel restore go through it, and so do the
 * fuzz tests, so what they try is exactly what a user's selection meets.
 */
import { buildConvView } from './convView';
import {
  checkFinite,
  checkLimits,
  checkSelectionLength,
  compute,
  ConvProblem,
  LimitCheck,
  Limits,
  normalizeSpec,
} from './engine';
import { MatrixLiteral, problemFromContent, readSelection, SelectionContent, TextRange } from './parse';
import { ConvView, NumberFormat } from './protocol/messages';

/** The setting behind each limit (package.json `convlens.limits.*`), so a refusal can say how to lift it. */
export const LIMIT_SETTINGS: Readonly<Record<keyof Limits, string>> = {
  maxSelectionCharacters: 'convlens.limits.maxSelectionCharacters',
  maxInputCells: 'convlens.limits.maxInputCells',
  maxOutputCells: 'convlens.limits.maxOutputCells',
  maxKernelMatrixNonZeros: 'convlens.limits.maxKernelMatrixNonZeros',
};

export interface ConvolveOptions {
  limits: Limits;
  format: NumberFormat;
  /** The panel's title line for a view computed from the text at `offset`, e.g. `seed.json:1:1`. */
  source?: (offset: number) => string;
  /** What a lone selected matrix is convolved with (the command asks the user); see `problemFromContent`. */
  kernel?: MatrixLiteral;
}

/** Why nothing was computed; `limit` is set when a size limit refused it (its message names the setting). */
export interface Refusal {
  message: string;
  limit?: keyof Limits;
}

/** A refusal located in the text: `range` is relative to the text the content was read from. */
export interface ConvolveError extends Refusal {
  range: TextRange;
}

export type ReadContent = { ok: true; value: SelectionContent } | { ok: false; error: ConvolveError };
export type Convolved = { ok: true; view: ConvView; range: TextRange } | { ok: false; error: ConvolveError };
export type Solved = { ok: true; view: ConvView } | { ok: false; error: Refusal };

function refusal(check: LimitCheck & { ok: false }): Refusal {
  const setting = check.limit && LIMIT_SETTINGS[check.limit];
  return setting
    ? { message: `${check.error.message} Raise ${setting} to allow it.`, limit: check.limit }
    : { message: check.error.message };
}

/** The refusal for a selection of `length` characters over the limit; callers check before copying the text out. */
export function selectionTooLong(length: number, limits: Limits): Refusal | undefined {
  const size = checkSelectionLength(length, limits);
  return size.ok ? undefined : refusal(size);
}

/** `readSelection`, refusing text over the size limit before parsing it (up to ~250 bytes a character). */
export function readSelectionWithin(text: string, limits: Limits): ReadContent {
  const tooLong = selectionTooLong(text.length, limits);
  return tooLong
    ? { ok: false, error: { ...tooLong, range: { offset: 0, length: text.length } } }
    : readSelection(text);
}

/** A validated problem to a view: limits first (nothing large is allocated before them), then compute, then
 * overflow. */
export function solve(
  problem: ConvProblem,
  spec: Record<string, unknown>,
  source: string,
  options: Pick<ConvolveOptions, 'limits' | 'format'>,
): Solved {
  const limit = checkLimits(problem, options.limits);
  if (!limit.ok) return { ok: false, error: refusal(limit) };
  const result = compute(problem);
  const finite = checkFinite(result);
  if (!finite.ok) return { ok: false, error: { message: finite.error.message } };
  return { ok: true, view: buildConvView(problem, spec, source, options.format, result) };
}

/** What a selection holds, validated and computed; every error's range lies within the content's text. */
export function convolveContent(content: SelectionContent, options: ConvolveOptions): Convolved {
  const located = problemFromContent(content, options.kernel);
  if (!located.ok) return located;
  const { problem, spec, locate } = located.value;
  const whole = locate([]);
  const solved = solve(problem, spec, options.source?.(whole.offset) ?? 'selection', options);
  return solved.ok
    ? { ok: true, view: solved.view, range: whole }
    : { ok: false, error: { ...solved.error, range: whole } };
}

/** A spec given as a value (`convlens.open`, a restored panel): the same checks, without text to point into. */
export function convolveSpec(
  spec: Record<string, unknown>,
  source: string,
  options: Pick<ConvolveOptions, 'limits' | 'format'>,
): Solved {
  const problem = normalizeSpec(spec);
  return problem.ok
    ? solve(problem.value, spec, source, options)
    : { ok: false, error: { message: problem.error.message } };
}
