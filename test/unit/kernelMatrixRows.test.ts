import * as assert from 'assert';
import fc from 'fast-check';
import {
  ConvProblem,
  CsrMatrix,
  forEachTap,
  KernelMatrixRows,
  kernelMatrix,
  normalizeSpec,
  toDense,
} from '../../src/engine';
import { randomSpec } from '../support/arbitraries';
import { loadGoldenCases } from '../support/golden';
import { SEED_SPEC } from '../support/seed';

function problem(spec: object): ConvProblem {
  const p = normalizeSpec(spec as Record<string, unknown>);
  assert.ok(p.ok, p.ok ? '' : p.error.message);
  return p.value;
}

/** Every entry of rows [from, to) as `row,col=value#weight`, in the order visited. */
function visited(m: KernelMatrixRows, from: number, to: number): string[] {
  const entries: string[] = [];
  m.visitRows(from, to, (row, col, value) =>
    entries.push(`${row},${col}=${value}#${m.weightIndicesAt(row, col).join('+')}`),
  );
  return entries;
}

/** The same from the CSR, with the weight behind each entry from `forEachTap` (the engine's other path). */
function fromCsr(csr: CsrMatrix, p: ConvProblem, from: number, to: number): string[] {
  const weightsOf = new Map<string, number[]>();
  forEachTap(p, (row, col, k) => weightsOf.set(`${row},${col}`, [...(weightsOf.get(`${row},${col}`) ?? []), k]));
  const entries: string[] = [];
  for (let row = from; row < to; row++) {
    for (let q = csr.indptr[row]; q < csr.indptr[row + 1]; q++) {
      const weights = weightsOf.get(`${row},${csr.indices[q]}`) ?? [];
      entries.push(`${row},${csr.indices[q]}=${csr.data[q]}#${weights.sort((a, b) => a - b).join('+')}`);
    }
  }
  return entries;
}

/** The geometric reading of M agrees with the CSR entry by entry, both ways, and cell by cell with `dense`. */
function assertAgrees(p: ConvProblem, dense?: number[][]): void {
  const m = new KernelMatrixRows(p);
  const csr = kernelMatrix(p);
  assert.deepStrictEqual([m.rows, m.cols, m.nonZeros], [csr.rows, csr.cols, csr.indptr[csr.rows]]);
  assert.deepStrictEqual(visited(m, 0, m.rows), fromCsr(csr, p, 0, m.rows));
  const expected = dense ?? toDense(csr);
  const stored = new Set<string>();
  forEachTap(p, (row, col, k) => {
    assert.ok(m.weightIndicesAt(row, col).includes(k), `M[${row}, ${col}] holds weight ${k}`);
    stored.add(`${row},${col}`);
  });
  for (let row = 0; row < m.rows; row++) {
    for (let col = 0; col < m.cols; col++) {
      assert.strictEqual(m.entryAt(row, col), expected[row][col], `M[${row}, ${col}]`);
      // A weight that is zero is still stored; only where no tap lands is there no weight behind the entry.
      if (!stored.has(`${row},${col}`))
        assert.deepStrictEqual(m.weightIndicesAt(row, col), [], `M[${row}, ${col}] has no weight`);
    }
  }
  let min = 0;
  let max = 0;
  for (const value of csr.data) [min, max] = [Math.min(min, value), Math.max(max, value)];
  assert.deepStrictEqual(m.extent(), { min, max });
}

