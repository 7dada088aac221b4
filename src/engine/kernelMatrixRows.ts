import { AxisTaps, axisTaps } from './axisTaps';
import { ConvProblem } from './spec';

/** How input channel `c` meets its group's output channels in the weight's flat layout. */
interface ChannelLinks {
  /** Output channels of the group, ascending. */
  firstOutput: number;
  outputs: number;
  /** Flat index of weight[.][.][0][0] for the n-th of those output channels. */
  weightBase(n: number): number;
}

function channelLinks(problem: ConvProblem, c: number): ChannelLinks {
  const [d0, d1, kh, kw] = problem.weight.dims;
  const plane = kh * kw;
  if (problem.params.op === 'conv2d') {
    // weight [Cout][Cin/groups]: input channel c is column (c mod Cin/groups) of its group's rows.
    const group = Math.floor(c / d1);
    const outputs = d0 / problem.params.groups;
    return {
      firstOutput: group * outputs,
      outputs,
      weightBase: (n) => ((group * outputs + n) * d1 + (c - group * d1)) * plane,
    };
  }
  // weight [Cin][Cout/groups]: input channel c owns row c, one entry per output channel of its group.
  const group = Math.floor(c / (d0 / problem.params.groups));
  return { firstOutput: group * d1, outputs: d1, weightBase: (n) => (c * d1 + n) * plane };
}

/** The input and output channel weight element `k` joins (the inverse of `channelLinks`). */
function channelsOfWeight(problem: ConvProblem, k: number): { input: number; output: number } {
  const [d0, d1, kh, kw] = problem.weight.dims;
  const w0 = Math.floor(k / (d1 * kh * kw));
  const w1 = Math.floor(k / (kh * kw)) % d1;
  const group = Math.floor(w0 / (d0 / problem.params.groups));
  return problem.params.op === 'conv2d'
    ? { input: group * d1 + w1, output: w0 }
    : { input: w0, output: group * d1 + w1 };
}

/** The kernel index that takes grid position `i` to output position `o` on one axis, or -1 (at most one does). */
function tapBetween(taps: AxisTaps, i: number, o: number): number {
  for (let a = taps.start[i]; a < taps.start[i + 1]; a++) if (taps.outputIndex[a] === o) return taps.kernelIndex[a];
  return -1;
}

/** Every (grid position, output position) pair kernel index `tap` joins on one axis, as a flat list of pairs. */
function pairsOfTap(taps: AxisTaps, tap: number): number[] {
  const pairs: number[] = [];
  for (let i = 0; i + 1 < taps.start.length; i++) {
    for (let a = taps.start[i]; a < taps.start[i + 1]; a++)
      if (taps.kernelIndex[a] === tap) pairs.push(i, taps.outputIndex[a]);
  }
  return pairs;
}

/** Called for each stored entry of M: input cell `row` meets output cell `col` through weight element `weightIndex`. */
export type EntryVisitor = (row: number, col: number, value: number, weightIndex: number) => void;

/**
 * Takes rows a run at a time (see `KernelMatrixRows.visitRuns`). An object rather than a closure: V8 inlines
 * its `run` into the traversal, so building the CSR costs no more than a loop of its own (a closure called per
 * entry costs it about a third more).
 */
export interface RunSink {
  run(row: number, colBase: number, weightBase: number, x: number): void;
}

/** Unrolls runs into single entries for an `EntryVisitor`. */
class EntriesOfRuns implements RunSink {
  constructor(
    private readonly xs: AxisTaps,
    private readonly weight: Float64Array,
    private readonly visit: EntryVisitor,
  ) {}

  run(row: number, colBase: number, weightBase: number, x: number): void {
    const { xs, weight, visit } = this;
    for (let b = xs.start[x]; b < xs.start[x + 1]; b++) {
      const k = weightBase + xs.kernelIndex[b];
      visit(row, colBase + xs.outputIndex[b], weight[k], k);
    }
  }
}

/**
 * The kernel matrix M of `vec(out) = vec(in) @ M` read straight from the geometry (per-axis taps, channel
 * links, the weight) instead of a stored CSR: rows in column order, any entry in O(kh + kw), the non-zero
 * count in closed form. Every entry is fixed by the parameters, so a viewer of a 6-million-entry M needs
 * nothing but the problem; `kernelMatrix()` builds its CSR from these same rows.
 */
export class KernelMatrixRows {
  /** One per input cell, `Cin*H*W`. */
  readonly rows: number;
  /** One per output cell, `Cout*oH*oW`. */
  readonly cols: number;
  readonly nonZeros: number;
  private readonly ys: AxisTaps;
  /** The x-axis taps, which `visitRuns` hands out runs of. */
  readonly xs: AxisTaps;
  private readonly links: ChannelLinks[];
  private readonly inPlane: number;
  private readonly outPlane: number;

