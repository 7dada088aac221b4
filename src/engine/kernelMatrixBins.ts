import type { AxisTaps } from './axisTaps';
import { KernelMatrixRows, runEntry, SpanSink } from './kernelMatrixRows';

/** Rows `[row, row + rows)` and columns `[col, col + cols)` of a matrix. */
export interface MatrixWindow {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Whether `value` is the one a bin shows rather than `shown` (NaN: nothing yet): the larger magnitude, and of two as
 * large the positive, so a bin never depends on the order its entries are read in.
 */
export function stronger(value: number, shown: number): boolean {
  const [a, b] = [Math.abs(value), Math.abs(shown)];
  return Number.isNaN(shown) || a > b || (a === b && value > shown);
}

/** First index in [from, to) of `sorted` (ascending there) holding at least `least`; `to` if none. */
function firstAtLeast(sorted: Int32Array, from: number, to: number, least: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (sorted[mid] < least) from = mid + 1;
    else to = mid;
  }
  return from;
}

/**
 * The x-axis pairs grouped by tap list: within a run every pair with the same taps holds the same value, so a run's
 * entries take as many values as there are lists. Each list's pairs (ascending) fall into pieces along which the
 * output position never decreases: one piece with zeros padding, a few more where a padding mode folds copies back.
 */
interface TapLists {
  /** Per list, its pairs ascending. */
  pairs: Int32Array[];
  /** Per list, the output position of each of its pairs. */
  outputs: Int32Array[];
  /** Per list, where its pieces start in `pairs`, and its length last. */
  pieces: Int32Array[];
}

function tapLists(xs: AxisTaps): TapLists {
  const byTaps = new Map<string, number[]>();
  for (let p = 0; p < xs.outputIndex.length; p++) {
    const key = xs.kernelIndex.subarray(xs.tapStart[p], xs.tapStart[p + 1]).join(',');
    const pairs = byTaps.get(key);
    if (pairs) pairs.push(p);
    else byTaps.set(key, [p]);
  }
  const lists = [...byTaps.values()];
  return {
    pairs: lists.map((pairs) => Int32Array.from(pairs)),
    outputs: lists.map((pairs) => Int32Array.from(pairs, (p) => xs.outputIndex[p])),
    pieces: lists.map((pairs) => {
      const starts = [0];
      for (let i = 1; i < pairs.length; i++)
        if (xs.outputIndex[pairs[i]] < xs.outputIndex[pairs[i - 1]]) starts.push(i);
      return Int32Array.from([...starts, pairs.length]);
    }),
  };
}

/**
 * The heatmap of M binned: each bin (a factor x factor block of a window) shows its strongest entry, found from the
 * geometry rather than by reading M. A span of rows (one channel, z and y, consecutive x) meets each output channel
 * and (z, y) pair in a run whose entries take one value per tap list; each list's output positions are sorted along
 * a piece, so the column bins a list reaches are found by binary search. A bin row costs its spans x runs x lists x
 * column bins reached: for 512 x 512 with a 5 x 5 kernel some 10^5 steps for the whole matrix, not its 6.5 million
 * entries. A padding mode's folded entry sums its taps (`runEntry`), as M does.
 */
export class KernelMatrixBins {
  private readonly lists: TapLists;

  constructor(private readonly m: KernelMatrixRows) {
    this.lists = tapLists(m.xs);
  }

  /**
   * Bin rows [fromBinRow, toBinRow) of `window` binned by `factor` into `strongest` (row-major, `ceil(window.cols /
   * factor)` bins a row, bin row 0 first), each bin's strongest entry kept by `stronger`; bins without an entry are
   * left as they are (NaN for "nothing stored").
   */
  fill(window: MatrixWindow, factor: number, fromBinRow: number, toBinRow: number, strongest: Float64Array): void {
    const { xs } = this.m;
    const weight = this.m.problem.weight.data;
    const { pairs, outputs, pieces } = this.lists;
    const binCols = Math.ceil(window.cols / factor);
    const colEnd = window.col + window.cols;
    let binRow = 0;
    const sink: SpanSink = {
      span(_firstRow, x0, x1, colBase, bases, baseCount) {
        const p0 = xs.start[x0];
        const p1 = xs.start[x1];
        const rowOffset = binRow * binCols;
        for (let l = 0; l < pairs.length; l++) {
          const list = pairs[l];
          const from = firstAtLeast(list, 0, list.length, p0);
          const to = firstAtLeast(list, from, list.length, p1);
          if (from === to) continue;
          const value = runEntry(xs, weight, bases, baseCount, list[from]);
          const output = outputs[l];
          const starts = pieces[l];
          for (let piece = 0; piece + 1 < starts.length && starts[piece] < to; piece++) {
            const end = Math.min(to, starts[piece + 1]);
            // Each column bin the piece reaches, by a jump to its first output past the bin before.
            let i = firstAtLeast(output, Math.max(from, starts[piece]), end, window.col - colBase);
            while (i < end) {
              const col = colBase + output[i];
              if (col >= colEnd) break;
              const binCol = Math.floor((col - window.col) / factor);
              const bin = rowOffset + binCol;
              if (stronger(value, strongest[bin])) strongest[bin] = value;
              i = firstAtLeast(output, i + 1, end, window.col + (binCol + 1) * factor - colBase);
            }
          }
        }
      },
    };
    const rowEnd = window.row + window.rows;
    for (binRow = fromBinRow; binRow < toBinRow; binRow++) {
      const first = window.row + binRow * factor;
      this.m.visitSpans(first, Math.min(rowEnd, first + factor), sink);
    }
  }
}