describe('kernel matrix read from the geometry (KernelMatrixRows)', () => {
  const golden = loadGoldenCases();

  golden.forEach((g, i) => {
    it(`#${i} ${g.name} (${g.op}, stride ${g.stride}, padding ${g.padding}, dilation ${g.dilation}, groups ${g.groups}): agrees with the CSR${g.kernel_matrix ? ' and with PyTorch' : ''}`, () => {
      assertAgrees(problem(g), g.kernel_matrix);
    });
  });

  it('random specs: agrees with the CSR, also on row ranges that start and end anywhere', () => {
    fc.assert(
      fc.property(randomSpec(), fc.nat(), fc.nat(), (spec, a, b) => {
        const p = normalizeSpec(spec);
        if (!p.ok) return;
        assertAgrees(p.value);
        const m = new KernelMatrixRows(p.value);
        const [from, to] = [a % (m.rows + 1), b % (m.rows + 1)].sort((x, y) => x - y);
        assert.deepStrictEqual(visited(m, from, to), fromCsr(kernelMatrix(p.value), p.value, from, to));
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });

  it('random specs: each weight lists exactly the entries it fills', () => {
    fc.assert(
      fc.property(randomSpec(), (spec) => {
        const p = normalizeSpec(spec);
        if (!p.ok) return;
        const m = new KernelMatrixRows(p.value);
        const byWeight = Array.from(p.value.weight.data, () => new Set<string>());
        forEachTap(p.value, (row, col, k) => byWeight[k].add(`${row},${col}`));
        byWeight.forEach((cells, k) => {
          const listed: string[] = [];
          m.entriesOfWeight(k, (row, col) => listed.push(`${row},${col}`));
          assert.strictEqual(listed.length, new Set(listed).size, `weight ${k} listed an entry twice`);
          assert.deepStrictEqual(new Set(listed), cells, `weight ${k}`);
        });
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });

  it('the seed: weight 4 is shared by four entries, and M[4, 0] = 4 comes from it', () => {
    const m = new KernelMatrixRows(problem(SEED_SPEC));
    const cells: string[] = [];
    m.entriesOfWeight(3, (row, col) => cells.push(`${row},${col}`));
    assert.deepStrictEqual(cells.sort(), ['4,0', '5,1', '7,2', '8,3']);
    assert.deepStrictEqual(
      [m.entryAt(4, 0), m.weightIndicesAt(4, 0), m.entryAt(0, 3), m.weightIndicesAt(0, 3)],
      [4, [3], 0, []],
    );
    assert.deepStrictEqual(
      [m.nonZeros, m.weightIndicesAt(-1, 0), m.weightIndicesAt(0, 4), m.weightIndicesAt(9, 0)],
      [16, [], [], []],
    );
  });

  it('512 x 512, 5 x 5: 6,451,600 non-zeros counted without building M; rows far apart agree with the CSR', () => {
    const n = 512;
    const input = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => ((i * 31 + j * 17) % 11) - 5),
    );
    const kernel = Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => i * 5 + j + 1));
    const p = problem({ input, kernel });
    const m = new KernelMatrixRows(p);
    // Each row meets up to 25 outputs; rows near the border fewer: (508 * 5 - 20)^2 = 2540^2.
    assert.deepStrictEqual([m.rows, m.cols, m.nonZeros], [262_144, 258_064, 6_451_600]);
    const csr = kernelMatrix(p);
    assert.strictEqual(csr.indptr[csr.rows], m.nonZeros);
    for (const row of [0, 1, 4, 513, 131_000, 262_143]) {
      const entries: string[] = [];
      m.visitRows(row, row + 1, (_, col, value) => entries.push(`${col}=${value}`));
      const expected = Array.from(
        csr.indices.subarray(csr.indptr[row], csr.indptr[row + 1]),
        (col, q) => `${col}=${csr.data[csr.indptr[row] + q]}`,
      );
      assert.deepStrictEqual(entries, expected, `row ${row}`);
      for (const col of csr.indices.subarray(csr.indptr[row], csr.indptr[row + 1]))
        assert.notDeepStrictEqual(m.weightIndicesAt(row, col), []);
    }
    assert.deepStrictEqual(m.extent(), { min: 0, max: 25 });
    // Input cell (0, 0) meets output (0, 0) only through the kernel's top-left weight.
    assert.deepStrictEqual([m.entryAt(0, 0), m.entryAt(0, 1), m.entryAt(513, 0)], [1, 0, 7]);
  });
});
