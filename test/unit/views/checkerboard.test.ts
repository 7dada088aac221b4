import * as assert from 'assert';
import {
  checkerboardFixes,
  checkerboardFixGeometries,
  compute,
  normalizeSpec,
  overlapSummary,
  ownAxes,
  readTapCounts,
  shapeOf,
} from '../../../src/engine';
import { flat } from '../../support/approx';
import { loadGoldenViewsCases } from '../../support/golden';

function solve(spec: unknown) {
  const problem = normalizeSpec(spec);
  assert.ok(problem.ok, problem.ok ? '' : problem.error.message);
  return problem.value;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

describe('checkerboardFixes', () => {
  it('kernel 3, stride 2: kernel 4 (the tie goes up), padding 1 and output_padding 1 keep the 9 outputs', () => {
    const fixes = checkerboardFixes(
      solve({ op: 'conv_transpose1d', input: [1, 2, 3, 4], kernel: [5, 6, 7], stride: 2 }),
    );
    assert.ok(fixes);
    const { kernelDivisible: fixed } = fixes;
    assert.deepStrictEqual(
      [fixed.weight, fixed.padding, fixed.output_padding, fixed.stride],
      [[[[5, 5, 6, 7]]], [1], [1], [2]],
    );
    const problem = solve(fixed);
    assert.deepStrictEqual(shapeOf(problem.geometry, problem.geometry.output), [1, 9]);
    assert.ok(overlapSummary(problem.geometry).even);
  });

  it('kernel 5, stride 4, padding 1: the smaller kernel 4 is nearer, output_padding 1 makes up its span', () => {
    const problem = solve({ op: 'conv_transpose1d', input: [1, 2, 3], kernel: [1, 2, 3, 4, 5], stride: 4, padding: 1 });
    const fixed = checkerboardFixes(problem)!.kernelDivisible;
    assert.deepStrictEqual([fixed.weight, fixed.padding, fixed.output_padding], [[[[1, 2, 3, 4]]], [1], [1]]);
    assert.strictEqual(solve(fixed).geometry.output.width, problem.geometry.output.width);
  });

  it('resize then convolve: [1, 2] upsampled to [1, 1, 2, 2], convolved with the flipped kernel, padding "same"', () => {
    const fixes = checkerboardFixes(solve({ op: 'conv_transpose1d', input: [1, 2], kernel: [1, 2, 3], stride: 2 }))!;
    assert.deepStrictEqual(fixes.resizeConvolve, {
      op: 'conv1d',
      input: [[1, 1, 2, 2]],
      weight: [[[3, 2, 1]]],
      bias: null,
      dilation: [1],
      groups: 1,
      padding: 'same',
    });
    // 0*3 + 1*2 + 1*1, 1*3 + 1*2 + 2*1, 1*3 + 2*2 + 2*1, 2*3 + 2*2 + 0*1
    assert.deepStrictEqual(Array.from(compute(solve(fixes.resizeConvolve)).output.data), [3, 7, 9, 10]);
  });

  it('a conv has no checkerboard fix', () => {
    assert.strictEqual(
      checkerboardFixes(
        solve({
          input: [
            [1, 2],
            [3, 4],
          ],
          kernel: [[1]],
        }),
      ),
      undefined,
    );
  });

  describe('every transposed golden case: both fixes are valid specs, even, the first of the same output size', () => {
    for (const golden of loadGoldenViewsCases().filter((c) => c.op.startsWith('conv_transpose'))) {
      it(golden.name, () => {
        const problem = solve(golden);
        const g = problem.geometry;
        const fixes = checkerboardFixes(problem)!;
        const divisible = solve(fixes.kernelDivisible).geometry;
        assert.deepStrictEqual(shapeOf(divisible, divisible.output), shapeOf(g, g.output), 'the output size kept');
        ownAxes(divisible).forEach((a, i) => {
          assert.strictEqual(a.kernel % a.stride, 0, 'divisible');
          assert.ok(Math.abs(a.kernel - ownAxes(g)[i].kernel) < a.stride, 'the nearest multiple');
          const even = overlapSummary(divisible).axes[i].even;
          assert.strictEqual(even, gcd(a.dilation, a.stride) === 1, 'even unless the dilation shares a factor');
        });
        const resized = solve(fixes.resizeConvolve).geometry;
        assert.ok(overlapSummary(resized).even, 'stride 1 is even');
        assert.deepStrictEqual(
          ownAxes(resized).map((a) => a.output),
          ownAxes(g).map((a) => a.input * a.stride),
          'stride x input',
        );
        assert.strictEqual(resized.output.channels, g.output.channels);
      });
    }
  });

  describe("resize then convolve: the taps each output cell reads, against F.interpolate then a ones kernel's conv", () => {
    const transposed = loadGoldenViewsCases().filter((c) => c.op.startsWith('conv_transpose'));

    it('every transposed golden case has them', () => {
      assert.ok(transposed.length > 50);
      assert.ok(transposed.every((c) => c.resize_convolve_taps !== undefined));
    });

    for (const golden of transposed) {
      it(golden.name, () => {
        const fixes = checkerboardFixes(solve(golden))!;
        const resized = solve(fixes.resizeConvolve).geometry;
        // The page's geometries, built without the specs, are the specs' own.
        const geometries = checkerboardFixGeometries(solve(golden))!;
        assert.deepStrictEqual(geometries.resizeConvolve, resized);
        assert.deepStrictEqual(geometries.kernelDivisible, solve(fixes.kernelDivisible).geometry);
        const taps = readTapCounts(resized);
        assert.deepStrictEqual(shapeOf(resized, taps).slice(1), shapeOf(resized, resized.output).slice(1));
        assert.deepStrictEqual(Array.from(taps.data), flat(golden.resize_convolve_taps));
      });
    }
  });
});
