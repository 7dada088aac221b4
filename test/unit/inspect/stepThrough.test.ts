import * as assert from 'assert';
import fc from 'fast-check';
import { compute, ConvProblem, normalizeSpec } from '../../../src/engine';
import { outputAfter, stepCount, stepDetail, stepKind } from '../../../src/engine/inspect';
import { randomSpec } from '../../support/arbitraries';

function solvable(spec: unknown): ConvProblem | undefined {
  const problem = normalizeSpec(spec);
  return problem.ok ? problem.value : undefined;
}

describe('inspect: step-through', () => {
  it('seed: the window slides over the four outputs, its running sums ending in each output', () => {
    const p = solvable({
      input: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      kernel: [
        [1, 2],
        [3, 4],
      ],
    });
    assert.ok(p);
    assert.strictEqual(stepKind(p), 'window');
    assert.strictEqual(stepCount(p), 4);
    const step = stepDetail(p, 1);
    assert.deepStrictEqual(
      step.terms.map((t) => [t.value, t.weight, t.sum]),
      [
        [2, 1, 2],
        [3, 2, 8],
        [5, 3, 23],
        [6, 4, 47],
      ],
    );
    assert.deepStrictEqual(
      Array.from(outputAfter(p, 1)).map((v) => (Number.isNaN(v) ? null : v)),
      [37, 47, null, null],
    );
  });

  it('padding terms read 0 and the bias starts the sum', () => {
    const p = solvable({
      input: [
        [1, 2],
        [3, 4],
      ],
      kernel: [
        [1, 1],
        [1, 1],
      ],
      padding: 1,
      bias: [10],
    });
    assert.ok(p);
    const step = stepDetail(p, 0);
    assert.strictEqual(step.start, 10);
    assert.deepStrictEqual(
      step.terms.map((t) => [t.contact.inside, t.value, t.sum]),
      [
        [false, 0, 10],
        [false, 0, 10],
        [false, 0, 10],
        [true, 1, 11],
      ],
    );
  });

  it('scatter: each input cell stamps its scaled kernel; cropped stamps have no partial sum', () => {
    const p = solvable({ op: 'conv_transpose2d', input: [[1, 2]], kernel: [[1, 10, 100]], padding: [0, 1] });
    assert.ok(p);
    assert.strictEqual(stepKind(p), 'scatter');
    assert.deepStrictEqual(
      stepDetail(p, 0).terms.map((t) => t.sum),
      [undefined, 10, 100],
    );
    assert.deepStrictEqual(
      stepDetail(p, 1).terms.map((t) => t.sum),
      [12, 120, undefined],
    );
    assert.deepStrictEqual(Array.from(outputAfter(p, -1)), [0, 0]);
    assert.deepStrictEqual(Array.from(outputAfter(p, 0)), [10, 100]);
  });

  it("random specs: after the last step the output is the engine's, and each window sum is its output cell", () => {
    fc.assert(
      fc.property(randomSpec(), (spec) => {
        const p = solvable(spec);
        fc.pre(p !== undefined);
        const count = stepCount(p!);
        const output = compute(p!).output.data;
        assert.deepStrictEqual(Array.from(outputAfter(p!, count - 1)), Array.from(output));
        if (p!.geometry.op === 'conv2d') {
          for (let s = 0; s < count; s++) {
            const step = stepDetail(p!, s);
            assert.strictEqual(step.terms.length === 0 ? step.start : step.terms[step.terms.length - 1].sum, output[s]);
          }
        }
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});
