import { AxisGeometry, bigPosition, ConvGeometry, foldPosition, Grid, smallPosition } from '../geometry';
import { ConvProblem } from '../spec';

/**
 * One contact between a small-grid cell and a big-grid position, through one weight, like a tap of `forEachTap` but
 * kept when the big position falls outside the grid: in a conv's padding, or in the cells a transposed conv's padding
 * crops. Big positions are `(channel, z, y, x)` with z, y, x possibly out of range (z is 0 below rank 3, y too for
 * rank 1).
 */
export interface Contact {
  small: number;
  channel: number;
  z: number;
  y: number;
  x: number;
  weightIndex: number;
  /** Inside the big grid: then it is a tap, an entry of the kernel matrix. */
  inside: boolean;
  /**
   * The flat big-grid cell the contact reads (conv) or writes (transposed): the cell itself inside; in the padding
   * the input cell a reflect, replicate or circular copy copies (then it is a tap too, folded onto that cell's row
   * of M); -1 for a zero of zero padding or a cell the transposed conv crops.
   */
  source: number;
}

/** A position's flat index in `grid`, or -1 if any coordinate is -1. */
function flatIndex(grid: Grid, channel: number, z: number, y: number, x: number): number {
  if (z < 0 || y < 0 || x < 0) return -1;
  return ((channel * grid.depth + z) * grid.height + y) * grid.width + x;
}

const bigSize = (g: ConvGeometry, a: number): number => [g.big.depth, g.big.height, g.big.width][a];

/** The big-grid cell a position reads, folded by the padding mode: the cell, the cell copied, or -1. */
function sourceOf(g: ConvGeometry, channel: number, at: readonly number[]): number {
  const [z, y, x] = at.map((q, a) => foldPosition(g.paddingMode, bigSize(g, a), q));
  return flatIndex(g.big, channel, z, y, x);
}

const insideBig = (g: ConvGeometry, at: readonly number[]): boolean => at.every((q, a) => q >= 0 && q < bigSize(g, a));

/**
 * Every contact of small cell `small` (flat index), in kernel order: a conv's window for an output cell (padding
 * included), a transposed conv's stamp for an input cell (cropped cells included).
 */
export function contactsOfSmall(problem: ConvProblem, small: number): Contact[] {
  const g = problem.geometry;
  const [d0, d1, kd, kh, kw] = g.weightDims;
  const { depth, height, width } = g.small;
  const volume = depth * height * width;
  const c0 = Math.floor(small / volume);
  const s = [
    Math.floor((small % volume) / (height * width)),
    Math.floor((small % (height * width)) / width),
    small % width,
  ];
  const group = Math.floor(c0 / (d0 / g.groups));
  const contacts: Contact[] = [];
  for (let c1g = 0; c1g < d1; c1g++) {
    const channel = group * d1 + c1g;
    for (let kz = 0; kz < kd; kz++) {
      for (let ky = 0; ky < kh; ky++) {
        for (let kx = 0; kx < kw; kx++) {
          const at = [kz, ky, kx].map((t, a) => bigPosition(g.axes[a], s[a], t));
          contacts.push({
            small,
            channel,
            z: at[0],
            y: at[1],
            x: at[2],
            weightIndex: (((c0 * d1 + c1g) * kd + kz) * kh + ky) * kw + kx,
            inside: insideBig(g, at),
            source: sourceOf(g, channel, at),
          });
        }
      }
    }
  }
  return contacts;
}

/** The positions along an axis that hold big cell `q`: `q` itself and, with a padding mode, its padded copies. */
function copiesOf(g: ConvGeometry, axis: AxisGeometry, size: number, q: number): number[] {
  if (g.paddingMode === 'zeros' || q < 0 || q >= size) return [q];
  const copies = [q];
  for (let p = -axis.padBefore; p < size + axis.padAfter; p++)
    if ((p < 0 || p >= size) && foldPosition(g.paddingMode, size, p) === q) copies.push(p);
  return copies;
}

/**
 * Every contact reaching big position `(channel, z, y, x)`, which may lie in the padding: the output cells a conv's
 * input (or padding) cell feeds, the input cells a transposed conv's output (or cropped) cell gathers. An input cell
 * that a padding mode copies also feeds through each copy: those contacts are at the copy's position, with the cell
 * as their `source`.
 */
export function contactsOfBig(problem: ConvProblem, channel: number, y: number, x: number, z = 0): Contact[] {
  const g = problem.geometry;
  const [d0, d1, kd, kh, kw] = g.weightDims;
  const perGroup = d0 / g.groups;
  const group = Math.floor(channel / d1);
  const c1g = channel % d1;
  const [zs, ys, xs] = [z, y, x].map((q, a) => copiesOf(g, g.axes[a], bigSize(g, a), q));
  const { depth, height, width } = g.small;
  const contacts: Contact[] = [];
  for (let c0 = group * perGroup; c0 < (group + 1) * perGroup; c0++) {
    for (const qz of zs) {
      for (const qy of ys) {
        for (const qx of xs) {
          const at = [qz, qy, qx];
          for (let kz = 0; kz < kd; kz++) {
            const sz = smallPosition(g.axes[0], depth, qz, kz);
            if (sz < 0) continue;
            for (let ky = 0; ky < kh; ky++) {
              const sy = smallPosition(g.axes[1], height, qy, ky);
              if (sy < 0) continue;
              for (let kx = 0; kx < kw; kx++) {
                const sx = smallPosition(g.axes[2], width, qx, kx);
                if (sx < 0) continue;
                contacts.push({
                  small: flatIndex(g.small, c0, sz, sy, sx),
                  channel,
                  z: qz,
                  y: qy,
                  x: qx,
                  weightIndex: (((c0 * d1 + c1g) * kd + kz) * kh + ky) * kw + kx,
                  inside: insideBig(g, at),
                  source: sourceOf(g, channel, at),
                });
              }
            }
          }
        }
      }
    }
  }
  return contacts;
}

/** The flat index of a big-grid position known to be inside. */
export function bigIndex(problem: ConvProblem, c: Contact): number {
  return flatIndex(problem.geometry.big, c.channel, c.z, c.y, c.x);
}
