import { AxisGeometry, bigPosition, ConvGeometry, foldPosition } from './geometry';

/**
 * For one axis, which output positions each position of the matrix's row grid (the conv's input) reaches and
 * through which kernel taps: pairs `p` in `start[i] .. start[i + 1]`, sorted by `outputIndex[p]`, each with its
 * taps `kernelIndex[t]` for `t` in `tapStart[p] .. tapStart[p + 1]`. Rows of M are products of these lists, already
 * in column order. With zeros padding every pair has one tap; with reflect, replicate or circular padding a padded
 * copy's tap folds back onto the cell it copies, so a pair can have several (M holds their sum).
 */
export interface AxisTaps {
  start: Int32Array;
  outputIndex: Int32Array;
  tapStart: Int32Array;
  kernelIndex: Int32Array;
}

/**
 * Every (big position, small position, tap) contact along one axis: `big = fold(small*stride - padBefore +
 * tap*dilation)`, -1 where the tap reads a zero. `bigOf[small * kernel + tap]`.
 */
export function bigPositions(g: ConvGeometry, axis: AxisGeometry): Int32Array {
  const small = g.transposed ? axis.input : axis.output;
  const bigSize = g.transposed ? axis.output : axis.input;
  const { kernel } = axis;
  const bigOf = new Int32Array(small * kernel);
  for (let s = 0; s < small; s++) {
    for (let t = 0; t < kernel; t++)
      bigOf[s * kernel + t] = foldPosition(g.paddingMode, bigSize, bigPosition(axis, s, t));
  }
  return bigOf;
}

export function axisTaps(g: ConvGeometry, axisIndex: 0 | 1 | 2): AxisTaps {
  const axis = g.axes[axisIndex];
  const bigOf = bigPositions(g, axis);
  const k = axis.kernel;
  const rows = axis.input;
  // Contacts bucketed by row position (counting sort), then each bucket ordered by (output, tap): buckets hold at
  // most a few kernel's worth, so an insertion sort is the cheapest.
  const count = new Int32Array(rows + 1);
  for (let c = 0; c < bigOf.length; c++) {
    if (bigOf[c] < 0) continue;
    count[1 + (g.transposed ? Math.floor(c / k) : bigOf[c])]++;
  }
  for (let i = 0; i < rows; i++) count[i + 1] += count[i];
  const fill = count.slice(0, rows);
  const out = new Int32Array(count[rows]);
  const tap = new Int32Array(count[rows]);
  for (let c = 0; c < bigOf.length; c++) {
    if (bigOf[c] < 0) continue;
    const s = Math.floor(c / k);
    const [row, o] = g.transposed ? [s, bigOf[c]] : [bigOf[c], s];
    let p = fill[row]++;
    const t = c - s * k;
    while (p > count[row] && (out[p - 1] > o || (out[p - 1] === o && tap[p - 1] > t))) {
      out[p] = out[p - 1];
      tap[p] = tap[p - 1];
      p--;
    }
    out[p] = o;
    tap[p] = t;
  }
  // Contacts with the same (row, output) become one pair with several taps.
  const start = new Int32Array(rows + 1);
  const outputIndex: number[] = [];
  const tapStart: number[] = [0];
  for (let i = 0; i < rows; i++) {
    for (let c = count[i]; c < count[i + 1]; c++) {
      if (c === count[i] || out[c] !== out[c - 1]) {
        if (c > count[i]) tapStart.push(c);
        outputIndex.push(out[c]);
      }
    }
    if (count[i + 1] > count[i]) tapStart.push(count[i + 1]);
    start[i + 1] = outputIndex.length;
  }
  return {
    start,
    outputIndex: Int32Array.from(outputIndex),
    tapStart: Int32Array.from(tapStart),
    kernelIndex: tap,
  };
}
