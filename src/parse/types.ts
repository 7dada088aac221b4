import type { ConvProblem } from '../engine';

/** A span of the parsed text: offsets are relative to the start of the text given to the parser. */
export interface TextRange {
  offset: number;
  length: number;
}

/** A user-facing problem with the exact place in the text it is about. */
export interface ParseError {
  message: string;
  range: TextRange;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ParseError };

/** A numeric array literal found in text (JSON/JSONC, a Python list, `np.array(...)`, `torch.tensor(...)`). */
export interface MatrixLiteral {
  /** Nested plain numbers exactly as written (rectangularity is checked by the engine). */
  value: unknown;
  /** The whole literal, e.g. all of `np.array([[1, 2]])`. */
  range: TextRange;
  /** Where each nested element sits, by JSON path (`[]` = the literal itself, `[1, 0]` = row 1, column 0). */
  locate(path: (string | number)[]): TextRange;
  /** `x` when written as `x = np.array(...)`; absent otherwise. */
  name?: string;
}

/** A spec object: `{"input": ..., "kernel": ..., "stride": ...}`. */
export interface SpecLiteral {
  spec: Record<string, unknown>;
  range: TextRange;
  /** Where the value at a JSON path sits (e.g. `['input', 2, 1]`, `['stride']`); falls back to the nearest existing
   * ancestor. */
  locate(path: (string | number)[]): TextRange;
}

/** What a selection holds, in the order the command tries them. */
export type SelectionContent =
  | { kind: 'spec'; spec: SpecLiteral }
  | { kind: 'pair'; input: MatrixLiteral; kernel: MatrixLiteral }
  | { kind: 'single'; matrix: MatrixLiteral };

/** A validated problem together with where its parts came from, so later errors and highlights can point at the
 * text. */
export interface LocatedProblem {
  problem: ConvProblem;
  /** The raw spec as it was assembled (for display and for re-running with other settings). */
  spec: Record<string, unknown>;
  locate(path: (string | number)[]): TextRange;
}
