/** Kernels a user can pick for a lone matrix: classic image filters and the seed example. */
export interface KernelPreset {
  label: string;
  /** What it does; its values are shown beside it. */
  description: string;
  kernel: number[][];
}

export const KERNEL_PRESETS: readonly KernelPreset[] = [
  {
    label: 'Seed example',
    description: "the README's worked example",
    kernel: [
      [1, 2],
      [3, 4],
    ],
  },
  {
    label: 'Identity 3x3',
    description: 'returns the centre cell',
    kernel: [
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ],
  },
  {
    label: 'Box blur 3x3',
    description: 'mean of the 3x3 window',
    kernel: [
      [1 / 9, 1 / 9, 1 / 9],
      [1 / 9, 1 / 9, 1 / 9],
      [1 / 9, 1 / 9, 1 / 9],
    ],
  },
  {
    label: 'Gaussian 3x3',
    description: '[1 2 1]ᵀ[1 2 1] / 16',
    kernel: [
      [1 / 16, 2 / 16, 1 / 16],
      [2 / 16, 4 / 16, 2 / 16],
      [1 / 16, 2 / 16, 1 / 16],
    ],
  },
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
  {
    label: 'Laplacian',
    description: '4-neighbour second derivative',
    kernel: [
      [0, 1, 0],
      [1, -4, 1],
      [0, 1, 0],
    ],
  },
];
