/**
 * Independent textbook definitions of PyTorch's convolutions over any number of spatial axes, to check golden data
 * against: convNd as a sliding dot product over the input padded in a padding mode (a padded cell reads the input
 * cell it copies), conv_transposeNd as every input cell scattering the kernel, scaled by the cell, into the output.
 * Deliberately naive, on flat row-major arrays, sharing no code with the engine.
 */
import type { PaddingMode } from './golden';

export interface NdTensor {
  shape: number[];
  data: number[];
}

export interface NdParams {
  stride: number[];
  padding: number[] | 'same' | 'valid';
  dilation: number[];
  outputPadding: number[];
  groups: number;
  paddingMode: PaddingMode;
}

export const product = (dims: number[]): number => dims.reduce((a, b) => a * b, 1);

/** Every position of a grid of extents `dims`, in row-major order. */
function positions(dims: number[]): number[][] {
  const all: number[][] = [];
  for (let index = 0; index < product(dims); index++) {
    const at = new Array<number>(dims.length);
    let rest = index;
    for (let a = dims.length - 1; a >= 0; a--) {
      at[a] = rest % dims[a];
      rest = Math.floor(rest / dims[a]);
    }
    all.push(at);
  }
  return all;
}

function offset(at: number[], dims: number[]): number {
  return at.reduce((o, i, a) => o * dims[a] + i, 0);
}

/** Cells of padding [before, after] per axis; "same" puts the odd cell of an odd total after. */
export function padsPerAxis(p: NdParams, kernel: number[]): [number, number][] {
  return kernel.map((k, a): [number, number] => {
    if (p.padding === 'valid') return [0, 0];
    if (p.padding === 'same') {
      const total = p.dilation[a] * (k - 1);
      return [Math.floor(total / 2), total - Math.floor(total / 2)];
    }
    return [p.padding[a], p.padding[a]];
  });
}

/** PyTorch's output extent per axis (the formulas of the torch.nn.ConvNd and ConvTransposeNd docs). */
export function outputSpatial(transposed: boolean, input: number[], kernel: number[], p: NdParams): number[] {
  const pads = padsPerAxis(p, kernel);
  return input.map((size, a) => {
    const reach = p.dilation[a] * (kernel[a] - 1);
    return transposed
      ? (size - 1) * p.stride[a] - 2 * pads[a][0] + reach + p.outputPadding[a] + 1
      : Math.floor((size + pads[a][0] + pads[a][1] - reach - 1) / p.stride[a]) + 1;
  });
}

/** The input cell that padded position `i` holds along an axis of `size` cells, or -1 for a zero. */
function source(i: number, size: number, mode: PaddingMode): number {
  if (i >= 0 && i < size) return i;
  switch (mode) {
    case 'zeros':
      return -1;
    case 'reflect': // mirrored about the edge cell, which is not repeated
      return i < 0 ? -i : 2 * (size - 1) - i;
    case 'replicate':
      return i < 0 ? 0 : size - 1;
    case 'circular':
      return ((i % size) + size) % size;
  }
}

/** input [Cin][spatial...], weight [Cout][Cin/groups][k...]. */
export function referenceConvNd(input: NdTensor, weight: NdTensor, bias: number[] | null, p: NdParams): NdTensor {
  const spatial = input.shape.slice(1);
  const [cout, cinG, ...kernel] = weight.shape;
  const pads = padsPerAxis(p, kernel);
  const outDims = outputSpatial(false, spatial, kernel, p);
  const taps = positions(kernel);
  const coutG = cout / p.groups;
  const data: number[] = [];
  for (let o = 0; o < cout; o++) {
    const g = Math.floor(o / coutG);
    for (const q of positions(outDims)) {
      let sum = bias ? bias[o] : 0;
      for (let c = 0; c < cinG; c++) {
        for (const t of taps) {
          const cell = q.map((qa, a) =>
            source(qa * p.stride[a] - pads[a][0] + t[a] * p.dilation[a], spatial[a], p.paddingMode),
          );
          if (cell.includes(-1)) continue;
          sum +=
            weight.data[(o * cinG + c) * taps.length + offset(t, kernel)] *
            input.data[(g * cinG + c) * product(spatial) + offset(cell, spatial)];
        }
      }
      data.push(sum);
    }
  }
  return { shape: [cout, ...outDims], data };
}

/** input [Cin][spatial...], weight [Cin][Cout/groups][k...]; zero padding crops the output. */
export function referenceConvTransposeNd(
  input: NdTensor,
  weight: NdTensor,
  bias: number[] | null,
  p: NdParams,
): NdTensor {
  const [cin, ...spatial] = input.shape;
  const [, coutG, ...kernel] = weight.shape;
  const pads = padsPerAxis(p, kernel);
  const outDims = outputSpatial(true, spatial, kernel, p);
  const outSize = product(outDims);
  const taps = positions(kernel);
  const cinG = cin / p.groups;
  const data = Array.from({ length: coutG * p.groups * outSize }, (_, i) => (bias ? bias[Math.floor(i / outSize)] : 0));
  for (let c = 0; c < cin; c++) {
    const g = Math.floor(c / cinG);
    for (const x of positions(spatial)) {
      const value = input.data[c * product(spatial) + offset(x, spatial)];
      for (let og = 0; og < coutG; og++) {
        for (const t of taps) {
          const q = x.map((xa, a) => xa * p.stride[a] - pads[a][0] + t[a] * p.dilation[a]);
          if (q.some((qa, a) => qa < 0 || qa >= outDims[a])) continue;
          data[(g * coutG + og) * outSize + offset(q, outDims)] +=
            value * weight.data[(c * coutG + og) * taps.length + offset(t, kernel)];
        }
      }
    }
  }
  return { shape: [coutG * p.groups, ...outDims], data };
}
