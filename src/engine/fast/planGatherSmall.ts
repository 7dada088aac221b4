import { bigPosition } from '../geometry';
import { Geometry } from './geometry';
import { Pass, Plan } from './plan';
import { splitLongRow } from './splitLongRow';
import { tileVectors } from './tileChoice';

/** The kernel's depth taps that read inside the big grid for one small-grid slice: `first <= kd < end`. */
interface DepthTaps {
  /** The big-grid slice tap `first` reads. */
  slice: number;
  first: number;
  end: number;
}

/**
 * Plans `small[c0] += w[c0][c1][kd][ky][kx] * big[c1][s*small - p + k*d]`: a convolution's forward pass and a
 * transposed one's adjoint, reading the big grid's data. Each big-grid plane is copied once into a
 * zero-padded layout that makes every tap a unit-stride read along the output row: each padded row is split into
 * `stride` phases (padded column c goes to phase c % sw, position floor(c / sw)), so consecutive outputs read
 * consecutive elements whatever the stride and dilation. Depth is a sum over planes: one pass per small-grid slice
 * (and group) whose taps are the 2-D kernel planes of every depth tap that reads inside the big grid, so depth
 * needs no padded planes.
 */
export function planGatherSmall(g: Geometry): Plan {
  const { small, big, groups, smallPerGroup, bigPerGroup } = g;
  const [z, y, x] = g.axes;
  const [kd, kh, kw] = [z.kernel, y.kernel, x.kernel];
  const vectors = tileVectors(smallPerGroup, small.width);
  const tiles = Math.ceil(small.width / (2 * vectors));
  // The layout holds the swept rows, and per column phase the tiles plus the kernel's reach in phase positions.
  // Unpadded with unit column stride, the source as it is serves: a tile's spare columns past a row's end read the
  // next row, and are never stored.
  const paddedRows = y.swept;
  const phaseLength = tiles * 2 * vectors + Math.floor((x.span - 1) / x.stride);
  const sourceIsLayout = x.stride === 1 && x.padBefore + x.padAfter + y.padBefore + y.padAfter === 0;
  const rowLength = sourceIsLayout ? big.width : x.stride * phaseLength;
  const plane = paddedRows * rowLength;
  const volume = big.depth * plane;
  const kernelVolume = kd * kh * kw;

  const tapsOf = memo((depth: DepthTaps) => {
    const tapCount = bigPerGroup * (depth.end - depth.first) * kh * kw;
    const taps = new Int32Array(tapCount);
    const tapWeight = new Int32Array(tapCount);
    let t = 0;
    for (let c = 0; c < bigPerGroup; c++) {
      for (let k = depth.first; k < depth.end; k++) {
        for (let ky = 0; ky < kh; ky++) {
          for (let kx = 0; kx < kw; kx++, t++) {
            const column = kx * x.dilation;
            taps[t] =
              c * volume +
              (k - depth.first) * z.dilation * plane +
              ky * y.dilation * rowLength +
              (column % x.stride) * phaseLength +
              Math.floor(column / x.stride);
            // Weight rows are contiguous per output channel: [c0][c1 per group][kd][kh][kw].
            tapWeight[t] = ((c * kd + k) * kh + ky) * kw + kx;
          }
        }
      }
    }
    return { taps, tapWeight };
  });

  const passes: Pass[] = [];
  const smallPlane = small.height * small.width;
  const smallVolume = small.depth * smallPlane;
  let coversOutput = true;
  for (let slice = 0; slice < small.depth; slice++) {
    const depth = depthTaps(bigPosition(z, slice, 0), z.dilation, kd, big.depth);
    if (depth.first >= depth.end) {
      coversOutput = false; // every depth tap reads padding: the slice holds the bias alone
      continue;
    }
    const { taps, tapWeight } = tapsOf(depth);
    for (let group = 0; group < groups; group++) {
      const firstChannel = group * smallPerGroup;
      const pass: Pass = {
        taps,
        tapWeight,
        weightOffset: firstChannel * bigPerGroup * kernelVolume,
        weightChannelStride: bigPerGroup * kernelVolume,
        firstChannel,
        channels: smallPerGroup,
        inputOffset: group * bigPerGroup * volume + depth.slice * plane,
        rowStep: y.stride * rowLength,
        rows: small.height,
        tiles,
        vectors,
        destination: {
          channelBase: firstChannel * smallVolume + slice * smallPlane,
          channelStride: smallVolume,
          width: small.width,
          rowOffset: 0,
          rowStride: 1,
          columnOffset: 0,
          columnStride: 1,
          columns: small.width,
        },
      };
      passes.push(...splitLongRow(pass));
    }
  }

  const [ph, pw] = [y.padBefore, x.padBefore];
  const sw = x.stride;
  // Big rows and columns that land inside the layout; the rest are never read.
  const rowsKept = Math.max(0, Math.min(big.height, paddedRows - ph));
  const columnsKept = Math.max(0, Math.min(big.width, rowLength - pw));
  return {
    inputElements: big.channels * volume,
    outputElements: small.channels * smallVolume,
    outputChannels: small.channels,
    coversOutput,
    passes,
    sourceIsLayout,
    fillInput: (copy) => {
      // Per plane (channel and depth slice) and column phase: every sw-th big column, into one run of the phase.
      for (let p = 0; p < big.channels * big.depth; p++) {
        for (let phase = 0; phase < sw; phase++) {
          const firstColumn = (((phase - pw) % sw) + sw) % sw;
          if (firstColumn >= columnsKept) continue;
          const columns = Math.ceil((columnsKept - firstColumn) / sw);
          const dst = p * plane + ph * rowLength + phase * phaseLength + (firstColumn + pw - phase) / sw;
          copy(dst, rowLength, 1, p * big.height * big.width + firstColumn, big.width, sw, rowsKept, columns);
        }
      }
    },
  };
}

/** The depth taps of a small-grid slice whose first tap reads big slice `start`, among `size` big slices. */
function depthTaps(start: number, dilation: number, kernel: number, size: number): DepthTaps {
  const first = Math.max(0, Math.ceil(-start / dilation));
  const end = Math.min(kernel, Math.floor((size - 1 - start) / dilation) + 1);
  return { slice: start + first * dilation, first, end };
}

/** Taps built once per distinct set of depth taps: inner slices share them, and the executor packs them once. */
function memo<T>(build: (depth: DepthTaps) => T): (depth: DepthTaps) => T {
  const built = new Map<string, T>();
  return (depth) => {
    const key = `${depth.first},${depth.end}`;
    let value = built.get(key);
    if (value === undefined) built.set(key, (value = build(depth)));
    return value;
  };
}