  constructor(readonly problem: ConvProblem) {
    const { input, output } = problem;
    this.ys = axisTaps(problem, 0);
    this.xs = axisTaps(problem, 1);
    this.links = Array.from({ length: input.channels }, (_, c) => channelLinks(problem, c));
    this.inPlane = input.height * input.width;
    this.outPlane = output.height * output.width;
    this.rows = input.channels * this.inPlane;
    this.cols = output.channels * this.outPlane;
    // Each row is (its channel's outputs) x (taps of its y) x (taps of its x); summed, the axes factor out.
    const perChannel = this.ys.kernelIndex.length * this.xs.kernelIndex.length;
    this.nonZeros = this.links.reduce((sum, link) => sum + link.outputs * perChannel, 0);
  }

  /**
   * The stored entries of rows [from, to) as runs, row by row in ascending column order: a run is one output
   * channel and one y-tap of a row, and holds the columns `colBase + xs.outputIndex[b]` with weights
   * `weightBase + xs.kernelIndex[b]` for `b` in `xs.start[x] .. xs.start[x + 1]`.
   */
  visitRuns(from: number, to: number, sink: RunSink): void {
    const { ys, outPlane, inPlane, links } = this;
    const { width, height } = this.problem.input;
    const outWidth = this.problem.output.width;
    const kw = this.problem.weight.dims[3];
    let c = Math.floor(from / inPlane);
    let y = Math.floor((from - c * inPlane) / width);
    let x = from - c * inPlane - y * width;
    for (let row = from; row < to; row++) {
      const link = links[c];
      for (let n = 0; n < link.outputs; n++) {
        const colBase = (link.firstOutput + n) * outPlane;
        const weightBase = link.weightBase(n);
        for (let a = ys.start[y]; a < ys.start[y + 1]; a++)
          sink.run(row, colBase + ys.outputIndex[a] * outWidth, weightBase + ys.kernelIndex[a] * kw, x);
      }
      if (++x === width) {
        x = 0;
        if (++y === height) {
          y = 0;
          c++;
        }
      }
    }
  }

  /** The stored entries of rows [from, to), row by row, each row in ascending column order. */
  visitRows(from: number, to: number, visit: EntryVisitor): void {
    this.visitRuns(from, to, new EntriesOfRuns(this.xs, this.problem.weight.data, visit));
  }

  /** The flat weight index behind entry (row, col), or -1 where M holds no entry. */
  weightIndexAt(row: number, col: number): number {
    if (row < 0 || row >= this.rows || col < 0 || col >= this.cols) return -1;
    const { width } = this.problem.input;
    const outWidth = this.problem.output.width;
    const c = Math.floor(row / this.inPlane);
    const inCell = row - c * this.inPlane;
    const outChannel = Math.floor(col / this.outPlane);
    const outCell = col - outChannel * this.outPlane;
    const link = this.links[c];
    const n = outChannel - link.firstOutput;
    if (n < 0 || n >= link.outputs) return -1;
    const ky = tapBetween(this.ys, Math.floor(inCell / width), Math.floor(outCell / outWidth));
    const kx = tapBetween(this.xs, inCell % width, outCell % outWidth);
    return ky < 0 || kx < 0 ? -1 : link.weightBase(n) + ky * this.problem.weight.dims[3] + kx;
  }

  /** M[row, col]: zero where nothing is stored. */
  entryAt(row: number, col: number): number {
    const k = this.weightIndexAt(row, col);
    return k < 0 ? 0 : this.problem.weight.data[k];
  }

  /** Every (row, col) holding weight element `k` (weight sharing), in no particular order. */
  entriesOfWeight(k: number, visit: (row: number, col: number) => void): void {
    const [, , kh, kw] = this.problem.weight.dims;
    if (k < 0 || k >= this.problem.weight.data.length) return;
    const channels = channelsOfWeight(this.problem, k);
    const ys = pairsOfTap(this.ys, Math.floor(k / kw) % kh);
    const xs = pairsOfTap(this.xs, k % kw);
    const { width } = this.problem.input;
    const outWidth = this.problem.output.width;
    for (let a = 0; a < ys.length; a += 2) {
      const rowBase = channels.input * this.inPlane + ys[a] * width;
      const colBase = channels.output * this.outPlane + ys[a + 1] * outWidth;
      for (let b = 0; b < xs.length; b += 2) visit(rowBase + xs[b], colBase + xs[b + 1]);
    }
  }

  /** Smallest and largest stored value, 0 included: the weights whose taps land somewhere on both axes. */
  extent(): { min: number; max: number } {
    const [, , kh, kw] = this.problem.weight.dims;
    const usedY = new Set(this.ys.kernelIndex);
    const usedX = new Set(this.xs.kernelIndex);
    let min = 0;
    let max = 0;
    this.problem.weight.data.forEach((value, k) => {
      if (!usedY.has(Math.floor(k / kw) % kh) || !usedX.has(k % kw)) return;
      min = Math.min(min, value);
      max = Math.max(max, value);
    });
    return { min, max };
  }
}
