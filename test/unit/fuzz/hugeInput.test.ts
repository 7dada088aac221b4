/**
 * Hostile sizes: a selection of tens of megabytes, a literal that claims a billion cells, specs whose output or
 * kernel matrix would be huge. Each is refused with a message naming the limit and how to raise it, and
 * before anything big is allocated.
 */
import * as assert from 'assert';
import { performance } from 'perf_hooks';
import { DEFAULT_LIMITS, Limits } from '../../../src/engine';
import { ConvolveJobResult, convolveSpec, LIMIT_SETTINGS, runConvolveJob } from '../../../src/convolve';

/** Runs the command's path (its worker's job), measuring time and the typed-array memory it left allocated (where big
 * buffers go). */
function measured(
  text: string,
  limits: Limits = DEFAULT_LIMITS,
): { result: ConvolveJobResult; ms: number; arrayMB: number } {
  const before = process.memoryUsage().arrayBuffers;
  const started = performance.now();
  const result = runConvolveJob({ pieces: [{ text, base: 0 }], limits });
  const ms = performance.now() - started;
  return { result, ms, arrayMB: (process.memoryUsage().arrayBuffers - before) / 1e6 };
}

function refused(result: ConvolveJobResult): Extract<ConvolveJobResult, { kind: 'refused' }>['error'] {
  assert.ok(result.kind === 'refused', `expected a refusal, but it ended ${result.kind}`);
  return result.error;
}

/** A first row of `width` zeros, then `rows - 1` rows of one zero: it claims rows x width cells but holds few. */
const raggedClaim = (rows: number, width: number): string =>
  `[[${new Array(width).fill(0).join(',')}]${',[0]'.repeat(rows - 1)}]`;

describe('fuzz: hostile sizes are refused before allocation', () => {
  it('a 50 MB selection is refused at once, naming the setting that allows it', () => {
    const text = `{"input": [[${'1,'.repeat(25_000_000)}1]], "kernel": [[1]]}`;
    const { result, ms, arrayMB } = measured(text);
    const error = refused(result);
    assert.strictEqual(error.limit, 'maxSelectionCharacters');
    assert.match(
      error.message,
      /^The selection has 50,000,0\d\d characters, more than the limit of 2,000,000\. Raise convlens\.limits\.maxSelectionCharacters to allow it\.$/,
    );
    assert.deepStrictEqual(error.range, { offset: 0, length: text.length });
    // Refused on its length alone: nothing of it was parsed into arrays.
    assert.ok(arrayMB < 1, `${arrayMB.toFixed(0)} MB of arrays (${ms.toFixed(1)} ms)`);
  });

  it('a literal claiming 1,000,000,000 cells (first rows long, the rest short) is refused without allocating', () => {
    // [1000][1000][1000] by its first elements, in about 12 KB of text.
    const plane = raggedClaim(1000, 1000);
    const text = `{"input": [${plane}${',[[0]]'.repeat(999)}], "kernel": [[1]]}`;
    const { result, ms, arrayMB } = measured(text);
    const error = refused(result);
    assert.match(error.message, /^input has shape \[1000, 1000, 1000\], more than 50,000,000 numbers\.$/);
    assert.ok(arrayMB < 10, `${arrayMB.toFixed(0)} MB of arrays (${ms.toFixed(0)} ms)`);
  });

  it('a ragged literal claiming 49,000,000 cells (under the hard cap) is found ragged before 392 MB are allocated', () => {
    const text = `{"input": ${raggedClaim(7000, 7000)}, "kernel": [[1]]}`;
    const { result, ms, arrayMB } = measured(text);
    assert.match(
      refused(result).message,
      /^input\[1\] has 1 element, but input\[0\] has 7000: input must be rectangular/,
    );
    assert.ok(arrayMB < 10, `${arrayMB.toFixed(0)} MB of typed arrays for a 35 KB selection (${ms.toFixed(0)} ms)`);
  });

  it('an output of 10^12 cells is refused before any of it exists', () => {
    const text = '{"op": "conv_transpose2d", "input": [[1, 1], [1, 1]], "kernel": [[1]], "stride": 1000000}';
    const { result, ms, arrayMB } = measured(text);
    assert.match(
      refused(result).message,
      /^The output would have 1 x 1000001 x 1000001 cells, more than 50,000,000\.$/,
    );
    assert.ok(arrayMB < 1, `${arrayMB.toFixed(0)} MB (${ms.toFixed(0)} ms)`);
  });

  const limits: [keyof Limits, string, Partial<Limits>, RegExp][] = [
    [
      'maxInputCells',
      '{"input": [[1, 2, 3], [4, 5, 6]], "kernel": [[1]]}',
      { maxInputCells: 5 },
      /^The input has 1 x 2 x 3 = 6 cells, more than the limit of 5\./,
    ],
    [
      'maxOutputCells',
      '{"op": "conv_transpose2d", "input": [[1, 2], [3, 4]], "kernel": [[1, 1], [1, 1]], "stride": 100}',
      { maxOutputCells: 10_000 },
      /^The output would have 1 x 102 x 102 = 10,404 cells, more than the limit of 10,000\./,
    ],
    [
      'maxKernelMatrixNonZeros',
      '{"input": [[1, 2, 3], [4, 5, 6], [7, 8, 9]], "kernel": [[1, 1], [1, 1]]}',
      { maxKernelMatrixNonZeros: 15 },
      /^The kernel matrix would have up to 16 non-zeros, more than the limit of 15\./,
    ],
  ];
  for (const [limit, text, lowered, message] of limits) {
    it(`${limit}: the message says which limit and how to raise it`, () => {
      const error = refused(measured(text, { ...DEFAULT_LIMITS, ...lowered }).result);
      assert.strictEqual(error.limit, limit);
      assert.match(error.message, message);
      assert.ok(error.message.endsWith(` Raise ${LIMIT_SETTINGS[limit]} to allow it.`), error.message);
      assert.deepStrictEqual(error.range, { offset: 0, length: text.length }, 'the whole spec');
    });
  }

  it('a weight over maxInputCells is refused too, named as the weight', () => {
    const error = refused(
      measured('{"input": [[1, 2]], "kernel": [[1, 1, 1]], "padding": 1}', { ...DEFAULT_LIMITS, maxInputCells: 2 })
        .result,
    );
    assert.strictEqual(error.limit, 'maxInputCells');
    assert.match(
      error.message,
      /^The weight has 1 x 1 x 1 x 3 = 3 cells, more than the limit of 2\. Raise convlens\.limits\.maxInputCells to allow it\.$/,
    );
  });

  it('a spec value nested 100,000 deep (convlens.open, a restored panel) is refused, not a stack overflow', () => {
    let input: unknown = 1;
    for (let i = 0; i < 100_000; i++) input = [input];
    const solved = convolveSpec({ input, kernel: [[1]] }, DEFAULT_LIMITS);
    assert.ok(!solved.ok);
    assert.match(solved.error.message, /^input is nested more than 32 levels deep: it is not a matrix\.$/);
  });

  it('at the limit exactly, it computes', () => {
    const text = '{"input": [[1, 2, 3], [4, 5, 6]], "kernel": [[1]]}';
    const result = runConvolveJob({
      pieces: [{ text, base: 0 }],
      limits: { maxSelectionCharacters: text.length, maxInputCells: 6, maxOutputCells: 6, maxKernelMatrixNonZeros: 6 },
    });
    assert.strictEqual(result.kind, 'done', result.kind === 'refused' ? result.error.message : '');
  });
});
