import { AxisTaps, axisTaps } from './axisTaps';
import { ConvProblem } from './spec';

/** How input channel `c` meets its group's output channels in the weight's flat layout. */
interface ChannelLinks {
  /** Output channels of the group, ascending. */
  firstOutput: number;
  outputs: number;
  /** Flat index of weight[.][.][0][0][0] for the n-th of those output channels. */
  weightBase(n: number): number;
}

function channelLinks(problem: ConvProblem, c: number): ChannelLinks {
  const { weightDims, groups, transposed } = problem.geometry;
  const [d0, d1, kd, kh, kw] = weightDims;
  const volume = kd * kh * kw;
  if (!transposed) {
    // weight [Cout][Cin/groups]: input channel c is column (c mod Cin/groups) of its group's rows.
    const group = Math.floor(c / d1);
    const outputs = d0 / groups;
    return {
      firstOutput: group * outputs,
      outputs,
      weightBase: (n) => ((group * outputs + n) * d1 + (c - group * d1)) * volume,
    };
  }
  // weight [Cin][Cout/groups]: input channel c owns row c, one entry per output channel of its group.
  const group = Math.floor(c / (d0 / groups));
  return { firstOutput: group * d1, outputs: d1, weightBase: (n) => (c * d1 + n) * volume };
}

/** The input and output channel weight element `k` joins (the inverse of `channelLinks`). */
function channelsOfWeight(problem: ConvProblem, k: number): { input: number; output: number } {
  const { weightDims, groups, transposed } = problem.geometry;
  const [d0, d1, kd, kh, kw] = weightDims;
  const w0 = Math.floor(k / (d1 * kd * kh * kw));
  const w1 = Math.floor(k / (kd * kh * kw)) % d1;
  const group = Math.floor(w0 / (d0 / groups));
  return transposed ? { input: w0, output: group * d1 + w1 } : { input: group * d1 + w1, output: w0 };
}

/** The pair joining grid position `i` to output position `o` on one axis, or -1 (at most one does). */
function pairBetween(taps: AxisTaps, i: number, o: number): number {
  for (let p = taps.start[i]; p < taps.start[i + 1]; p++) if (taps.outputIndex[p] === o) return p;
  return -1;
}

function mostTaps(taps: AxisTaps): number {
  let most = 0;
  for (let p = 0; p < taps.outputIndex.length; p++) most = Math.max(most, taps.tapStart[p + 1] - taps.tapStart[p]);
  return most;
}

const tapsOf = (taps: AxisTaps, p: number): Int32Array =>
  taps.kernelIndex.subarray(taps.tapStart[p], taps.tapStart[p + 1]);

/** Every (grid position, output position) pair kernel index `tap` joins on one axis, as a flat list of pairs. */
function pairsOfTap(taps: AxisTaps, tap: number): number[] {
  const pairs: number[] = [];
  for (let i = 0; i + 1 < taps.start.length; i++) {
    for (let p = taps.start[i]; p < taps.start[i + 1]; p++)
      if (tapsOf(taps, p).includes(tap)) pairs.push(i, taps.outputIndex[p]);
  }
  return pairs;
}

/** The distinct tap lists of an axis's pairs: one per used tap with zeros padding, a few more where copies fold. */
function distinctTapLists(taps: AxisTaps): Int32Array[] {
  const seen = new Map<string, Int32Array>();
  for (let p = 0; p < taps.outputIndex.length; p++) {
    const list = tapsOf(taps, p);
    seen.set(list.join(','), list);
  }
  return [...seen.values()];
}

/** Called for each stored entry of M: input cell `row` meets output cell `col`; `value` sums the weights there. */
export type EntryVisitor = (row: number, col: number, value: number) => void;

/**
 * Takes rows a run at a time (see `KernelMatrixRows.visitRuns`). An object rather than a closure: V8 inlines
 * its `run` into the traversal, so building the CSR costs no more than a loop of its own (a closure called per
 * entry costs it about a third more).
 */
export interface RunSink {
  run(row: number, colBase: number, bases: Int32Array, baseCount: number, x: number): void;
}

/**
 * The value of each entry of a run: the x-axis pair `p`'s taps added to every weight base of the run. One base and
 * one tap with zeros padding; more where padded copies fold back.
 */
export function runEntry(xs: AxisTaps, weight: Float64Array, bases: Int32Array, baseCount: number, p: number): number {
  let sum = 0;
  for (let t = xs.tapStart[p]; t < xs.tapStart[p + 1]; t++) {
    const tap = xs.kernelIndex[t];
    for (let b = 0; b < baseCount; b++) sum += weight[bases[b] + tap];
  }
  return sum;
}

/**
 * Takes rows a span at a time (see `KernelMatrixRows.visitSpans`): rows `firstRow + (x - x0)` for x in [x0, x1), of one
 * channel, z and y, each meet one output channel and (z, y) pair in a run holding the columns `colBase +
 * xs.outputIndex[p]`, valued `runEntry(xs, weight, bases, baseCount, p)`, for `p` in `xs.start[x] .. xs.start[x + 1]`.
 */
