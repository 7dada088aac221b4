import { normalizeSpec, opForPair } from '../engine';
import { unionRange } from './position';
import type { LocatedProblem, MatrixLiteral, Parsed, SelectionContent, TextRange } from './types';

type Path = (string | number)[];

/** Sends `['input', ...]` and `['kernel'|'weight', ...]` to the literal they came from; anything else to `whole`. */
function pairLocator(input: MatrixLiteral, kernel: MatrixLiteral, whole: TextRange): (path: Path) => TextRange {
  return (path) => {
    const [head, ...rest] = path;
    if (head === 'input') return input.locate(rest);
    if (head === 'kernel' || head === 'weight') return kernel.locate(rest);
    return whole;
  };
}

/** The spec of a selected input and kernel: conv2d's needs no op; a 1-D or 3-D pair names its own. */
function pairSpec(input: unknown, kernel: unknown): Record<string, unknown> {
  const op = opForPair(input, kernel);
  return op === 'conv2d' ? { input, kernel } : { op, input, kernel };
}

/**
 * Validates what a selection holds with the engine and maps an engine error's JSON path to the text. A lone
 * matrix is the input and needs `kernel` (the command asks for one); that literal's ranges should point into the
 * same text (the command passes the selected matrix's range).
 */
export function problemFromContent(content: SelectionContent, kernel?: MatrixLiteral): Parsed<LocatedProblem> {
  let spec: Record<string, unknown>;
  let locate: (path: Path) => TextRange;
  switch (content.kind) {
    case 'spec':
      spec = content.spec.spec;
      locate = content.spec.locate;
      break;
    case 'pair':
      spec = pairSpec(content.input.value, content.kernel.value);
      locate = pairLocator(content.input, content.kernel, unionRange(content.input.range, content.kernel.range));
      break;
    case 'single':
      if (!kernel) {
        return {
          ok: false,
          error: {
            message:
              'One matrix is selected: choose a kernel to convolve it with, or select two matrices (input then kernel).',
            range: content.matrix.range,
          },
        };
      }
      spec = pairSpec(content.matrix.value, kernel.value);
      locate = pairLocator(content.matrix, kernel, content.matrix.range);
      break;
  }
  const problem = normalizeSpec(spec);
  if (!problem.ok) return { ok: false, error: { message: problem.error.message, range: locate(problem.error.path) } };
  return { ok: true, value: { problem: problem.value, spec, locate } };
}
