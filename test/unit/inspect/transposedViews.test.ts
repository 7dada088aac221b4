import * as assert from 'assert';
import fc from 'fast-check';
import { compute, ConvProblem, tensorOf } from '../../../src/engine';
import {
  stretchedCell,
  transposedGeometry,
  transposedViews,
  transposedViewsCost,
  transposedViewsInSteps,
  transposedViewsUnavailable,
} from '../../../src/engine/inspect';
import { assertClose, flat } from '../../support/approx';
import {
  moderateDouble,
  randomNdSpec,
  randomSpec,
  RandomSpec,
  smallInteger,
  solvable,
} from '../../support/arbitraries';
import { loadGoldenCases, loadGoldenNdCases } from '../../support/golden';
import { SEED_SPEC } from '../../support/seed';

const RUNS = { numRuns: 250, seed: 20260214 };

/** The three views of the problem's transposed map, with what the engine says it must give. */
function viewsAndEngine(problem: ConvProblem) {
  const result = compute(problem);
  const transposed = problem.geometry.transposed;
  const views = transposedViews(problem, transposed ? problem.input : result.output);
  return { views, engine: transposed ? result.output : result.reconstruction };
}

function assertAllAgree(problem: ConvProblem, exact: boolean): void {
  const { views, engine } = viewsAndEngine(problem);
  for (const [name, t] of [
    ['M', views.matrix],
    ['scatter', views.scatter.result],
    ['direct', views.direct.result],
  ] as const) {
    assert.deepStrictEqual(
      [t.channels, t.depth, t.height, t.width],
      [engine.channels, engine.depth, engine.height, engine.width],
      `${name} shape`,
    );
    if (exact) assert.deepStrictEqual(Array.from(t.data), Array.from(engine.data), name);
    else assertClose(t.data, engine.data, name);
  }
  if (exact) assert.strictEqual(views.maxAbsDifference, 0);
  else
    assert.ok(
      views.maxAbsDifference <= 1e-9 * Math.max(1, ...Array.from(engine.data, Math.abs)),
      `max |difference| ${views.maxAbsDifference}`,
    );
}

