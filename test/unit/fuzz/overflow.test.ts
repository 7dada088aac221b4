/**
 * Finite inputs can still overflow float64 (1e308 * 2). Such a result is refused with the first cell that
 * overflowed, never shown or printed as Infinity (or as `null` in JSON).
 */
import * as assert from 'assert';
import { compute, DEFAULT_LIMITS } from '../../../src/engine';
import { configureFastEngine, fastEngineFeatures } from '../../../src/engine/fast';
import { DEFAULT_FORMAT } from '../../../src/format/numberText';
import { describeLiteral } from '../../../src/hover/hoverText';
import { convolveSpec, runConvolveJob } from '../../../src/convolve';
import { runCli } from '../../support/cli';
import { problemOf } from '../../../src/view/problem';

/** The command's path for a selection of `text` (its worker's job). */
const convolveSelected = (text: string) => runConvolveJob({ pieces: [{ text, base: 0 }], limits: DEFAULT_LIMITS });

function refusal(text: string): { message: string; range: { offset: number; length: number } } {
  const result = convolveSelected(text);
  assert.ok(result.kind === 'refused', `${text} ended ${result.kind}`);
  return result.error;
}

describe('fuzz: overflow to Infinity is an error naming the cell', () => {
  it('an output cell that overflows to Infinity', () => {
    const text = '{"input": [[1, 2, 3], [4, 1e308, 6]], "kernel": [[1, 2], [3, 4]]}';
    const error = refusal(text);
    assert.strictEqual(
      error.message,
      "output[0][0][0] overflowed to Infinity: the sum of products exceeds float64's range (about ±1.8e308). Scale the input or the kernel down.",
    );
    assert.deepStrictEqual(error.range, { offset: 0, length: text.length });
  });

  it('the first cell in row-major order, also with channels and -Infinity', () => {
    assert.match(
      refusal('{"input": [[[1, 1], [1, -1e308]]], "weight": [[[[1]]], [[[5]]]]}').message,
      /^output\[1\]\[1\]\[1\] overflowed to -Infinity:/,
    );
  });

  describe('products of both signs past the range in one sum', () => {
    const text = '{"input": [[1e308, 1e308, -1e308, -1e308]], "kernel": [[2, 2, 2, 2]]}';
    after(() => configureFastEngine({ fusedMultiplyAdd: true }));

    it('multiply then add: the products round to ±Infinity, which meet as NaN, named as such', () => {
      configureFastEngine({ fusedMultiplyAdd: false });
      assert.match(refusal(text).message, /^output\[0\]\[0\]\[0\] overflowed to NaN \(infinities of both signs met\):/);
    });

    it('fused multiply-add: products are never rounded alone, so the sum stays at the first Infinity', () => {
      configureFastEngine({ fusedMultiplyAdd: true });
      assert.strictEqual(fastEngineFeatures().fusedMultiplyAdd, true);
      assert.match(refusal(text).message, /^output\[0\]\[0\]\[0\] overflowed to Infinity:/);
    });
  });

  it('a finite output whose reconstruction (the transposed map) overflows', () => {
    const error = refusal('[[0, 1e308, 0]]\n[[1, 1]]');
    assert.match(
      error.message,
      /^reconstruction\[0\]\[0\]\[1\] overflowed to Infinity: the transposed map of the output exceeds/,
    );
  });

  it('large but finite results compute', () => {
    const result = convolveSelected('{"input": [[1e300, 1e300]], "kernel": [[10, 10]]}');
    assert.ok(result.kind === 'done');
    assert.strictEqual(compute(problemOf(result.view)).output.data[0], 2e301);
  });

  it('a reconstruction that overflows only through padded copies of one cell', () => {
    // replicate padding 3 reads the one cell 49 times: each output is 1e307, their transposed map 4.9e308.
    const error = refusal('{"input": [[1e307]], "kernel": [[1]], "padding": 3, "padding_mode": "replicate"}');
    assert.match(error.message, /^reconstruction\[0\]\[0\]\[0\] overflowed to Infinity/);
  });

  it('convlens.open and a restored panel refuse it too', () => {
    const solved = convolveSpec({ input: [[1e308]], kernel: [[10]] }, DEFAULT_LIMITS);
    assert.ok(!solved.ok);
    assert.match(solved.error.message, /^output\[0\]\[0\]\[0\] overflowed to Infinity/);
  });

  it('a hover on such a spec says so instead of previewing Infinity', () => {
    const hover = describeLiteral('{"input": [[1e308, 1e308]], "kernel": [[2, 2]]}', DEFAULT_FORMAT);
    assert.ok(hover);
    assert.match(hover.markdown, /output\[0\]\[0\]\[0\] overflowed to Infinity/);
    assert.doesNotMatch(hover.markdown, /output:/);
  });

  it('the CLI says so instead of printing Infinity, or null in --json', () => {
    const run = runCli(['--json', '-'], '{"input": [[1e308, 1e308]], "kernel": [[2, 2]]}');
    assert.strictEqual(run.status, 1, run.stderr);
    const [result] = JSON.parse(run.stdout) as { error?: string }[];
    assert.match(result.error ?? '', /^output\[0\]\[0\]\[0\] overflowed to Infinity: .* \(-: line 1, column 1\)$/);
  });
});
