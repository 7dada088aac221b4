/**
 * Kernels a user can pick for a lone input, by the input's rank: the seed examples, smoothing and difference
 * filters for lists, the classic image filters for matrices, and their 3-D counterparts for volumes.
 */
import type { Rank } from './engine';

export interface KernelPreset {
  label: string;
  /** What it does; its values are shown beside it. */
  description: string;
  /** Nested numbers, one level per spatial axis: `[k]`, `[kh][kw]` or `[kd][kh][kw]`. */
  kernel: unknown;
}

/** `[1, 2, 1]` ⊗ `[1, 2, 1]` ⊗ ...: the separable kernels (Gaussian, box) built from their 1-D factor. */
function outer(factor: number[], rank: Rank): unknown {
  return rank === 1 ? factor : factor.map((f) => scale(outer(factor, (rank - 1) as Rank), f));
}

const scale = (kernel: unknown, by: number): unknown =>
  Array.isArray(kernel) ? kernel.map((k) => scale(k, by)) : (kernel as number) * by;

/** Zeros of size 3 on every axis, with `centre` in the middle and `neighbour` at each of the 2·rank face neighbours. */
function stencil(rank: Rank, centre: number, neighbour: number): unknown {
  const at = (index: number[]): number => {
    const off = index.filter((i) => i !== 1);
    if (off.length === 0) return centre;
    return off.length === 1 ? neighbour : 0;
  };
  const build = (prefix: number[]): unknown =>
    prefix.length === rank ? at(prefix) : [0, 1, 2].map((i) => build([...prefix, i]));
  return build([]);
}

export const KERNEL_PRESETS: Readonly<Record<Rank, readonly KernelPreset[]>> = {
  1: [
    { label: 'Seed example', description: 'conv1d of [1, 2, 3, 4] gives [5, 8, 11]', kernel: [1, 2] },
    { label: 'Difference', description: 'x[i] − x[i+1]', kernel: [1, -1] },
    { label: 'Central difference', description: '(x[i+2] − x[i]) / 2', kernel: [-1 / 2, 0, 1 / 2] },
    { label: 'Second difference', description: 'x[i] − 2·x[i+1] + x[i+2]', kernel: [1, -2, 1] },
    { label: 'Smoothing', description: '[1 2 1] / 4', kernel: [1 / 4, 1 / 2, 1 / 4] },
    { label: 'Moving average 3', description: 'mean of 3 neighbours', kernel: [1 / 3, 1 / 3, 1 / 3] },
  ],
  2: [
    {
      label: 'Seed example',
      description: "the README's worked example",
      kernel: [
        [1, 2],
        [3, 4],
      ],
    },
    { label: 'Identity 3x3', description: 'returns the centre cell', kernel: stencil(2, 1, 0) },
    { label: 'Box blur 3x3', description: 'mean of the 3x3 window', kernel: outer([1 / 3, 1 / 3, 1 / 3], 2) },
    { label: 'Gaussian 3x3', description: '[1 2 1]ᵀ[1 2 1] / 16', kernel: outer([1 / 4, 2 / 4, 1 / 4], 2) },
    {
      label: 'Sobel x',
      description: 'horizontal gradient',
      kernel: [
        [-1, 0, 1],
        [-2, 0, 2],
        [-1, 0, 1],
      ],
    },
    {
      label: 'Sobel y',
      description: 'vertical gradient',
      kernel: [
        [-1, -2, -1],
        [0, 0, 0],
        [1, 2, 1],
      ],
    },
    { label: 'Laplacian', description: '4-neighbour second derivative', kernel: stencil(2, -4, 1) },
  ],
  3: [
    {
      label: 'Seed example 2x2x2',
      description: 'the kernel 1 … 8',
      kernel: [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ],
    },
    { label: 'Identity 3x3x3', description: 'returns the centre cell', kernel: stencil(3, 1, 0) },
    { label: 'Box blur 3x3x3', description: 'mean of the 3x3x3 window', kernel: outer([1 / 3, 1 / 3, 1 / 3], 3) },
    {
      label: 'Gaussian 3x3x3',
      description: '[1 2 1] ⊗ [1 2 1] ⊗ [1 2 1] / 64',
      kernel: outer([1 / 4, 2 / 4, 1 / 4], 3),
    },
    { label: 'Depth difference', description: 'x[d] − x[d+1], slice by slice', kernel: [[[1]], [[-1]]] },
    { label: 'Laplacian 3x3x3', description: '6-neighbour second derivative', kernel: stencil(3, -6, 1) },
  ],
};

/**
 * The rank of kernel that fits a lone input of `inputRank` dimensions: a list takes a 1-D kernel, a matrix a 2-D
 * one, and a volume `[D][H][W]` or `[C][D][H][W]` a 3-D one (a 2-D kernel has one input channel, so it cannot
 * convolve a 3-D array read as channels).
 */
export const kernelRankFor = (inputRank: number): Rank => Math.min(Math.max(inputRank, 1), 3) as Rank;

/** An example of a typed kernel of each rank, for the box that asks for one. */
export const KERNEL_EXAMPLES: Readonly<Record<Rank, string>> = {
  1: '[1, -1]',
  2: '[[1, 0], [0, -1]]',
  3: '[[[1, 0], [0, 1]], [[0, -1], [-1, 0]]]',
};
