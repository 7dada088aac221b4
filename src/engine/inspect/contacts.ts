import { ConvProblem } from '../spec';

/**
 * One contact between a small-grid cell and a big-grid position, through one weight, like a tap of
 * `forEachTap` but kept when the big position falls outside the grid: in conv2d's padding, or in the rows
 * conv_transpose2d's padding crops. Big positions are `(channel, y, x)` with y, x possibly out of range.
 */
export interface Contact {
  small: number;
  channel: number;
  y: number;
  x: number;
  weightIndex: number;
  /** Inside the big grid: then it is a tap, an entry of the kernel matrix. */
  inside: boolean;
}

interface Frame {
  small: { channels: number; height: number; width: number };
  big: { channels: number; height: number; width: number };
  d1: number;
  kh: number;
  kw: number;
  perGroup: number;
}

function frameOf(problem: ConvProblem): Frame {
  const { small, big, weightDims, groups } = problem.geometry;
  const [d0, d1, , kh, kw] = weightDims;
  return { small, big, d1, kh, kw, perGroup: d0 / groups };
}

/** The plane's axes (height, width) as `[y, x]` lists of stride, padding before and dilation. */
function planeParams(problem: ConvProblem) {
  const [, y, x] = problem.geometry.axes;
  return {
    stride: [y.stride, x.stride],
    padBefore: [y.padBefore, x.padBefore],
    dilation: [y.dilation, x.dilation],
  };
}

/**
 * Every contact of small cell `small` (flat index), in kernel order: conv2d's window for an output cell
 * (padding included), conv_transpose2d's stamp for an input cell (cropped cells included).
 */
export function contactsOfSmall(problem: ConvProblem, small: number): Contact[] {
  const f = frameOf(problem);
  const { stride, padBefore, dilation } = planeParams(problem);
  const plane = f.small.height * f.small.width;
  const c0 = Math.floor(small / plane);
  const sy = Math.floor((small % plane) / f.small.width);
  const sx = small % f.small.width;
  const group = Math.floor(c0 / f.perGroup);
  const contacts: Contact[] = [];
  for (let c1g = 0; c1g < f.d1; c1g++) {
    for (let ky = 0; ky < f.kh; ky++) {
      const y = sy * stride[0] - padBefore[0] + ky * dilation[0];
      for (let kx = 0; kx < f.kw; kx++) {
        const x = sx * stride[1] - padBefore[1] + kx * dilation[1];
        const inside = y >= 0 && y < f.big.height && x >= 0 && x < f.big.width;
        contacts.push({
          small,
          channel: group * f.d1 + c1g,
          y,
          x,
          weightIndex: ((c0 * f.d1 + c1g) * f.kh + ky) * f.kw + kx,
          inside,
        });
      }
    }
  }
  return contacts;
}

/**
 * Every contact reaching big position `(channel, y, x)`, which may lie in the padding: the output cells a
 * conv2d input (or padding) cell feeds, the input cells a conv_transpose2d output (or cropped) cell gathers.
 */
export function contactsOfBig(problem: ConvProblem, channel: number, y: number, x: number): Contact[] {
  const f = frameOf(problem);
  const { stride, padBefore, dilation } = planeParams(problem);
  const group = Math.floor(channel / f.d1);
  const c1g = channel % f.d1;
  const inside = y >= 0 && y < f.big.height && x >= 0 && x < f.big.width;
  const contacts: Contact[] = [];
  for (let c0 = group * f.perGroup; c0 < (group + 1) * f.perGroup; c0++) {
    for (let ky = 0; ky < f.kh; ky++) {
      // y = sy*stride - padBefore + ky*dilation, solved for a whole sy in range.
      const ty = y + padBefore[0] - ky * dilation[0];
      if (ty < 0 || ty % stride[0] !== 0 || ty / stride[0] >= f.small.height) continue;
      for (let kx = 0; kx < f.kw; kx++) {
        const tx = x + padBefore[1] - kx * dilation[1];
        if (tx < 0 || tx % stride[1] !== 0 || tx / stride[1] >= f.small.width) continue;
        const small = (c0 * f.small.height + ty / stride[0]) * f.small.width + tx / stride[1];
        contacts.push({ small, channel, y, x, weightIndex: ((c0 * f.d1 + c1g) * f.kh + ky) * f.kw + kx, inside });
      }
    }
  }
  return contacts;
}

/** The flat index of a big-grid position known to be inside. */
export function bigIndex(problem: ConvProblem, c: Contact): number {
  const big = frameOf(problem).big;
  return (c.channel * big.height + c.y) * big.width + c.x;
}
