import { bigPositions } from './axisTaps';
import { ConvProblem } from './spec';

/**
 * Called once per contact of the kernel matrix: input cell `row` meets output cell `col` through weight element
 * `weightIndex` (flat indices, row-major `[C][D][H][W]` and `[d0][d1][kd][kh][kw]`). With a padding mode that copies
 * cells, one (row, col) can meet through several weights: M's entry is their sum.
 */
export type TapVisitor = (row: number, col: number, weightIndex: number) => void;

/**
 * Enumerates every (input cell, output cell, weight) contact of the convolution: the single source of truth
 * for the forward pass, its adjoint and the kernel matrix's reference.
 *
 * Both ops pair a "small" grid with a "big" one (see `ConvGeometry`): a conv reads the input (big) at each output
 * position (small); a transposed conv scatters each input position (small) into the output (big).
 */
export function forEachTap(problem: ConvProblem, visit: TapVisitor): void {
  const g = problem.geometry;
  const { small, big, transposed } = g;
  const [d0, d1, kd, kh, kw] = g.weightDims;
  const [zs, ys, xs] = g.axes.map((axis) => bigPositions(g, axis));
  // Weight dim 0 is the small grid's channel (output for a conv, input transposed); dim 1 the big one's, per group.
  const dim0PerGroup = d0 / g.groups;
  const bigPlane = big.height * big.width;
  const smallPlane = small.height * small.width;
  const bigVolume = big.depth * bigPlane;
  const smallVolume = small.depth * smallPlane;

  for (let c0 = 0; c0 < d0; c0++) {
    const group = Math.floor(c0 / dim0PerGroup);
    for (let c1g = 0; c1g < d1; c1g++) {
      const c1 = group * d1 + c1g;
      for (let kz = 0; kz < kd; kz++) {
        for (let ky = 0; ky < kh; ky++) {
          for (let kx = 0; kx < kw; kx++) {
            const weightIndex = (((c0 * d1 + c1g) * kd + kz) * kh + ky) * kw + kx;
            for (let sz = 0; sz < small.depth; sz++) {
              const bz = zs[sz * kd + kz];
              if (bz < 0) continue;
              for (let sy = 0; sy < small.height; sy++) {
                const by = ys[sy * kh + ky];
                if (by < 0) continue;
                for (let sx = 0; sx < small.width; sx++) {
                  const bx = xs[sx * kw + kx];
                  if (bx < 0) continue;
                  const smallIndex = c0 * smallVolume + (sz * small.height + sy) * small.width + sx;
                  const bigIndex = c1 * bigVolume + (bz * big.height + by) * big.width + bx;
                  if (transposed) visit(smallIndex, bigIndex, weightIndex);
                  else visit(bigIndex, smallIndex, weightIndex);
                }
              }
            }
          }
        }
      }
    }
  }
}
