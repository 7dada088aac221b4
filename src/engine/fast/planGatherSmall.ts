import { Geometry } from './geometry';
import { Pass, Plan } from './plan';
import { tileVectors } from './tileChoice';

/**
 * Plans `small[c0] += w[c0][c1][ky][kx] * big[c1][s*small - p + k*d]`: conv2d's forward pass and conv_transpose2d's
 * adjoint, `source` being the big grid's data. It is copied once into a zero-padded layout that makes every tap a
 * unit-stride read along the output row: each padded row is split into `stride` phases (padded column c goes to
 * phase c % sw, position floor(c / sw)), so consecutive outputs read consecutive elements whatever the stride
 * and dilation.
 */
export function planGatherSmall(g: Geometry, source: Float64Array): Plan {
  const { small, big, kernel, stride, padBefore, dilation, groups, smallPerGroup, bigPerGroup } = g;
  const [kh, kw] = kernel;
  const [sh, sw] = stride;
  const [dh, dw] = dilation;
  const vectors = tileVectors(smallPerGroup, small.width);
  const tiles = Math.ceil(small.width / (2 * vectors));
  // Padded rows the taps reach, and the length of each column phase (the last tile's extra columns included).
  const paddedRows = (small.height - 1) * sh + (kh - 1) * dh + 1;
  const phaseLength = tiles * 2 * vectors + Math.floor(((kw - 1) * dw) / sw);
  const rowLength = sw * phaseLength;
  const plane = paddedRows * rowLength;

  const tapCount = bigPerGroup * kh * kw;
  const taps = new Int32Array(tapCount);
  const tapWeight = new Int32Array(tapCount);
  let t = 0;
  for (let c = 0; c < bigPerGroup; c++) {
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++, t++) {
        const column = kx * dw;
        taps[t] = c * plane + ky * dh * rowLength + (column % sw) * phaseLength + Math.floor(column / sw);
        // Weight rows are contiguous per output channel: [c0][c1 per group][kh][kw].
        tapWeight[t] = t;
      }
    }
  }

  const passes: Pass[] = [];
  const smallPlane = small.height * small.width;
  for (let group = 0; group < groups; group++) {
    const firstChannel = group * smallPerGroup;
    passes.push({
      taps,
      tapWeight,
      weightOffset: firstChannel * tapCount,
      weightChannelStride: tapCount,
      firstChannel,
      channels: smallPerGroup,
      inputOffset: group * bigPerGroup * plane,
      rowStep: sh * rowLength,
      rows: small.height,
      tiles,
      vectors,
      destination: {
        channelBase: firstChannel * smallPlane,
        channelStride: smallPlane,
        width: small.width,
        rowOffset: 0,
        rowStride: 1,
        columnOffset: 0,
        columnStride: 1,
        columns: small.width,
      },
    });
  }

  const [ph, pw] = padBefore;
  // Big rows and columns that land inside the layout; the rest are never read.
  const rowsKept = Math.max(0, Math.min(big.height, paddedRows - ph));
  const columnsKept = Math.max(0, Math.min(big.width, rowLength - pw));
  return {
    source,
    stridedInput: sw > 1,
    inputElements: big.channels * plane,
    outputElements: small.channels * smallPlane,
    outputChannels: small.channels,
    coversOutput: true,
    passes,
    fillInput: (copy) => {
      // Per channel and column phase: every sw-th big column, into one contiguous run of the phase.
      for (let c = 0; c < big.channels; c++) {
        for (let phase = 0; phase < sw; phase++) {
          const firstColumn = (((phase - pw) % sw) + sw) % sw;
          if (firstColumn >= columnsKept) continue;
          const columns = Math.ceil((columnsKept - firstColumn) / sw);
          const dst = c * plane + ph * rowLength + phase * phaseLength + (firstColumn + pw - phase) / sw;
          copy(dst, rowLength, 1, c * big.height * big.width + firstColumn, big.width, sw, rowsKept, columns);
        }
      }
    },
  };
}
