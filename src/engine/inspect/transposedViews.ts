import { kernelMatrix } from '../kernelMatrix';
import { CsrMatrix, vecTimes, vecTimesTranspose } from '../sparse';
import { Grid } from '../geometry';
import { ConvProblem } from '../spec';
import { Tensor, tensorOf, Weight } from '../tensor';
import { stretchedCell, TransposedGeometry, transposedGeometry } from './transposedGeometry';

/**
 * The transposed convolution three ways, each computed on its own so that their agreement means something:
 * (a) with the kernel matrix, (b) by scatter loops, (c) as a direct convolution of the zero-inserted, padded
 * grid with the flipped kernel. For conv2d the transposed map is the reconstruction `vec(out) @ M^T` (the
 * output scattered back through the same weight); for conv_transpose2d it is the op itself, `vec(in) @ M`.
 */
export interface TransposedViews {
  /** Which map the three views compute. */
  map: 'reconstruction' | 'conv_transpose2d';
  geometry: TransposedGeometry;
  /** The small-grid tensor being scattered: conv2d's output or conv_transpose2d's input. */
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

const bigShape = (problem: ConvProblem): Grid => problem.geometry.big;

/** Only conv_transpose2d adds a bias; the reconstruction maps the biased output back through M^T alone. */
const biasOf = (problem: ConvProblem): Float64Array | null => (problem.geometry.transposed ? problem.bias : null);

function addBias(t: Tensor, bias: Float64Array | null): Tensor {
  if (!bias) return t;
  const plane = t.height * t.width;
  for (let c = 0; c < t.channels; c++) for (let p = 0; p < plane; p++) t.data[c * plane + p] += bias[c];
  return t;
}

/** (a) conv2d: `vec(out) @ M^T`; conv_transpose2d: `vec(in) @ M` (+ bias), both with the sparse M (built if not
 * given). */
export function viaKernelMatrix(problem: ConvProblem, source: Tensor, m: CsrMatrix = kernelMatrix(problem)): Tensor {
  const data = problem.geometry.transposed ? vecTimes(source.data, m) : vecTimesTranspose(source.data, m);
  return addBias(tensorOf(bigShape(problem), data), biasOf(problem));
}

/** (b) Each small cell stamps its kernels, scaled by its value, onto the canvas; the big grid is cut out of it. */
export function viaScatter(
  problem: ConvProblem,
  source: Tensor,
  geometry = transposedGeometry(problem),
): { canvas: Tensor; result: Tensor } {
  const [gh, gw] = geometry;
  const [d0, d1, , kh, kw] = problem.weight.dims;
  const perGroup = d0 / problem.geometry.groups;
  const big = bigShape(problem);
  const canvas = tensorOf({ channels: big.channels, depth: 1, height: gh.scatter.canvas, width: gw.scatter.canvas });
  const w = problem.weight.data;
  for (let c0 = 0; c0 < d0; c0++) {
    const group = Math.floor(c0 / perGroup);
    for (let sy = 0; sy < source.height; sy++) {
      for (let sx = 0; sx < source.width; sx++) {
        const value = source.data[(c0 * source.height + sy) * source.width + sx];
        for (let c1g = 0; c1g < d1; c1g++) {
          const c1 = group * d1 + c1g;
          for (let ky = 0; ky < kh; ky++) {
            const fy = sy * gh.stride + ky * gh.dilation;
            for (let kx = 0; kx < kw; kx++) {
              const fx = sx * gw.stride + kx * gw.dilation;
              canvas.data[(c1 * canvas.height + fy) * canvas.width + fx] +=
                value * w[((c0 * d1 + c1g) * kh + ky) * kw + kx];
            }
          }
        }
      }
    }
  }
  const result = tensorOf(big);
  for (let c = 0; c < big.channels; c++) {
    for (let y = 0; y < big.height; y++) {
      const from = (c * canvas.height + y + gh.scatter.cropBefore) * canvas.width + gw.scatter.cropBefore;
      result.data.set(canvas.data.subarray(from, from + big.width), (c * big.height + y) * big.width);
    }
  }
  return { canvas, result: addBias(result, biasOf(problem)) };
}

/** The weight with every kernel turned by 180 degrees. */
export function flipKernels(weight: Weight): Weight {
  const [d0, d1, , kh, kw] = weight.dims;
  const size = kh * kw;
  const data = new Float64Array(weight.data.length);
  for (let p = 0; p < d0 * d1; p++)
    for (let i = 0; i < size; i++) data[p * size + i] = weight.data[p * size + size - 1 - i];
  return { dims: weight.dims, data };
}

/** The small grid with zeros inserted between its cells and padded (or cropped) as the geometry says. */
export function stretchSource(source: Tensor, geometry: TransposedGeometry): Tensor {
  const [gh, gw] = geometry;
  const out = tensorOf({ channels: source.channels, depth: 1, height: gh.stretched.size, width: gw.stretched.size });
  for (let i = 0; i < out.height; i++) {
    const row = stretchedCell(gh, i);
    if (row.kind !== 'source') continue;
    for (let j = 0; j < out.width; j++) {
      const col = stretchedCell(gw, j);
      if (col.kind !== 'source') continue;
      for (let c = 0; c < source.channels; c++) {
        out.data[(c * out.height + i) * out.width + j] =
          source.data[(c * source.height + row.index) * source.width + col.index];
      }
    }
  }
  return out;
}

/** (c) A plain stride-1 convolution of the stretched grid with the flipped kernel, dilation kept. */
export function viaDirectConvolution(
  problem: ConvProblem,
  source: Tensor,
  geometry = transposedGeometry(problem),
): TransposedViews['direct'] {
  const [gh, gw] = geometry;
  const stretched = stretchSource(source, geometry);
  const flippedKernel = flipKernels(problem.weight);
  const [d0, d1, , kh, kw] = problem.weight.dims;
  const perGroup = d0 / problem.geometry.groups;
  const big = bigShape(problem);
  const result = tensorOf(big);
  const w = flippedKernel.data;
  for (let c1 = 0; c1 < big.channels; c1++) {
    const group = Math.floor(c1 / d1);
    const c1g = c1 % d1;
    for (let oy = 0; oy < big.height; oy++) {
      for (let ox = 0; ox < big.width; ox++) {
        let sum = 0;
        for (let c0 = group * perGroup; c0 < (group + 1) * perGroup; c0++) {
          for (let ky = 0; ky < kh; ky++) {
            const row = (c0 * stretched.height + oy + ky * gh.dilation) * stretched.width + ox;
            for (let kx = 0; kx < kw; kx++)
              sum += stretched.data[row + kx * gw.dilation] * w[((c0 * d1 + c1g) * kh + ky) * kw + kx];
          }
        }
        result.data[(c1 * big.height + oy) * big.width + ox] = sum;
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
  const [gh, gw] = transposedGeometry(problem);
  const [d0, , , kh, kw] = problem.weight.dims;
  const big = bigShape(problem);
  const smallChannels = problem.geometry.small.channels;
  const canvas = big.channels * gh.scatter.canvas * gw.scatter.canvas;
  const stretched = smallChannels * gh.stretched.size * gw.stretched.size;
  const direct = big.channels * big.height * big.width * (d0 / problem.geometry.groups) * kh * kw;
  return canvas + stretched + direct;
}

/**
 * All three views of the transposed map applied to `source`: conv2d's output (as computed, bias included)
 * for the reconstruction, or conv_transpose2d's input for the op. Pass the kernel matrix if it exists already.
 */
export function transposedViews(problem: ConvProblem, source: Tensor, m?: CsrMatrix): TransposedViews {
  const geometry = transposedGeometry(problem);
  const matrix = viaKernelMatrix(problem, source, m);
  const scatter = viaScatter(problem, source, geometry);
  const direct = viaDirectConvolution(problem, source, geometry);
  return {
    map: problem.geometry.transposed ? 'conv_transpose2d' : 'reconstruction',
    geometry,
    source,
    matrix,
    scatter,
    direct,
    maxAbsDifference: maxAbsDifference(matrix, scatter.result, direct.result),
  };
}
