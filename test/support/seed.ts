/**
 * The seed example: input [[1,2,3],[4,5,6],[7,8,9]] and kernel [[1,2],[3,4]], a conv2d with PyTorch's defaults. Its
 * output, reconstruction and kernel matrix are PyTorch's: the "seed-example" case of golden-conv2d.json (golden.test.ts
 * checks that they still are).
 */
export const SEED_SPEC = {
  input: [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ],
  kernel: [
    [1, 2],
    [3, 4],
  ],
};

export const SEED_OUTPUT = [
  [37, 47],
  [67, 77],
];

/** vec(out) @ Mᵀ, in the input's shape. */
export const SEED_RECONSTRUCTION = [
  [37, 121, 94],
  [178, 500, 342],
  [201, 499, 308],
];

/** M: a row per input cell, a column per output cell. */
export const SEED_KERNEL_MATRIX = [
  [1, 0, 0, 0],
  [2, 1, 0, 0],
  [0, 2, 0, 0],
  [3, 0, 1, 0],
  [4, 3, 2, 1],
  [0, 4, 0, 2],
  [0, 0, 3, 0],
  [0, 0, 4, 3],
  [0, 0, 0, 4],
];
