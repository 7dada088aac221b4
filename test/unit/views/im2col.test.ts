import * as assert from 'assert';
import {
  columnOfOutputCell,
  ConvProblem,
  im2col,
  im2colWeight,
  normalizeSpec,
  patchOfColumn,
} from '../../../src/engine';
import { assertClose, flat } from '../../support/approx';
import { loadGoldenViewsCases } from '../../support/golden';

function solve(spec: unknown): ConvProblem {
  const problem = normalizeSpec(spec);
  assert.ok(problem.ok, problem.ok ? '' : problem.error.message);
  return problem.value;
}

/** `a @ b` of row-major matrices. */
function times(a: { rows: number; cols: number; data: Float64Array }, b: typeof a): Float64Array {
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++)
    for (let k = 0; k < a.cols; k++)
      for (let j = 0; j < b.cols; j++) out[i * b.cols + j] += a.data[i * a.cols + k] * b.data[k * b.cols + j];
  return out;
}

describe('im2col against PyTorch F.unfold (golden-views.json)', () => {
  const cases = loadGoldenViewsCases();

  cases.forEach((golden, i) => {
    it(`#${i} ${golden.name}: im2col, W_flat, W_flat @ im2col + bias = output, patches`, () => {
      const problem = solve(golden);
      const cols = im2col(problem);
      assert.deepStrictEqual([cols.rows, cols.cols], [golden.im2col.length, golden.im2col[0].length], 'shape');
      assert.deepStrictEqual(Array.from(cols.data), flat(golden.im2col), 'im2col: copies of input cells, exactly');
      const w = im2colWeight(problem);
      assert.deepStrictEqual([w.rows, w.cols], [golden.im2col_weight.length, golden.im2col_weight[0].length]);
      assert.deepStrictEqual(Array.from(w.data), flat(golden.im2col_weight), 'W_flat');

      const product = times(w, cols);
      const bias = problem.bias;
      if (bias)
        for (let c = 0; c < w.rows; c++) for (let j = 0; j < cols.cols; j++) product[c * cols.cols + j] += bias[c];
      assertClose(product, flat(golden.expected), 'W_flat @ im2col + bias');

      const x = problem.input.data;
      for (let col = 0; col < cols.cols; col++) {
        const read = Array.from(patchOfColumn(problem, col), (cell) => (cell < 0 ? 0 : x[cell]));
        assert.deepStrictEqual(
          read,
          golden.im2col.map((row) => row[col]),
          `patchOfColumn(${col})`,
        );
      }
      // Output cell (c, position) is W_flat's row c times the column columnOfOutputCell names, plus the bias.
      const expected = flat(golden.expected);
      const byColumn = expected.map((_, cell) => {
        const c = Math.floor(cell / cols.cols);
        const col = columnOfOutputCell(problem, cell);
        let sum = bias ? bias[c] : 0;
        for (let r = 0; r < cols.rows; r++) sum += w.data[c * w.cols + r] * cols.data[r * cols.cols + col];
        return sum;
      });
      assertClose(byColumn, expected, 'output cell = W_flat row . im2col column + bias');
    });
  });
});
