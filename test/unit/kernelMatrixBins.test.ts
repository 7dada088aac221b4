import * as assert from 'assert';
import fc from 'fast-check';
import { ConvProblem, KernelMatrixBins, KernelMatrixRows, MatrixWindow, normalizeSpec } from '../../src/engine';
import { randomNdSpec, randomSpec } from '../support/arbitraries';

/**
 * Each bin's strongest entry by brute force: every cell of the window read with `entryAt`, stored where a weight lies
 * behind it (a zero weight is still an entry); the largest magnitude, of two as large the positive; NaN for none.
 */
function bruteForce(m: KernelMatrixRows, window: MatrixWindow, factor: number): number[] {
  const binCols = Math.ceil(window.cols / factor);
  const bins: number[] = new Array<number>(Math.ceil(window.rows / factor) * binCols).fill(Number.NaN);
  for (let row = window.row; row < window.row + window.rows; row++) {
    for (let col = window.col; col < window.col + window.cols; col++) {
      if (m.weightIndicesAt(row, col).length === 0) continue;
      const value = m.entryAt(row, col);
      const bin = Math.floor((row - window.row) / factor) * binCols + Math.floor((col - window.col) / factor);
      const old = bins[bin];
      if (Number.isNaN(old) || Math.abs(value) > Math.abs(old) || (Math.abs(value) === Math.abs(old) && value > old))
        bins[bin] = value;
    }
  }
  return bins;
}

/** The bins from the geometry, filled in two calls split at bin row `split` (as painting does a chunk at a time). */
function fromGeometry(m: KernelMatrixRows, window: MatrixWindow, factor: number, split: number): number[] {
  const binRows = Math.ceil(window.rows / factor);
  const bins = new Float64Array(binRows * Math.ceil(window.cols / factor)).fill(Number.NaN);
  const bins2 = new KernelMatrixBins(m);
  const at = Math.min(binRows, split);
  bins2.fill(window, factor, 0, at, bins);
  bins2.fill(window, factor, at, binRows, bins);
  return Array.from(bins);
}

/** A window of M from four naturals: anywhere inside, any shape, the whole matrix when `whole`. */
function windowOf(m: KernelMatrixRows, whole: boolean, [a, b, c, d]: number[]): MatrixWindow {
  if (whole) return { row: 0, col: 0, rows: m.rows, cols: m.cols };
  const rows = 1 + (a % m.rows);
  const cols = 1 + (b % m.cols);
  return { row: c % (m.rows - rows + 1), col: d % (m.cols - cols + 1), rows, cols };
}

function assertBinsAgree(problem: ConvProblem, whole: boolean, corners: number[], factor: number, split: number) {
  const m = new KernelMatrixRows(problem);
  if (m.rows === 0 || m.cols === 0) return;
  const window = windowOf(m, whole, corners);
  assert.deepStrictEqual(
    fromGeometry(m, window, factor, split),
    bruteForce(m, window, factor),
    `window ${JSON.stringify(window)}, factor ${factor}`,
  );
}

const corners = fc.array(fc.nat(), { minLength: 4, maxLength: 4 });

describe('kernel matrix heatmap bins from the geometry (KernelMatrixBins)', () => {
  it('random 1-D, 2-D and 3-D convs and transposed convs, every padding mode and groups: each bin as brute force finds it', () => {
    fc.assert(
      fc.property(
        randomNdSpec(),
        fc.boolean(),
        corners,
        fc.integer({ min: 1, max: 9 }),
        fc.nat(12),
        (spec, ...rest) => {
          const p = normalizeSpec(spec);
          if (p.ok) assertBinsAgree(p.value, ...rest);
        },
      ),
      { numRuns: 400, seed: 20261205 },
    );
  });

  it('random 2-D specs with larger strides, paddings and dilations: each bin as brute force finds it', () => {
    fc.assert(
      fc.property(randomSpec(), fc.boolean(), corners, fc.integer({ min: 1, max: 9 }), fc.nat(12), (spec, ...rest) => {
        const p = normalizeSpec(spec);
        if (p.ok) assertBinsAgree(p.value, ...rest);
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });

  it('reflect padding: a bin shows the sum of the taps folded onto one entry, not the strongest single tap', () => {
    // 1-D, input 3, kernel [4, 1, 4], padding 1 reflect: output 0 reads x[1], x[0], x[1], so M[1, 0] = 4 + 4 = 8.
    const p = normalizeSpec({
      op: 'conv1d',
      input: [[1, 2, 3]],
      weight: [[[4, 1, 4]]],
      padding: 1,
      padding_mode: 'reflect',
    });
    assert.ok(p.ok);
    const m = new KernelMatrixRows(p.value);
    const whole = { row: 0, col: 0, rows: 3, cols: 3 };
    assert.deepStrictEqual(fromGeometry(m, whole, 3, 1), [8]);
    assert.deepStrictEqual(fromGeometry(m, whole, 1, 2), [1, 4, Number.NaN, 8, 1, 8, Number.NaN, 4, 1]);
  });
});
