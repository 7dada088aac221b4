/**
 * Independent textbook formulations to check the engine against: conv2d as a sliding dot product, and
 * conv_transpose2d as a plain conv2d over the zero-inserted, padded input with the flipped kernel.
 * Deliberately naive and built on nested arrays, sharing no code with the engine.
 */
export type Grid = number[][][];

export interface RefParams {
  stride: [number, number];
  padding: [number, number];
  dilation: [number, number];
  outputPadding: [number, number];
  groups: number;
}

const zeros = (c: number, h: number, w: number): Grid =>
  Array.from({ length: c }, () => Array.from({ length: h }, () => new Array<number>(w).fill(0)));

/** weight [Cout][Cin/groups][kh][kw]; padding is symmetric. */
export function referenceConv2d(x: Grid, weight: number[][][][], bias: number[] | null, p: RefParams): Grid {
  const cin = x.length,
    h = x[0].length,
    w = x[0][0].length;
  const cout = weight.length,
    cinG = weight[0].length,
    kh = weight[0][0].length,
    kw = weight[0][0][0].length;
  const oh = Math.floor((h + 2 * p.padding[0] - p.dilation[0] * (kh - 1) - 1) / p.stride[0]) + 1;
  const ow = Math.floor((w + 2 * p.padding[1] - p.dilation[1] * (kw - 1) - 1) / p.stride[1]) + 1;
  const out = zeros(cout, oh, ow);
  const coutG = cout / p.groups;
  const at = (c: number, i: number, j: number) => (i < 0 || j < 0 || i >= h || j >= w ? 0 : x[c][i][j]);
  for (let o = 0; o < cout; o++) {
    const g = Math.floor(o / coutG);
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        let sum = bias ? bias[o] : 0;
        for (let c = 0; c < cinG; c++) {
          for (let a = 0; a < kh; a++) {
            for (let b = 0; b < kw; b++) {
              sum +=
                weight[o][c][a][b] *
                at(
                  g * cinG + c,
                  i * p.stride[0] - p.padding[0] + a * p.dilation[0],
                  j * p.stride[1] - p.padding[1] + b * p.dilation[1],
                );
            }
          }
        }
        out[o][i][j] = sum;
      }
    }
  }
  void cin;
  return out;
}

/**
 * weight [Cin][Cout/groups][kh][kw]. Inserts stride-1 zeros between input cells, pads each side by
 * dilation*(k-1) - padding (plus output_padding after), and slides the flipped kernel with stride 1.
 */
export function referenceConvTranspose2d(x: Grid, weight: number[][][][], bias: number[] | null, p: RefParams): Grid {
  const cin = x.length,
    h = x[0].length,
    w = x[0][0].length;
  const coutG = weight[0].length,
    kh = weight[0][0].length,
    kw = weight[0][0][0].length;
  const cinG = cin / p.groups,
    cout = coutG * p.groups;
  const [sh, sw] = p.stride,
    [dh, dw] = p.dilation;
  const oh = (h - 1) * sh - 2 * p.padding[0] + dh * (kh - 1) + p.outputPadding[0] + 1;
  const ow = (w - 1) * sw - 2 * p.padding[1] + dw * (kw - 1) + p.outputPadding[1] + 1;
  const before = [dh * (kh - 1) - p.padding[0], dw * (kw - 1) - p.padding[1]];
  // The zero-inserted input, addressed with the (possibly negative) leading padding applied.
  const dilated = (c: number, i: number, j: number): number => {
    const u = i - before[0],
      v = j - before[1];
    if (u < 0 || v < 0 || u % sh !== 0 || v % sw !== 0) return 0;
    const ih = u / sh,
      iw = v / sw;
    return ih < h && iw < w ? x[c][ih][iw] : 0;
  };
  const out = zeros(cout, oh, ow);
  for (let o = 0; o < cout; o++) {
    const g = Math.floor(o / coutG),
      og = o % coutG;
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        let sum = bias ? bias[o] : 0;
        for (let cg = 0; cg < cinG; cg++) {
          const c = g * cinG + cg;
          for (let a = 0; a < kh; a++) {
            for (let b = 0; b < kw; b++) {
              sum += weight[c][og][kh - 1 - a][kw - 1 - b] * dilated(c, i + a * dh, j + b * dw);
            }
          }
        }
        out[o][i][j] = sum;
      }
    }
  }
  return out;
}
