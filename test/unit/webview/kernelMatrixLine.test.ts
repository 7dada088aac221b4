import * as assert from 'assert';
import { KernelMatrixRows, normalizeSpec } from '../../../src/engine';
import { KernelMatrixLines } from '../../../media/highlight/kernelMatrixLine';
import { loadGoldenNdCases } from '../../support/golden';

/** The non-zero entries of each row and each column of PyTorch's M, as sorted index lists. */
function linesOf(m: number[][]): { rows: number[][]; cols: number[][] } {
  const rows = m.map((row) => row.flatMap((v, c) => (v !== 0 ? [c] : [])));
  const cols = m[0].map((_, c) => m.flatMap((row, r) => (row[c] !== 0 ? [r] : [])));
  return { rows, cols };
}

describe("webview: a row or column of M (linked highlighting's 3-D windows)", () => {
  // Every golden case with M: 1-D, 2-D and 3-D, transposed or not, every padding mode.
  const cases = loadGoldenNdCases().filter((c) => c.kernel_matrix);

  it(`the entries of every row and column are PyTorch's non-zeros (${cases.length} cases)`, () => {
    for (const c of cases) {
      const problem = normalizeSpec(c as unknown as Record<string, unknown>);
      assert.ok(problem.ok, c.name);
      const lines = new KernelMatrixLines(new KernelMatrixRows(problem.value));
      const want = linesOf(c.kernel_matrix!);
      const read = (line: 'row' | 'col', index: number) => {
        const found: number[] = [];
        lines.visit(line, index, (row, col) => found.push(line === 'row' ? col : row));
        // An entry whose weights cancel (a padding mode's copies) is an entry with the value 0.
        return found.filter((k) => (line === 'row' ? c.kernel_matrix![index][k] : c.kernel_matrix![k][index]) !== 0);
      };
      want.rows.forEach((cols, r) =>
        assert.deepStrictEqual(
          read('row', r).sort((a, b) => a - b),
          cols,
          `${c.name} row ${r}`,
        ),
      );
      want.cols.forEach((rows, k) =>
        assert.deepStrictEqual(
          read('col', k).sort((a, b) => a - b),
          rows,
          `${c.name} col ${k}`,
        ),
      );
    }
  });
});
