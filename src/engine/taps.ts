import { ConvProblem } from './spec';

/**
 * Called once per non-zero of the kernel matrix: input cell `row` meets output cell `col` through weight
 * element `weightIndex` (flat indices, row-major `[C][H][W]` and `[d0][d1][kh][kw]`).
 */
export type TapVisitor = (row: number, col: number, weightIndex: number) => void;

/**
 * Enumerates every (input cell, output cell, weight) contact of the convolution: the single source of truth
 * for the forward pass, its adjoint and the kernel matrix.
 *
 * Both ops pair a "small" grid with a "big" one through `big = small*stride - padBefore + k*dilation`:
 * conv2d reads the input (big) at each output position (small); conv_transpose2d scatters each input
 * position (small) into the output (big).
 */
export function forEachTap(problem: ConvProblem, visit: TapVisitor): void {
  const { params, input, weight, output } = problem;
  const transposed = params.op === 'conv_transpose2d';
  const small = transposed ? input : output;
  const big = transposed ? output : input;
  const [d0, d1, kh, kw] = weight.dims;
  const [sh, sw] = params.stride;
  const [ph, pw] = params.padBefore;
  const [dh, dw] = params.dilation;
  // Weight dim 0 is the output channel for conv2d and the input channel for conv_transpose2d; dim 1 is the other, per
  // group.
  const dim0PerGroup = d0 / params.groups;
  const bigPlane = big.height * big.width;
  const smallPlane = small.height * small.width;

  for (let c0 = 0; c0 < d0; c0++) {
    const group = Math.floor(c0 / dim0PerGroup);
    for (let c1g = 0; c1g < d1; c1g++) {
      // c0 is always the small grid's channel and c1 the big grid's: output/input for conv2d, input/output transposed.
      const c1 = group * d1 + c1g;
      for (let ky = 0; ky < kh; ky++) {
        for (let kx = 0; kx < kw; kx++) {
          const weightIndex = ((c0 * d1 + c1g) * kh + ky) * kw + kx;
          for (let sy = 0; sy < small.height; sy++) {
            const by = sy * sh - ph + ky * dh;
            if (by < 0 || by >= big.height) continue;
            for (let sx = 0; sx < small.width; sx++) {
              const bx = sx * sw - pw + kx * dw;
              if (bx < 0 || bx >= big.width) continue;
              const smallIndex = c0 * smallPlane + sy * small.width + sx;
              const bigIndex = c1 * bigPlane + by * big.width + bx;
              if (transposed) visit(smallIndex, bigIndex, weightIndex);
              else visit(bigIndex, smallIndex, weightIndex);
            }
          }
        }
      }
    }
  }
}