export interface SpanSink {
  span(firstRow: number, x0: number, x1: number, colBase: number, bases: Int32Array, baseCount: number): void;
}

/** Unrolls runs into single entries for an `EntryVisitor`. */
class EntriesOfRuns implements RunSink {
  constructor(
    private readonly xs: AxisTaps,
    private readonly weight: Float64Array,
    private readonly visit: EntryVisitor,
  ) {}

  run(row: number, colBase: number, bases: Int32Array, baseCount: number, x: number): void {
    const { xs, weight, visit } = this;
    for (let p = xs.start[x]; p < xs.start[x + 1]; p++)
      visit(row, colBase + xs.outputIndex[p], runEntry(xs, weight, bases, baseCount, p));
  }
}

/**
 * The kernel matrix M of `vec(out) = vec(in) @ M` read straight from the geometry (per-axis taps, channel
 * links, the weight) instead of a stored CSR: rows in column order, any entry in O(kd + kh + kw), the non-zero
 * count in closed form. Every entry is fixed by the parameters, so a viewer of a 6-million-entry M needs
 * nothing but the problem; `kernelMatrix()` builds its CSR from these same rows.
 */
export class KernelMatrixRows {
  /** One per input cell, `Cin*D*H*W`. */
  readonly rows: number;
  /** One per output cell, `Cout*oD*oH*oW`. */
  readonly cols: number;
  readonly nonZeros: number;
  private readonly zs: AxisTaps;
  private readonly ys: AxisTaps;
  /** The x-axis taps, which `visitRuns` hands out runs of. */
  readonly xs: AxisTaps;
  private readonly links: ChannelLinks[];
  private readonly inVolume: number;
  private readonly outVolume: number;
  /** The most weight bases a run adds up: taps of a z pair times taps of a y pair. */
  private readonly mostBases: number;

  constructor(readonly problem: ConvProblem) {
    const { input, output } = problem.geometry;
    this.zs = axisTaps(problem.geometry, 0);
    this.ys = axisTaps(problem.geometry, 1);
    this.xs = axisTaps(problem.geometry, 2);
    this.links = Array.from({ length: input.channels }, (_, c) => channelLinks(problem, c));
    this.inVolume = input.depth * input.height * input.width;
    this.outVolume = output.depth * output.height * output.width;
    this.mostBases = Math.max(1, mostTaps(this.zs) * mostTaps(this.ys));
    this.rows = input.channels * this.inVolume;
    this.cols = output.channels * this.outVolume;
    // Each row is (its channel's outputs) x (pairs of its z) x (pairs of its y) x (pairs of its x); summed, the axes
    // factor out.
    const perChannel = this.zs.outputIndex.length * this.ys.outputIndex.length * this.xs.outputIndex.length;
    this.nonZeros = this.links.reduce((sum, link) => sum + link.outputs * perChannel, 0);
  }

  /**
   * The stored entries of rows [from, to) as runs, row by row in ascending column order: a run is one output
   * channel and one (z, y) pair of a row, and holds the columns `colBase + xs.outputIndex[p]` with the value
   * `runEntry(xs, weight, bases, baseCount, p)` for `p` in `xs.start[x] .. xs.start[x + 1]`.
   */
  visitRuns(from: number, to: number, sink: RunSink): void {
    this.walk(from, to, false, {
      span: (row, x, _x1, colBase, bases, baseCount) => sink.run(row, colBase, bases, baseCount, x),
    });
  }

  /**
   * The stored entries of rows [from, to) a span at a time: rows of one channel, z and y that differ only in x share
   * every run's column base and weights, so a span's runs are read once for all its rows (see `SpanSink`).
   */
  visitSpans(from: number, to: number, sink: SpanSink): void {
    this.walk(from, to, true, sink);
  }

  /** Rows [from, to) as spans of rows sharing channel, z and y: whole spans, or one row each (`visitRuns`). */
  private walk(from: number, to: number, wholeSpans: boolean, sink: SpanSink): void {
    const { zs, ys, outVolume, inVolume, links } = this;
    const { depth, height, width } = this.problem.geometry.input;
    const { height: outHeight, width: outWidth } = this.problem.geometry.output;
    const [, , , kh, kw] = this.problem.geometry.weightDims;
    const bases = new Int32Array(this.mostBases);
    const plane = height * width;
    let c = Math.floor(from / inVolume);
    let rest = from - c * inVolume;
    let z = Math.floor(rest / plane);
    rest -= z * plane;
    let y = Math.floor(rest / width);
    let x = rest - y * width;
    for (let row = from; row < to;) {
      const xEnd = wholeSpans ? Math.min(width, x + to - row) : x + 1;
      const link = links[c];
      for (let n = 0; n < link.outputs; n++) {
        const channelCol = (link.firstOutput + n) * outVolume;
        const weightBase = link.weightBase(n);
        for (let a = zs.start[z]; a < zs.start[z + 1]; a++) {
          const zCol = channelCol + zs.outputIndex[a] * outHeight * outWidth;
          for (let b = ys.start[y]; b < ys.start[y + 1]; b++) {
            let count = 0;
            for (let tz = zs.tapStart[a]; tz < zs.tapStart[a + 1]; tz++) {
              for (let ty = ys.tapStart[b]; ty < ys.tapStart[b + 1]; ty++)
                bases[count++] = weightBase + (zs.kernelIndex[tz] * kh + ys.kernelIndex[ty]) * kw;
            }
            sink.span(row, x, xEnd, zCol + ys.outputIndex[b] * outWidth, bases, count);
          }
        }
      }
      row += xEnd - x;
      x = xEnd;
      if (x === width) {
        x = 0;
        if (++y === height) {
          y = 0;
          if (++z === depth) {
            z = 0;
            c++;
          }
        }
      }
    }
  }

