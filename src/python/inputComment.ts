/**
 * The shapes declared in `# convlens:` comments: a model's input, on the line above the model or at the end of its
 * first line (`# convlens: input 1x3x224x224` or `# convlens: input (1, 3, 224, 224)`), and a layer's output target,
 * at the end of the layer's line (`# convlens: output 64x64`).
 */
import type { DeclaredShape } from './layer';

type Declared = 'input' | 'output';

/** Sizes separated by `x` (or `×`), or a tuple. */
const SHAPE = String.raw`(\(\s*\d+(?:\s*,\s*\d+)*\s*,?\s*\)|\d+(?:\s*[x×]\s*\d+)*)`;
const COMMENT: Readonly<Record<Declared, RegExp>> = {
  input: new RegExp(String.raw`#\s*convlens:\s*input\s+${SHAPE}`, 'i'),
  output: new RegExp(String.raw`#\s*convlens:\s*output\s+${SHAPE}`, 'i'),
};

/** The shape in the first such comment between `from` and `to`, and where its shape is written. */
function shapeOnLine(text: string, from: number, to: number, declared: Declared): DeclaredShape | undefined {
  const match = COMMENT[declared].exec(text.slice(from, to));
  if (!match) return undefined;
  const start = from + match.index + match[0].length - match[1].length;
  return {
    shape: match[1]
      .split(/[^\d]+/)
      .filter(Boolean)
      .map(Number),
    span: { start, end: start + match[1].length },
  };
}

const lineEnd = (text: string, offset: number): number => {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
};

/** The declared input of the model whose statement starts at `start` (the line above wins over its first line). */
export function declaredInput(text: string, start: number): DeclaredShape | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const above =
    lineStart > 0 ? shapeOnLine(text, text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1, 'input') : undefined;
  return above ?? shapeOnLine(text, start, lineEnd(text, start), 'input');
}

/** The declared output of the layer whose call ends at `end`: a comment after it on the same line. */
export const declaredOutput = (text: string, end: number): DeclaredShape | undefined =>
  shapeOnLine(text, end, lineEnd(text, end), 'output');
