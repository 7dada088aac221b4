/**
 * Tiny inputs with huge parameters (stride, padding, dilation, output_padding up to 1e300, unsafe integers among
 * them) through the command's path: each is refused, or computed with work the limits bound. Work is counted,
 * never timed: the grids the limits count, the fast engine's padded copies and passes, the reference's visits.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import {
  computeCost,
  ConvProblem,
  forEachTap,
  KernelMatrixRows,
  Limits,
  multiplyAdds,
  normalizeSpec,
  sweptGrid,
} from '../../../src/engine';
import { adjointPlan, forwardPlan, planAffordable } from '../../../src/engine/fast';
import { Plan } from '../../../src/engine/fast/plan';
import { describeLiteral } from '../../../src/hover/hoverText';
import { convolveSpec } from '../../../src/convolve';

/** Small limits, so that whatever they let through is also quick to compute here. */
const LIMITS: Limits = {
  maxSelectionCharacters: 10_000,
  maxInputCells: 20_000,
  maxOutputCells: 20_000,
  maxKernelMatrixNonZeros: 200_000,
};
const FORMAT = { decimals: 4, exactFractions: false };

/** Mostly small, so that enough specs get through the limits; now and then huge, up to 1e300. */
const huge = (min: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min, max: 4 }), weight: 8 },
    { arbitrary: fc.integer({ min: 5, max: 300 }), weight: 3 },
    { arbitrary: fc.integer({ min: 1_000, max: 2 ** 31 }), weight: 1 },
    { arbitrary: fc.constantFrom(1e8, 130_000, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e17, 1e300), weight: 1 },
  );
const pairOf = (value: fc.Arbitrary<number>) => fc.oneof(value, fc.tuple(value, value));
const matrix = (rows: number, cols: number) =>
  fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: cols, maxLength: cols }), {
    minLength: rows,
    maxLength: rows,
  });

const hugeSpec = fc
  .record({
    op: fc.constantFrom('conv2d', 'conv_transpose2d'),
    size: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    kernel: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    channels: fc.integer({ min: 1, max: 12 }),
    stride: pairOf(huge(1)),
    padding: pairOf(huge(0)),
    dilation: pairOf(huge(1)),
    output_padding: pairOf(huge(0)),
  })
  .chain((s) =>
    fc.record({
      op: fc.constant(s.op),
      // Several channels on the small grid's side (conv2d's output, conv_transpose2d's input) make the padded copies
      // of the small grid the largest.
      input: fc.array(matrix(...s.size), {
        minLength: s.op === 'conv2d' ? 1 : s.channels,
        maxLength: s.op === 'conv2d' ? 1 : s.channels,
      }),
      weight: fc.array(fc.array(matrix(...s.kernel), { minLength: 1, maxLength: 1 }), {
        minLength: s.channels,
        maxLength: s.channels,
      }),
      stride: fc.constant(s.stride),
      padding: fc.constant(s.padding),
      dilation: fc.constant(s.dilation),
      // conv2d has none; conv_transpose2d's must stay below its stride or dilation, which small values often do.
      output_padding: fc.constant(s.op === 'conv2d' ? undefined : s.output_padding),
    }),
  );

/** Every bound the work of an accepted problem must keep, checked by counting. */
function assertBounded(problem: ConvProblem): void {
  const { input, weight } = problem;
  const output = problem.geometry.output;
  const cells = (g: { channels: number; depth: number; height: number; width: number }) =>
    g.channels * g.depth * g.height * g.width;
  const swept = cells(sweptGrid(problem.geometry));
  assert.ok(cells(input) <= LIMITS.maxInputCells && cells(output) <= LIMITS.maxOutputCells);
  assert.ok(swept <= Math.max(LIMITS.maxInputCells, LIMITS.maxOutputCells), `swept grid ${swept}`);
  assert.ok(multiplyAdds(problem) <= LIMITS.maxKernelMatrixNonZeros);
  const counted = cells(input) + cells(output) + swept;
  const [, , , kh, kw] = weight.dims;
  const checkPlan = (plan: Plan, what: string) => {
    // Declined plans are never laid out; the reference runs instead.
    if (!planAffordable(problem, plan)) return;
    assert.ok(plan.inputElements <= 8 * counted, `${what}: a padded copy of ${plan.inputElements} elements`);
    assert.ok(plan.passes.length <= kh * kw * problem.geometry.groups, `${what}: ${plan.passes.length} passes`);
    // Tiles cover each output of the pass's grid once (a tile's spare columns aside).
    const tiles = plan.passes.reduce((sum, pass) => sum + pass.rows * pass.tiles, 0);
    assert.ok(tiles <= cells(input) + cells(output), `${what}: ${tiles} tiles`);
  };
  checkPlan(forwardPlan(problem), 'forward');
  checkPlan(adjointPlan(problem), 'adjoint');
  // The reference visits each multiply-add once; the kernel matrix rows hold no more.
  let visits = 0;
  forEachTap(problem, () => visits++);
  assert.ok(visits <= multiplyAdds(problem), `${visits} visits`);
  assert.ok(new KernelMatrixRows(problem).nonZeros <= multiplyAdds(problem));
}

describe('fuzz: huge parameters on tiny inputs', function () {
  this.timeout(120_000);

  it('every spec is refused, or computed with work the limits bound (counted, not timed)', () => {
    const tally = { refused: 0, computed: 0 };
    fc.assert(
      fc.property(hugeSpec, (spec) => {
        const solved = convolveSpec(spec, LIMITS);
        const problem = normalizeSpec(spec);
        if (!solved.ok) {
          tally.refused++;
          assert.ok(solved.error.message.length > 0);
          if (solved.error.limit) assert.ok(problem.ok, 'a limit refused a valid problem');
          return;
        }
        tally.computed++;
        assert.ok(problem.ok);
        assertBounded(problem.value);
        // The hover computes a preview only within its own fixed budget.
        const hover = describeLiteral(JSON.stringify(spec), FORMAT);
        assert.ok(hover);
        assert.strictEqual(hover.markdown.includes('output:'), computeCost(problem.value) <= 200_000);
      }),
      { numRuns: 2000, seed: 20261205 },
    );
    // Both outcomes are exercised.
    assert.ok(tally.refused > 100 && tally.computed > 100, JSON.stringify(tally));
  });
});
