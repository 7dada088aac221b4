/** A location inside a spec value, as jsonc-parser's JSONPath: keys and array indices from the root. */
export type SpecPath = (string | number)[];

/** A user-facing problem: what is wrong, and where in the spec it is, so the caller can point at the text. */
export interface SpecError {
  message: string;
  path: SpecPath;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: SpecError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (message: string, path: SpecPath = []): { ok: false; error: SpecError } => ({
  ok: false,
  error: { message, path },
});