describe('inspect: the three faces of the transposed convolution', () => {
  describe('golden conv_transpose2d cases (PyTorch float64)', () => {
    loadGoldenCases().forEach((golden, i) => {
      if (golden.op !== 'conv_transpose2d') return;
      it(`#${i} ${golden.name}: M, scatter and flipped-kernel convolution all give PyTorch's output`, () => {
        const problem = solvable(golden);
        assert.ok(problem);
        const { views } = viewsAndEngine(problem);
        assert.strictEqual(views.map, 'conv_transpose2d');
        for (const t of [views.matrix, views.scatter.result, views.direct.result])
          assertClose(t.data, flat(golden.expected), golden.name);
        assert.ok(views.maxAbsDifference < 1e-9);
      });
    });
  });

  it("golden conv2d cases with a reconstruction: the three views give PyTorch's vec(out) @ M^T", () => {
    let checked = 0;
    for (const golden of loadGoldenCases()) {
      if (golden.op !== 'conv2d' || !golden.reconstruction) continue;
      const problem = solvable(golden);
      assert.ok(problem);
      const { views } = viewsAndEngine(problem);
      assert.strictEqual(views.map, 'reconstruction');
      for (const t of [views.matrix, views.scatter.result, views.direct.result])
        assertClose(t.data, flat(golden.reconstruction), golden.name);
      checked++;
    }
    assert.ok(checked > 0);
  });

  it('random specs, integers: all three equal the engine exactly (groups, channels, dilation, output_padding)', () => {
    fc.assert(
      fc.property(randomSpec(smallInteger), (spec) => {
        const problem = solvable(spec);
        fc.pre(problem !== undefined);
        assertAllAgree(problem!, true);
      }),
      RUNS,
    );
  });

  it('random specs, doubles: all three agree with the engine to rounding', () => {
    fc.assert(
      fc.property(randomSpec(moderateDouble), (spec) => {
        const problem = solvable(spec);
        fc.pre(problem !== undefined);
        assertAllAgree(problem!, false);
      }),
      RUNS,
    );
  });

  it('conv2d padding "same" (asymmetric for even kernels) and "valid"', () => {
    fc.assert(
      fc.property(
        randomSpec(smallInteger, ['conv2d']),
        fc.constantFrom('same', 'valid'),
        (spec: RandomSpec, padding) => {
          const problem = solvable({ ...spec, padding, stride: 1 });
          fc.pre(problem !== undefined);
          assertAllAgree(problem!, true);
        },
      ),
      RUNS,
    );
  });

  it('the stretched grid: stride-1 zeros between cells, dilation*(k-1) - padding before, + output_padding after', () => {
    // 3 inputs, stride 2, kernel 3, padding 1, output_padding 1: output (3-1)*2 - 2 + 2 + 1 + 1 = 6.
    const problem = solvable({
      op: 'conv_transpose2d',
      input: [[1, 2, 3]],
      kernel: [[1, 10, 100]],
      stride: [1, 2],
      padding: [0, 1],
      output_padding: [0, 1],
    });
    assert.ok(problem);
    const [, width] = transposedGeometry(problem);
    assert.deepStrictEqual(width.stretched, { zeroInserted: 5, inserted: 1, before: 1, after: 2, extra: 1, size: 8 });
    const kinds = Array.from({ length: 8 }, (_, i) => stretchedCell(width, i)).map((c) =>
      c.kind === 'source' ? c.index : c.kind[0],
    );
    assert.deepStrictEqual(kinds, ['p', 0, 'i', 1, 'i', 2, 'p', 'p']);
    const { views } = viewsAndEngine(problem);
    assert.deepStrictEqual(Array.from(views.direct.stretched.data), [0, 1, 0, 2, 0, 3, 0, 0]);
    assert.deepStrictEqual(Array.from(views.direct.flippedKernel.data), [100, 10, 1]);
    assert.deepStrictEqual(width.scatter, { canvas: 7, cropBefore: 1, cropAfter: 0 });
  });

  it('padding larger than dilation*(k-1) crops the stretched grid instead of padding it', () => {
    const problem = solvable({
      op: 'conv_transpose2d',
      input: [[1, 2, 3, 4]],
      kernel: [[1, -1]],
      padding: [0, 2],
      stride: [1, 2],
    });
    assert.ok(problem);
    const [, width] = transposedGeometry(problem);
    assert.strictEqual(width.stretched.before, -1);
    assert.strictEqual(width.stretched.after, -1);
    const { views } = viewsAndEngine(problem);
    // Zero-inserted [1 0 2 0 3 0 4] without its first and last cell.
    assert.deepStrictEqual(Array.from(views.direct.stretched.data), [0, 2, 0, 3, 0]);
    assertAllAgree(problem, true);
  });

  it('scatter keeps what the padding crops on its canvas', () => {
    const problem = solvable({ op: 'conv_transpose2d', input: [[1, 2]], kernel: [[1, 1, 1]], padding: [0, 1] });
    assert.ok(problem);
    const { views } = viewsAndEngine(problem);
    assert.deepStrictEqual(Array.from(views.scatter.canvas.data), [1, 3, 3, 2]);
    assert.deepStrictEqual(Array.from(views.scatter.result.data), [3, 3]);
  });

  it('a conv2d whose stride leaves input rows unread gets them back as zeros (extra padding after)', () => {
    const problem = solvable({ input: [[1, 2, 3, 4, 5]], kernel: [[1, 1]], stride: [1, 2] });
    assert.ok(problem);
    const [, width] = transposedGeometry(problem);
    assert.strictEqual(width.stretched.extra, 1);
    const { views } = viewsAndEngine(problem);
    assert.deepStrictEqual(Array.from(views.direct.result.data), [3, 3, 7, 7, 0]);
    assertAllAgree(problem, true);
  });

  it('transposedViewsCost counts, before any is allocated, the cells of the grids the views allocate plus the direct products', () => {
    fc.assert(
      fc.property(randomSpec(smallInteger), (spec: RandomSpec) => {
        const problem = solvable(spec);
        if (!problem) return;
        const { views } = viewsAndEngine(problem);
        const [, , , kh, kw] = problem.weight.dims;
        const big = views.direct.result;
        // Each output of the direct convolution sums its group's small-grid channels times the kernel's taps.
        const products = big.data.length * (problem.weight.dims[0] / problem.geometry.groups) * kh * kw;
        assert.strictEqual(
          transposedViewsCost(problem),
          views.scatter.canvas.data.length + views.direct.stretched.data.length + products,
        );
      }),
      RUNS,
    );
    // A stride of 1,000 and two outputs: two multiply-adds, but a canvas, a stretched grid and direct products 1,001
    // each.
    const wide = solvable({
      input: [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].concat(Array(989).fill(0))],
      kernel: [[1]],
      stride: 1000,
    });
    assert.ok(wide);
    assert.strictEqual(transposedViewsCost(wide), 3 * 1001);
  });

  it('works for any source tensor, not just the computed one', () => {
    const problem = solvable(SEED_SPEC);
    assert.ok(problem);
    const y = tensorOf({ channels: 1, depth: 1, height: 2, width: 2 }, Float64Array.from([1, 0, 0, 0]));
    const views = transposedViews(problem, y);
    assert.deepStrictEqual(Array.from(views.direct.result.data), [1, 2, 0, 3, 4, 0, 0, 0, 0]);
    assert.strictEqual(views.maxAbsDifference, 0);
  });

  describe('every rank: golden-convnd.json (PyTorch float64)', () => {
    loadGoldenNdCases().forEach((golden, i) => {
      if (golden.padding_mode !== 'zeros') return;
      const transposed = golden.op.startsWith('conv_transpose');
      if (!transposed && !golden.reconstruction) return;
      it(`#${i} ${golden.name}: M, scatter and flipped-kernel convolution give PyTorch's ${transposed ? 'output' : 'vec(out) @ M^T'}`, () => {
        const problem = solvable(golden);
        assert.ok(problem);
        const { views } = viewsAndEngine(problem);
        assert.strictEqual(views.map, transposed ? golden.op : 'reconstruction');
        assert.deepStrictEqual(
          views.axes.map((a) => a.axis),
          { 1: ['depth', 'height', 'length'], 2: ['depth', 'height', 'width'], 3: ['depth', 'height', 'width'] }[
            problem.geometry.rank
          ],
        );
        const expected = flat(transposed ? golden.expected : golden.reconstruction);
        for (const t of [views.matrix, views.scatter.result, views.direct.result])
          assertClose(t.data, expected, 'face');
        assert.ok(views.maxAbsDifference < 1e-9);
      });
    });
  });

  it('every rank, random zero-padded specs, integers: all three equal the engine exactly', () => {
    fc.assert(
      fc.property(randomNdSpec(smallInteger, undefined, ['zeros']), (spec) => {
        const problem = solvable(spec);
        fc.pre(problem !== undefined);
        assertAllAgree(problem!, true);
      }),
      { ...RUNS, numRuns: 150 },
    );
  });

  it('conv_transpose3d: the stamps of a 2-deep input, stride 2 in depth, on a canvas the padding crops', () => {
    // Input depths [1] and [2] (1x1 planes), kernel depth [1, 10], stride 2, padding 1 along the depth: the canvas
    // is [1, 10, 2, 20]; the padding crops one cell at each end, leaving [10, 2].
    const problem = solvable({
      op: 'conv_transpose3d',
      input: [[[1]], [[2]]],
      kernel: [[[1]], [[10]]],
      stride: [2, 1, 1],
      padding: [1, 0, 0],
    });
    assert.ok(problem);
    const views = transposedViews(problem, problem.input);
    assert.deepStrictEqual(Array.from(views.scatter.canvas.data), [1, 10, 2, 20]);
    assert.deepStrictEqual(views.axes[0].scatter, { canvas: 4, cropBefore: 1, cropAfter: 1 });
    // The stretched grid: [1, 0, 2] with span - 1 - padding = 0 zeros either side; the flipped kernel [10, 1].
    assert.deepStrictEqual(Array.from(views.direct.stretched.data), [1, 0, 2]);
    assert.deepStrictEqual(Array.from(views.direct.flippedKernel.data), [10, 1]);
    for (const t of [views.matrix, views.scatter.result, views.direct.result])
      assert.deepStrictEqual(Array.from(t.data), [10, 2]);
  });

  it('a padding mode has no scatter or direct face, and says why; zero padding has all three', () => {
    for (const mode of ['reflect', 'replicate', 'circular']) {
      const problem = solvable({ op: 'conv1d', input: [1, 2, 3], kernel: [1, 1], padding: 1, padding_mode: mode });
      assert.ok(problem);
      const reason = transposedViewsUnavailable(problem);
      assert.match(reason ?? '', new RegExp(`padding_mode "${mode}" pads with copies of input cells`));
      assert.match(reason ?? '', /no transposed convolution/);
      assert.throws(() => transposedViews(problem, compute(problem).output), { message: reason });
    }
    const zeros = solvable({ op: 'conv1d', input: [1, 2, 3], kernel: [1, 1], padding: 1 });
    assert.ok(zeros);
    assert.strictEqual(transposedViewsUnavailable(zeros), undefined);
  });

  it('in steps: one view a step, the seed reconstruction [[37,121,94],[178,500,342],[201,499,308]] each time', () => {
    const problem = solvable(SEED_SPEC);
    assert.ok(problem);
    const steps = transposedViewsInSteps(problem, compute(problem).output);
    const seen: string[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) seen.push('step');
    assert.deepStrictEqual(seen, ['step', 'step', 'step']);
    const reconstruction = [37, 121, 94, 178, 500, 342, 201, 499, 308];
    for (const t of [step.value.matrix, step.value.scatter.result, step.value.direct.result])
      assert.deepStrictEqual(Array.from(t.data), reconstruction);
    assert.strictEqual(step.value.maxAbsDifference, 0);
  });
});
