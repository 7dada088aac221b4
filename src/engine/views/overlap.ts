import { bigPositions } from '../axisTaps';
import { AxisGeometry, bigPosition, ConvGeometry, ownAxes } from '../geometry';
import { AxisName } from '../ops';
import { Tensor, tensorOf } from '../tensor';

/**
 * How many (small cell, kernel tap) pairs meet each cell of one axis of the big grid: the conv's input cells each
 * window reads (a padded copy counts for the cell it copies), or the transposed conv's output cells each stamp
 * lands on. A 3-D tap is a tap per axis and padding folds per axis, so a cell's count is the product of its axes'.
 */
function axisCounts(g: ConvGeometry, axis: AxisGeometry): Int32Array {
  const counts = new Int32Array(g.transposed ? axis.output : axis.input);
  for (const big of bigPositions(g, axis)) if (big >= 0) counts[big]++;
  return counts;
}

/** One channel whose cell (z, y, x) is zs[z]·ys[y]·xs[x]: a tap is a tap per axis, so counts multiply. */
function outerProduct([zs, ys, xs]: Int32Array[]): Tensor {
  const map = tensorOf({ channels: 1, depth: zs.length, height: ys.length, width: xs.length });
  let i = 0;
  for (const z of zs) for (const y of ys) for (const x of xs) map.data[i++] = z * y * x;
  return map;
}

/**
 * The overlap map, one channel on the big grid's spatial axes: for a conv, on the input grid, how many (output
 * cell, kernel tap) pairs read each input cell; for a transposed conv, on its output grid, how many (input cell,
 * weight tap) pairs land on each output cell (a checkerboard where the kernel size is not divisible by the stride).
 */
export function overlapCounts(g: ConvGeometry): Tensor {
  return outerProduct(g.axes.map((axis) => axisCounts(g, axis)));
}

/** How many taps of each small cell along one axis meet the big grid rather than its zero padding. */
function axisTapsMeeting(g: ConvGeometry, axis: AxisGeometry): Int32Array {
  const counts = new Int32Array(g.transposed ? axis.input : axis.output);
  const bigOf = bigPositions(g, axis);
  for (let c = 0; c < bigOf.length; c++) if (bigOf[c] >= 0) counts[Math.floor(c / axis.kernel)]++;
  return counts;
}

/**
 * The other side of the overlap map, one channel on the small grid's spatial axes: for a conv, on its output grid,
 * how many taps of each window read the input rather than its zero padding (a padded copy reads the cell it
 * copies). For "resize, then convolve" this is what each output cell gets: the kernel's size away from the borders.
 */
export function readTapCounts(g: ConvGeometry): Tensor {
  return outerProduct(g.axes.map((axis) => axisTapsMeeting(g, axis)));
}

/** One own axis of the overlap map, in words a sentence can use. */
export interface AxisOverlap {
  name: AxisName;
  kernel: number;
  stride: number;
  dilation: number;
  /**
   * Away from the borders every cell is met equally often: the kernel size is divisible by the stride (with a
   * dilation, each remainder of tap*dilation modulo the stride occurs equally often). Otherwise the counts
   * alternate: the checkerboard of Odena, Dumoulin and Olah (2016).
   */
  even: boolean;
  /** Fewest and most pairs meeting one cell of this axis. */
  least: number;
  most: number;
  /** Cells no pair meets: input cells no window reads (conv), output cells nothing lands on (transposed). */
  uncovered: number[];
}

export interface OverlapSummary {
  /** Every own axis even. */
  even: boolean;
  axes: AxisOverlap[];
}

function isEven(axis: AxisGeometry): boolean {
  const perRemainder = new Array<number>(axis.stride).fill(0);
  const offsets = { stride: axis.stride, padBefore: 0, dilation: axis.dilation };
  for (let t = 0; t < axis.kernel; t++) perRemainder[bigPosition(offsets, 0, t) % axis.stride]++;
  return perRemainder.every((n) => n === perRemainder[0]);
}

/** Per own axis, whether the overlap is even and which cells nothing meets: what the page says in one sentence. */
export function overlapSummary(g: ConvGeometry): OverlapSummary {
  const axes = ownAxes(g).map((axis): AxisOverlap => {
    const counts = axisCounts(g, axis);
    const uncovered: number[] = [];
    let least = Infinity;
    let most = 0;
    counts.forEach((n, i) => {
      if (n === 0) uncovered.push(i);
      least = Math.min(least, n);
      most = Math.max(most, n);
    });
    return {
      name: axis.name,
      kernel: axis.kernel,
      stride: axis.stride,
      dilation: axis.dilation,
      even: isEven(axis),
      least,
      most,
      uncovered,
    };
  });
  return { even: axes.every((a) => a.even), axes };
}
