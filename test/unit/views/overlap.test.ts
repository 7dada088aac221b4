import * as assert from 'assert';
import { normalizeSpec, overlapCounts, overlapSummary, shapeOf } from '../../../src/engine';
import { flat } from '../../support/approx';
import { loadGoldenViewsCases } from '../../support/golden';

/** A spec's problem; the specs here are valid. */
function solve(spec: unknown) {
  const problem = normalizeSpec(spec);
  assert.ok(problem.ok, problem.ok ? '' : problem.error.message);
  return problem.value;
}

describe('overlap: tap counts against PyTorch (golden-views.json)', () => {
  const cases = loadGoldenViewsCases();

  it('covers every op and padding mode', () => {
    const ops = new Set(cases.map((c) => c.op));
    const modes = new Set(cases.map((c) => c.padding_mode));
    assert.strictEqual(ops.size, 6);
    assert.strictEqual(modes.size, 4);
  });

  cases.forEach((golden, i) => {
    it(`#${i} ${golden.name}`, () => {
      const g = solve(golden).geometry;
      const counts = overlapCounts(g);
      assert.deepStrictEqual(shapeOf(g, counts).slice(1), shapeOf(g, g.big).slice(1), "the big grid's shape");
      assert.deepStrictEqual(Array.from(counts.data), flat(golden.overlap));
    });
  });
});

describe('overlapSummary', () => {
  const summary = (spec: Record<string, unknown>) => overlapSummary(solve(spec).geometry);
  const ones = (n: number) => new Array<number>(n).fill(1);

  it('a transposed conv with kernel 3 and stride 2 is uneven: counts alternate 1, 2', () => {
    const s = summary({ op: 'conv_transpose1d', input: ones(4), kernel: ones(3), stride: 2 });
    assert.deepStrictEqual(s.axes[0], {
      name: 'length',
      kernel: 3,
      stride: 2,
      dilation: 1,
      even: false,
      least: 1,
      most: 2,
      uncovered: [],
    });
    assert.strictEqual(s.even, false);
  });

  it('kernel 4 with stride 2 is even; each axis is judged on its own', () => {
    const s = summary({
      op: 'conv_transpose2d',
      input: [ones(3), ones(3)],
      kernel: [ones(4), ones(4), ones(4)],
      stride: 2,
    });
    assert.deepStrictEqual(
      s.axes.map((a) => [a.name, a.even]),
      [
        ['height', false],
        ['width', true],
      ],
    );
    assert.strictEqual(s.even, false);
  });

  it('a dilation that hits every remainder of the stride equally is even (kernel 2, dilation 1 or 3, stride 2)', () => {
    for (const dilation of [1, 3])
      assert.ok(summary({ op: 'conv_transpose1d', input: ones(3), kernel: ones(2), stride: 2, dilation }).even);
    // Dilation 2 puts both taps on even offsets: odd cells get nothing.
    const s = summary({ op: 'conv_transpose1d', input: ones(3), kernel: ones(2), stride: 2, dilation: 2 });
    assert.deepStrictEqual([s.even, s.axes[0].uncovered], [false, [1, 3, 5]]);
  });

  it('a conv whose stride passes its span leaves input cells unread', () => {
    const s = summary({ op: 'conv1d', input: ones(8), kernel: ones(2), stride: 3 });
    assert.deepStrictEqual(s.axes[0].uncovered, [2, 5]);
    assert.deepStrictEqual([s.axes[0].least, s.axes[0].most], [0, 1]);
  });
});
