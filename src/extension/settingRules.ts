/**
 * What each `convlens.*` setting may be. Settings come from files a workspace writes (also in Restricted Mode)
 * and VS Code does not enforce their schema, so each value is checked where it is read: one of the wrong type or
 * out of range is replaced by the default. Pure, so it is unit-tested without VS Code.
 */
import { DEFAULT_LIMITS } from '../engine';

interface Rule<T> {
  fallback: T;
  accepts(value: unknown): value is T;
  /** What a valid value is, for the warning. */
  expected: string;
}

const wholeNumber = (min: number, max: number, fallback: number): Rule<number> => ({
  fallback,
  accepts: (value): value is number =>
    Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max,
  expected:
    max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`,
});

const flag = (fallback: boolean): Rule<boolean> => ({
  fallback,
  accepts: (value): value is boolean => typeof value === 'boolean',
  expected: 'true or false',
});

/** A size limit: a positive safe integer (package.json declares the same minimums). */
const limit = (fallback: number, min = 1) => wholeNumber(min, Number.MAX_SAFE_INTEGER, fallback);

/** Each setting's rule, by its name under `convlens.`; the defaults are package.json's. */
export const SETTING_RULES = {
  decimals: wholeNumber(0, 12, 4),
  exactFractions: flag(false),
  'panel.reuse': flag(true),
  'hover.enabled': flag(true),
  'hover.maxLiteralCharacters': limit(1_000_000, 1000),
  'python.hovers': flag(true),
  'python.inlayHints': flag(true),
  'python.diagnostics': flag(true),
  'python.codeLens': flag(true),
  'limits.maxSelectionCharacters': limit(DEFAULT_LIMITS.maxSelectionCharacters),
  'limits.maxInputCells': limit(DEFAULT_LIMITS.maxInputCells),
  'limits.maxOutputCells': limit(DEFAULT_LIMITS.maxOutputCells),
  'limits.maxKernelMatrixNonZeros': limit(DEFAULT_LIMITS.maxKernelMatrixNonZeros),
};

export type SettingName = keyof typeof SETTING_RULES;
export type SettingValue<N extends SettingName> = (typeof SETTING_RULES)[N]['fallback'];

/** A value for the warning: short, whatever was written. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Checks values as they are read and warns once per setting and bad value (settings are read on every hover).
 */
export class SettingChecker {
  private readonly warned = new Set<string>();

  constructor(private readonly warn: (message: string) => void) {}

  /** `value` when it is valid, the default when it is unset or not valid (with a warning, once). */
  check<N extends SettingName>(name: N, value: unknown): SettingValue<N> {
    const rule = SETTING_RULES[name] as Rule<SettingValue<N>>;
    if (value === undefined) return rule.fallback;
    if (rule.accepts(value)) return value;
    const key = `${name}=${shown(value)}`;
    if (!this.warned.has(key)) {
      this.warned.add(key);
      this.warn(`convlens.${name} is ${shown(value)}, not ${rule.expected}: using the default, ${rule.fallback}.`);
    }
    return rule.fallback;
  }
}
