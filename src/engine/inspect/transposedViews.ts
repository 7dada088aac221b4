import { bigPosition, cellsOf, Grid } from '../geometry';
import { kernelMatrix } from '../kernelMatrix';
import { Op } from '../ops';
import { CsrMatrix, vecTimes, vecTimesTranspose } from '../sparse';
import { ConvProblem } from '../spec';
import { Tensor, tensorOf, Weight } from '../tensor';
import {
  stretchedCell,
  TransposedAxes,
  transposedAxes,
  TransposedGeometry,
  transposedGeometry,
} from './transposedGeometry';

/**
 * The transposed convolution three ways, each computed on its own so that their agreement means something:
 * (a) with the kernel matrix, (b) by scatter loops, (c) as a direct convolution of the zero-inserted, padded
 * grid with the flipped kernel. For a conv the transposed map is the reconstruction `vec(out) @ M^T` (the output
 * scattered back through the same weight); for a transposed conv it is the op itself, `vec(in) @ M`. Every rank:
 * tensors are `[C][D][H][W]` (depth 1 below rank 3, height 1 for rank 1).
 */
export interface TransposedViews {
  /** Which map the three views compute. */
  map: 'reconstruction' | Extract<Op, `conv_transpose${string}`>;
  /** The height and width axes, as the page draws each depth's plane. */
  geometry: TransposedGeometry;
  /** Depth, height and width. */
  axes: TransposedAxes;
  /** The small-grid tensor being scattered: the conv's output or the transposed conv's input. */
  source: Tensor;
  /** (a) the kernel matrix product. */
  matrix: Tensor;
  /** (b) the scatter: the whole canvas every stamp lands on, and the big grid cropped out of it. */
  scatter: { canvas: Tensor; result: Tensor };
  /** (c) the stretched grid, the flipped kernel slid over it (stride 1, same dilation), and the result. */
  direct: { stretched: Tensor; flippedKernel: Weight; result: Tensor };
  /** The largest |difference| between any two of the three results. */
  maxAbsDifference: number;
}

/**
 * Why the scatter and the direct convolution do not exist for this problem, in words the page can show; undefined
 * where they do. A padding mode's padded cells are copies of input cells, so M^T adds what lands on a copy onto the
 * cell it copies: no transposed convolution (zero-inserted grid, flipped kernel, cropped canvas) does that.
 */
export function transposedViewsUnavailable(problem: ConvProblem): string | undefined {
  const { paddingMode } = problem.geometry;
  if (paddingMode === 'zeros') return undefined;
  return (
    `padding_mode "${paddingMode}" pads with copies of input cells, so M^T folds what lands on each copy back onto ` +
    'the cell it copies: no transposed convolution computes that, and only the kernel matrix shows it.'
  );
}

const bigShape = (problem: ConvProblem): Grid => problem.geometry.big;

/** Only a transposed conv adds a bias; the reconstruction maps the biased output back through M^T alone. */
const biasOf = (problem: ConvProblem): Float64Array | null => (problem.geometry.transposed ? problem.bias : null);

function addBias(t: Tensor, bias: Float64Array | null): Tensor {
  if (!bias) return t;
  const volume = t.data.length / t.channels;
  for (let c = 0; c < t.channels; c++) for (let p = 0; p < volume; p++) t.data[c * volume + p] += bias[c];
  return t;
}

const at = (t: Grid, c: number, z: number, y: number, x: number): number =>
  ((c * t.depth + z) * t.height + y) * t.width + x;

/** (a) conv: `vec(out) @ M^T`; transposed conv: `vec(in) @ M` (+ bias), both with the sparse M (built if not given). */
export function viaKernelMatrix(problem: ConvProblem, source: Tensor, m: CsrMatrix = kernelMatrix(problem)): Tensor {
  const data = problem.geometry.transposed ? vecTimes(source.data, m) : vecTimesTranspose(source.data, m);
  return addBias(tensorOf(bigShape(problem), data), biasOf(problem));
}

