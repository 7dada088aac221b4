/** Why nothing was computed, and which setting lifts a size limit, so every refusal can say how to allow it. */
import { checkSelectionLength, LimitCheck, Limits } from '../engine';
import { TextRange } from '../parse';

/** The setting behind each limit (package.json `convlens.limits.*`), so a refusal can say how to lift it. */
export const LIMIT_SETTINGS: Readonly<Record<keyof Limits, string>> = {
  maxSelectionCharacters: 'convlens.limits.maxSelectionCharacters',
  maxInputCells: 'convlens.limits.maxInputCells',
  maxOutputCells: 'convlens.limits.maxOutputCells',
  maxKernelMatrixNonZeros: 'convlens.limits.maxKernelMatrixNonZeros',
};

/** Why nothing was computed; `limit` is set when a size limit refused it (its message names the setting). */
export interface Refusal {
  message: string;
  limit?: keyof Limits;
}

/** A refusal located in the text: `range` is relative to the text the content was read from. */
export interface ConvolveError extends Refusal {
  range: TextRange;
}

/** A failed check as a refusal; a size limit's names the setting to raise. */
export function limitRefusal(check: LimitCheck & { ok: false }): Refusal {
  const setting = check.limit && LIMIT_SETTINGS[check.limit];
  return setting
    ? { message: `${check.error.message} Raise ${setting} to allow it.`, limit: check.limit }
    : { message: check.error.message };
}

/** The refusal for a selection of `length` characters over the limit; callers check before copying the text out. */
export function selectionTooLong(length: number, limits: Limits): Refusal | undefined {
  const size = checkSelectionLength(length, limits);
  return size.ok ? undefined : limitRefusal(size);
}
