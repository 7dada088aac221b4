import * as assert from 'assert';
import {
  LocatedProblem,
  MatrixLiteral,
  Parsed,
  ParseError,
  problemFromContent,
  readSelection,
  SelectionContent,
  TextRange,
} from '../../../src/parse';
import { scanned } from '../../../src/parse/scanWork';

/** The range of the `nth` occurrence (0-based) of `snippet` in `text`; fails loudly if it is not there. */
export function rangeOf(text: string, snippet: string, nth = 0): TextRange {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(snippet, offset + 1);
    assert.ok(offset >= 0, `${JSON.stringify(snippet)} #${nth} not in ${JSON.stringify(text)}`);
  }
  return { offset, length: snippet.length };
}

export function expectOk<T>(result: Parsed<T>): T {
  if (!result.ok)
    assert.fail(`expected success, got: ${result.error.message} at ${JSON.stringify(result.error.range)}`);
  return result.value;
}

/** Asserts the failure's message contains `message` and its range is exactly `range`. */
export function expectError<T>(result: Parsed<T>, message: string, range: TextRange): ParseError {
  if (result.ok) assert.fail(`expected an error containing ${JSON.stringify(message)}, got success`);
  assert.ok(
    result.error.message.includes(message),
    `message ${JSON.stringify(result.error.message)} lacks ${JSON.stringify(message)}`,
  );
  assert.deepStrictEqual(result.error.range, range, `range for ${JSON.stringify(result.error.message)}`);
  return result.error;
}

/** A selection's text to a validated problem, as the command reads it: `readSelection`, then `problemFromContent`. */
export function problemFromText(text: string, kernel?: MatrixLiteral): Parsed<LocatedProblem> {
  const content = readSelection(text);
  return content.ok ? problemFromContent(content.value, kernel) : content;
}

/** readSelection, asserting the kind. */
export function read<K extends SelectionContent['kind']>(
  text: string,
  kind: K,
): Extract<SelectionContent, { kind: K }> {
  const content = expectOk(readSelection(text));
  assert.strictEqual(content.kind, kind, `kind of ${JSON.stringify(text)}`);
  return content as Extract<SelectionContent, { kind: K }>;
}

export const within = (range: TextRange, length: number): boolean =>
  Number.isInteger(range.offset) &&
  Number.isInteger(range.length) &&
  range.offset >= 0 &&
  range.length >= 0 &&
  range.offset + range.length <= length;

/** The range of `snippet` inside the first occurrence of the larger, unique `context`. */
export function rangeIn(text: string, context: string, snippet: string): TextRange {
  const outer = rangeOf(text, context);
  const inner = context.indexOf(snippet);
  assert.ok(inner >= 0, `${JSON.stringify(snippet)} not in ${JSON.stringify(context)}`);
  return { offset: outer.offset + inner, length: snippet.length };
}

/** The characters the parse layer scanned while `run` ran (its own count: stable where a time is not). */
export function charactersScanned(run: () => void): number {
  const before = scanned.characters;
  run();
  return scanned.characters - before;
}
