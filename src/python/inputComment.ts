/**
 * The input shape a model is declared to take, written in a comment on the line above the model or at the end of its
 * first line: `# convlens: input 1x3x224x224` or `# convlens: input (1, 3, 224, 224)`.
 */
import type { TextSpan } from './layer';

const INPUT_COMMENT = /#\s*convlens:\s*input\s+(\(\s*\d+(?:\s*,\s*\d+)*\s*,?\s*\)|\d+(?:\s*[x×]\s*\d+)*)/i;

/** The shape in the first such comment on `line`, and where its shape is written. */
function shapeOnLine(
  text: string,
  lineStart: number,
  lineEnd: number,
): { shape: number[]; span: TextSpan } | undefined {
  const match = INPUT_COMMENT.exec(text.slice(lineStart, lineEnd));
  if (!match) return undefined;
  const start = lineStart + match.index + match[0].length - match[1].length;
  return {
    shape: match[1]
      .split(/[^\d]+/)
      .filter(Boolean)
      .map(Number),
    span: { start, end: start + match[1].length },
  };
}

/** The declared input of the model whose statement starts at `start` (the line above wins over its first line). */
export function declaredInput(text: string, start: number): { shape: number[]; span: TextSpan } | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', start);
  const above = lineStart > 0 ? shapeOnLine(text, text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1) : undefined;
  return above ?? shapeOnLine(text, start, lineEnd < 0 ? text.length : lineEnd);
}
