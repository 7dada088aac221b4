import * as assert from 'assert';
import fc from 'fast-check';
import { forEachTap, kernelMatrix, normalizeSpec, toDense } from '../../../src/engine';
import { KernelMatrixIndex } from '../../../media/highlight/kernelMatrixIndex';
import { randomSpec } from '../../support/arbitraries';

function problem(spec: Record<string, unknown>) {
  const p = normalizeSpec(spec);
  assert.ok(p.ok);
  return p.value;
}

const specs: Record<string, Record<string, unknown>> = {
  seed: { input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 2], [3, 4]] },
  'grouped conv_transpose2d': {
    op: 'conv_transpose2d',
    input: [[[1, 0, 2], [0, 1, 0], [3, 0, 1]], [[0.5, -1, 0], [2, 0, -0.25], [1, 1, 1]]],
    weight: [[[[1, -1], [0, 2]]], [[[2, 0], [0, -1]]]],
    groups: 2,
    stride: 2,
    padding: 1,
    output_padding: 1,
  },
};

describe('webview linked highlighting index', () => {
  for (const [name, spec] of Object.entries(specs)) {
    it(`${name}: rows, receptive fields and weights agree with the dense kernel matrix`, () => {
      const p = problem(spec);
      const m = kernelMatrix(p);
      const dense = toDense(m);
      const index = new KernelMatrixIndex(m, p);
      for (let row = 0; row < m.rows; row++) {
        const expected = dense[row].flatMap((v, col) => (v !== 0 ? [col] : []));
        assert.deepStrictEqual([...index.outputsOf(row)].filter((col) => dense[row][col] !== 0), expected);
      }
      for (let col = 0; col < m.cols; col++) {
        assert.deepStrictEqual([...index.receptiveField(col)], [...Array(m.rows).keys()].filter((row) => index.outputsOf(row).includes(col)));
      }
      forEachTap(p, (row, col, k) => assert.strictEqual(index.weightAt(row, col), k));
      for (let k = 0; k < p.weight.data.length; k++) {
        index.entriesOfWeight(k, (row, col) => assert.strictEqual(dense[row][col], p.weight.data[k]));
      }
    });
  }

  it('lists every entry of the seed weight 4 (the kernel shared across M)', () => {
    const p = problem(specs.seed);
    const index = new KernelMatrixIndex(kernelMatrix(p), p);
    const cells: string[] = [];
    index.entriesOfWeight(3, (row, col) => cells.push(`${row},${col}`));
    assert.deepStrictEqual(cells, ['4,0', '5,1', '7,2', '8,3']);
  });

  it('random specs: each tap is found from its row, its column and its weight', () => {
    fc.assert(
      fc.property(randomSpec(), (spec) => {
        const p = normalizeSpec(spec);
        if (!p.ok) return;
        const index = new KernelMatrixIndex(kernelMatrix(p.value), p.value);
        const byWeight = new Map<number, Set<string>>();
        forEachTap(p.value, (row, col, k) => {
          assert.ok(index.outputsOf(row).includes(col));
          assert.ok(index.receptiveField(col).includes(row));
          assert.strictEqual(index.weightAt(row, col), k);
          if (!byWeight.has(k)) byWeight.set(k, new Set());
          byWeight.get(k)?.add(`${row},${col}`);
        });
        for (const [k, cells] of byWeight) {
          const listed = new Set<string>();
          index.entriesOfWeight(k, (row, col) => listed.add(`${row},${col}`));
          assert.deepStrictEqual(listed, cells);
        }
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });
});
