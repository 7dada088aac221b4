import * as assert from 'assert';
import fc from 'fast-check';
import { compute, forward } from '../../../src/engine';
import { outputAfter, stepCount, stepDetail, stepKind } from '../../../src/engine/inspect';
import { randomNdSpec, randomSpec, smallInteger, solvable } from '../../support/arbitraries';
import { SEED_SPEC } from '../../support/seed';

describe('inspect: step-through', () => {
  it('seed: the window slides over the four outputs, its running sums ending in each output', () => {
    const p = solvable(SEED_SPEC);
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

  it('padding modes: a padded cell reads the cell it copies (conv1d, reflect)', () => {
    // Input [1, 2, 3] padded by 1 with reflect is [2, 1, 2, 3, 2]; kernel [1, 10]: output [12, 21, 32, 23].
    const p = solvable({ op: 'conv1d', input: [1, 2, 3], kernel: [1, 10], padding: 1, padding_mode: 'reflect' });
    assert.ok(p);
    const first = stepDetail(p, 0);
    assert.deepStrictEqual(
      first.terms.map((t) => [t.contact.x, t.contact.inside, t.contact.source, t.value, t.product, t.sum]),
      [
        [-1, false, 1, 2, 2, 2],
        [0, true, 0, 1, 10, 12],
      ],
    );
    const last = stepDetail(p, 3);
    assert.deepStrictEqual(
      last.terms.map((t) => [t.contact.x, t.contact.source, t.value, t.sum]),
      [
        [2, 2, 3, 3],
        [3, 1, 2, 23],
      ],
    );
    assert.deepStrictEqual(Array.from(outputAfter(p, 3)), [12, 21, 32, 23]);
  });

  it('3-D: the window of a conv3d output cell, and a conv_transpose3d stamp through the depth', () => {
    // 2x2x2 input 1..8, 2x1x1 kernel [1, 10] along the depth: output cell (0, 1, 1) = 4 + 10*8 = 84.
    const input = [
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ];
    const p = solvable({ op: 'conv3d', input, kernel: [[[1]], [[10]]] });
    assert.ok(p);
    assert.strictEqual(stepCount(p), 4);
    assert.deepStrictEqual(
      stepDetail(p, 3).terms.map((t) => [t.contact.z, t.contact.y, t.contact.x, t.value, t.sum]),
      [
        [0, 1, 1, 4, 4],
        [1, 1, 1, 8, 84],
      ],
    );
    const t = solvable({ op: 'conv_transpose3d', input, kernel: [[[1]], [[10]]], stride: [2, 1, 1] });
    assert.ok(t);
    // Input cell (1, 0, 0) = 5 lands at output depths 2 and 3 (stride 2), on row 0, column 0.
    assert.deepStrictEqual(
      stepDetail(t, 4).terms.map((c) => [c.contact.z, c.contact.y, c.contact.x, c.contact.source, c.product, c.sum]),
      [
        [2, 0, 0, 8, 5, 5],
        [3, 0, 0, 12, 50, 50],
      ],
    );
  });

  for (const mode of ['zeros', 'reflect', 'replicate', 'circular'] as const) {
    it(`random specs of every rank, padding_mode ${mode}: the last step gives the output, each window its cell`, () => {
      fc.assert(
        fc.property(randomNdSpec(smallInteger, undefined, [mode]), (spec) => {
          const p = solvable(spec);
          fc.pre(p !== undefined);
          const count = stepCount(p!);
          const output = forward(p!).data;
          assert.deepStrictEqual(Array.from(outputAfter(p!, count - 1)), Array.from(output));
          if (p!.geometry.transposed) return;
          for (let s = 0; s < count; s++) {
            const step = stepDetail(p!, s);
            assert.strictEqual(step.terms.length === 0 ? step.start : step.terms[step.terms.length - 1].sum, output[s]);
          }
        }),
        { numRuns: 100, seed: 6 },
      );
    });
  }
});