/** (b) Each small cell stamps its kernels, scaled by its value, onto the canvas; the big grid is cut out of it. */
export function viaScatter(
  problem: ConvProblem,
  source: Tensor,
  axes: TransposedAxes = transposedAxes(problem),
): { canvas: Tensor; result: Tensor } {
  const [gz, gy, gx] = axes;
  const [d0, d1, kd, kh, kw] = problem.weight.dims;
  const perGroup = d0 / problem.geometry.groups;
  const big = bigShape(problem);
  const canvas = tensorOf({
    channels: big.channels,
    depth: gz.scatter.canvas,
    height: gy.scatter.canvas,
    width: gx.scatter.canvas,
  });
  // The canvas starts at the first padding cell: a big-grid position p is canvas cell p + cropBefore.
  const onCanvas = (axis: (typeof axes)[number], s: number, k: number) =>
    bigPosition(axis, s, k) + axis.scatter.cropBefore;
  const w = problem.weight.data;
  for (let c0 = 0; c0 < d0; c0++) {
    const group = Math.floor(c0 / perGroup);
    for (let sz = 0; sz < source.depth; sz++) {
      for (let sy = 0; sy < source.height; sy++) {
        for (let sx = 0; sx < source.width; sx++) {
          const value = source.data[at(source, c0, sz, sy, sx)];
          for (let c1g = 0; c1g < d1; c1g++) {
            for (let kz = 0; kz < kd; kz++) {
              for (let ky = 0; ky < kh; ky++) {
                for (let kx = 0; kx < kw; kx++) {
                  canvas.data[
                    at(canvas, group * d1 + c1g, onCanvas(gz, sz, kz), onCanvas(gy, sy, ky), onCanvas(gx, sx, kx))
                  ] += value * w[(((c0 * d1 + c1g) * kd + kz) * kh + ky) * kw + kx];
                }
              }
            }
          }
        }
      }
    }
  }
  const result = tensorOf(big);
  for (let c = 0; c < big.channels; c++) {
    for (let z = 0; z < big.depth; z++) {
      for (let y = 0; y < big.height; y++) {
        const from = at(canvas, c, z + gz.scatter.cropBefore, y + gy.scatter.cropBefore, gx.scatter.cropBefore);
        result.data.set(canvas.data.subarray(from, from + big.width), at(big, c, z, y, 0));
      }
    }
  }
  return { canvas, result: addBias(result, biasOf(problem)) };
}

/** The weight with every kernel turned around along each of its axes (reversing a kernel's row-major cells). */
export function flipKernels(weight: Weight): Weight {
  const [d0, d1, kd, kh, kw] = weight.dims;
  const size = kd * kh * kw;
  const data = new Float64Array(weight.data.length);
  for (let p = 0; p < d0 * d1; p++)
    for (let i = 0; i < size; i++) data[p * size + i] = weight.data[p * size + size - 1 - i];
  return { dims: weight.dims, data };
}

/** The small grid with zeros inserted between its cells and padded (or cropped) as the axes say. */
export function stretchSource(source: Tensor, axes: TransposedAxes): Tensor {
  const [gz, gy, gx] = axes;
  const out = tensorOf({
    channels: source.channels,
    depth: gz.stretched.size,
    height: gy.stretched.size,
    width: gx.stretched.size,
  });
  for (let l = 0; l < out.depth; l++) {
    const plane = stretchedCell(gz, l);
    if (plane.kind !== 'source') continue;
    for (let i = 0; i < out.height; i++) {
      const row = stretchedCell(gy, i);
      if (row.kind !== 'source') continue;
      for (let j = 0; j < out.width; j++) {
        const col = stretchedCell(gx, j);
        if (col.kind !== 'source') continue;
        for (let c = 0; c < source.channels; c++)
          out.data[at(out, c, l, i, j)] = source.data[at(source, c, plane.index, row.index, col.index)];
      }
    }
  }
  return out;
}