  /** The stored entries of rows [from, to), row by row, each row in ascending column order. */
  visitRows(from: number, to: number, visit: EntryVisitor): void {
    this.visitRuns(from, to, new EntriesOfRuns(this.xs, this.problem.weight.data, visit));
  }

  /** The flat weight indices whose sum is entry (row, col): none where M holds no entry, one with zeros padding. */
  weightIndicesAt(row: number, col: number): number[] {
    if (row < 0 || row >= this.rows || col < 0 || col >= this.cols) return [];
    const { input, output } = this.problem.geometry;
    const [, , , kh, kw] = this.problem.geometry.weightDims;
    const c = Math.floor(row / this.inVolume);
    const inCell = row - c * this.inVolume;
    const outChannel = Math.floor(col / this.outVolume);
    const outCell = col - outChannel * this.outVolume;
    const link = this.links[c];
    const n = outChannel - link.firstOutput;
    if (n < 0 || n >= link.outputs) return [];
    const inPlane = input.height * input.width;
    const outPlane = output.height * output.width;
    const pz = pairBetween(this.zs, Math.floor(inCell / inPlane), Math.floor(outCell / outPlane));
    const py = pairBetween(
      this.ys,
      Math.floor((inCell % inPlane) / input.width),
      Math.floor((outCell % outPlane) / output.width),
    );
    const px = pairBetween(this.xs, inCell % input.width, outCell % output.width);
    if (pz < 0 || py < 0 || px < 0) return [];
    // In `runEntry`'s order (x taps outermost), so that summing them gives the CSR's entry to the last bit.
    const indices: number[] = [];
    for (const tx of tapsOf(this.xs, px))
      for (const tz of tapsOf(this.zs, pz))
        for (const ty of tapsOf(this.ys, py)) indices.push(link.weightBase(n) + (tz * kh + ty) * kw + tx);
    return indices;
  }

  /** M[row, col]: zero where nothing is stored. */
  entryAt(row: number, col: number): number {
    const w = this.problem.weight.data;
    return this.weightIndicesAt(row, col).reduce((sum, k) => sum + w[k], 0);
  }

  /** Every (row, col) whose entry holds weight element `k` (weight sharing), in no particular order. */
  entriesOfWeight(k: number, visit: (row: number, col: number) => void): void {
    const { input, output, weightDims } = this.problem.geometry;
    const [, , kd, kh, kw] = weightDims;
    if (k < 0 || k >= this.problem.weight.data.length) return;
    const channels = channelsOfWeight(this.problem, k);
    const zs = pairsOfTap(this.zs, Math.floor(k / (kh * kw)) % kd);
    const ys = pairsOfTap(this.ys, Math.floor(k / kw) % kh);
    const xs = pairsOfTap(this.xs, k % kw);
    const inPlane = input.height * input.width;
    const outPlane = output.height * output.width;
    for (let a = 0; a < zs.length; a += 2) {
      for (let b = 0; b < ys.length; b += 2) {
        const rowBase = channels.input * this.inVolume + zs[a] * inPlane + ys[b] * input.width;
        const colBase = channels.output * this.outVolume + zs[a + 1] * outPlane + ys[b + 1] * output.width;
        for (let c = 0; c < xs.length; c += 2) visit(rowBase + xs[c], colBase + xs[c + 1]);
      }
    }
  }

  /**
   * Smallest and largest stored value, 0 included. An entry sums the weights of one tap list per axis (a single tap
   * with zeros padding), so the distinct lists per axis and each weight plane give every value M holds.
   */
  extent(): { min: number; max: number } {
    const [d0, d1, kd, kh, kw] = this.problem.geometry.weightDims;
    const w = this.problem.weight.data;
    const [zl, yl, xl] = [this.zs, this.ys, this.xs].map(distinctTapLists);
    let min = 0;
    let max = 0;
    for (let plane = 0; plane < d0 * d1; plane++) {
      const base = plane * kd * kh * kw;
      for (const tz of zl) {
        for (const ty of yl) {
          for (const tx of xl) {
            // Summed in `runEntry`'s order, so that the extent is exactly a stored value, not one rounded apart.
            let sum = 0;
            for (const x of tx) for (const z of tz) for (const y of ty) sum += w[base + (z * kh + y) * kw + x];
            min = Math.min(min, sum);
            max = Math.max(max, sum);
          }
        }
      }
    }
    return { min, max };
  }
}
