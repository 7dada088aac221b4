import { SpecPath } from '../engine';
import { lineLocator, readSpecFile, TextRange } from '../parse';

/** One spec of the input file: its value, with where a path inside it is written, or why it cannot be read. */
export type SpecEntry =
  | { ok: true; value: Record<string, unknown>; where(path: SpecPath): string }
  | { ok: false; message: string; where: string };

export type ReadSpecs = { ok: true; specs: SpecEntry[] } | { ok: false; message: string };

/**
 * The specs of the CLI's input file, read by the extension's own reader (`readSpecFile`): the same syntaxes and the
 * same messages. Positions are `line L, column C`, from line starts found once per file.
 */
export function readSpecs(file: string): ReadSpecs {
  // A byte order mark is not part of the text: editors hide it and count columns after it.
  const text = file.charCodeAt(0) === 0xfeff ? file.slice(1) : file;
  const lineColumn = lineLocator(text);
  const where = (range: TextRange): string => {
    const { line, column } = lineColumn(range.offset);
    return `line ${line}, column ${column}`;
  };
  const read = readSpecFile(text);
  if (!read.ok) return { ok: false, message: `${where(read.error.range)}: ${read.error.message}` };
  return {
    ok: true,
    specs: read.value.map((spec) =>
      spec.ok
        ? { ok: true, value: spec.value.spec, where: (path: SpecPath) => where(spec.value.locate(path)) }
        : { ok: false, message: spec.error.message, where: where(spec.error.range) },
    ),
  };
}