/** (c) A plain stride-1, unpadded convolution of the stretched grid with the flipped kernel, dilation kept. */
export function viaDirectConvolution(
  problem: ConvProblem,
  source: Tensor,
  axes: TransposedAxes = transposedAxes(problem),
): TransposedViews['direct'] {
  const stretched = stretchSource(source, axes);
  const flippedKernel = flipKernels(problem.weight);
  const [d0, d1, kd, kh, kw] = problem.weight.dims;
  const perGroup = d0 / problem.geometry.groups;
  const big = bigShape(problem);
  const result = tensorOf(big);
  const [dz, dy, dx] = axes.map((a) => ({ stride: 1, padBefore: 0, dilation: a.dilation }));
  const w = flippedKernel.data;
  for (let c1 = 0; c1 < big.channels; c1++) {
    const group = Math.floor(c1 / d1);
    const c1g = c1 % d1;
    for (let oz = 0; oz < big.depth; oz++) {
      for (let oy = 0; oy < big.height; oy++) {
        for (let ox = 0; ox < big.width; ox++) {
          let sum = 0;
          for (let c0 = group * perGroup; c0 < (group + 1) * perGroup; c0++) {
            for (let kz = 0; kz < kd; kz++) {
              for (let ky = 0; ky < kh; ky++) {
                for (let kx = 0; kx < kw; kx++) {
                  const cell = at(
                    stretched,
                    c0,
                    bigPosition(dz, oz, kz),
                    bigPosition(dy, oy, ky),
                    bigPosition(dx, ox, kx),
                  );
                  sum += stretched.data[cell] * w[(((c0 * d1 + c1g) * kd + kz) * kh + ky) * kw + kx];
                }
              }
            }
          }
          result.data[at(big, c1, oz, oy, ox)] = sum;
        }
      }
    }
  }
  return { stretched, flippedKernel, result: addBias(result, biasOf(problem)) };
}

export function maxAbsDifference(...tensors: Tensor[]): number {
  let max = 0;
  for (let a = 0; a < tensors.length; a++) {
    for (let b = a + 1; b < tensors.length; b++) {
      const x = tensors[a].data;
      const y = tensors[b].data;
      if (x.length !== y.length) return Number.POSITIVE_INFINITY;
      for (let i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i] - y[i]));
    }
  }
  return max;
}

/**
 * What the three views cost, in closed form from the geometry: the cells of the canvas and of the stretched grid
 * they allocate, plus the multiply-adds of the direct convolution over the stretched grid (the scatter's and the
 * matrix product's are the problem's own). Neither grid is bounded by the problem's multiply-adds: a long stride
 * with a single output spreads a few products over a large canvas.
 */
export function transposedViewsCost(problem: ConvProblem): number {
  const axes = transposedAxes(problem);
  const [d0, , kd, kh, kw] = problem.weight.dims;
  const big = bigShape(problem);
  const cells = (pick: (a: TransposedAxes[number]) => number) => axes.reduce((n, a) => n * pick(a), 1);
  const canvas = big.channels * cells((a) => a.scatter.canvas);
  const stretched = problem.geometry.small.channels * cells((a) => a.stretched.size);
  const direct = cellsOf(big) * (d0 / problem.geometry.groups) * kd * kh * kw;
  return canvas + stretched + direct;
}

/**
 * All three views of the transposed map applied to `source`: a conv's output (as computed, bias included) for the
 * reconstruction, or a transposed conv's input for the op. Pass the kernel matrix if it exists already. Only for
 * problems `transposedViewsUnavailable` accepts: with a padding mode there is no scatter or direct convolution.
 */
export function transposedViews(problem: ConvProblem, source: Tensor, m?: CsrMatrix): TransposedViews {
  const steps = transposedViewsInSteps(problem, source, m);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `transposedViews` one view at a time: it yields after each, where a page can give the browser a frame (each view
 * is a full pass over the map).
 */
export function* transposedViewsInSteps(
  problem: ConvProblem,
  source: Tensor,
  m?: CsrMatrix,
): Generator<void, TransposedViews, void> {
  const unavailable = transposedViewsUnavailable(problem);
  if (unavailable) throw new Error(unavailable);
  const axes = transposedAxes(problem);
  const matrix = viaKernelMatrix(problem, source, m);
  yield;
  const scatter = viaScatter(problem, source, axes);
  yield;
  const direct = viaDirectConvolution(problem, source, axes);
  yield;
  const g = problem.geometry;
  return {
    map: g.transposed ? (g.op as TransposedViews['map']) : 'reconstruction',
    geometry: transposedGeometry(problem),
    axes,
    source,
    matrix,
    scatter,
    direct,
    maxAbsDifference: maxAbsDifference(matrix, scatter.result, direct.result),
  };
}
