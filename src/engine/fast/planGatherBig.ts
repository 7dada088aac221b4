import { AxisGeometry, bigPosition } from '../geometry';
import { Geometry } from './geometry';
import { Pass, Plan } from './plan';
import { splitLongRow } from './splitLongRow';
import { tileVectors } from './tileChoice';

/** One residue class of big-grid positions along an axis, and the kernel taps that reach it. */
interface AxisPhase {
  /** `(big + padBefore) % stride` for every position of the class. */
  residue: number;
  /** The class is big positions `residue - padBefore + stride*(first + i)`, i < count. */
  first: number;
  count: number;
  /** Kernel indices that reach the class, and how many small positions each lags behind (`(k*d - residue) /
   * stride`). */
  kernelIndices: number[];
  lags: number[];
}

/**
 * The residue classes some kernel tap reaches, each with its taps: at most `kernel` of them, however large the
 * stride. Big positions in no class (a stride longer than the kernel's reach) get the bias alone.
 */
function axisPhases(stride: number, pad: number, dilation: number, kernel: number, bigSize: number): AxisPhase[] {
  const byResidue = new Map<number, AxisPhase>();
  for (let k = 0; k < kernel; k++) {
    const residue = (k * dilation) % stride;
    let phase = byResidue.get(residue);
    if (!phase) {
      const first = Math.ceil((pad - residue) / stride);
      const count = Math.floor((bigSize - 1 - residue + pad) / stride) - first + 1;
      phase = { residue, first, count, kernelIndices: [], lags: [] };
      byResidue.set(residue, phase);
    }
    phase.kernelIndices.push(k);
    phase.lags.push((k * dilation - residue) / stride);
  }
  return Array.from(byResidue.values())
    .filter((p) => p.count > 0)
    .sort((a, b) => a.residue - b.residue);
}

/** The largest of `f` over the phases, and `floor` when there are none (or all are smaller). */
function largest(phases: AxisPhase[], f: (p: AxisPhase) => number, floor: number): number {
  let max = floor;
  for (const p of phases) max = Math.max(max, f(p));
  return max;
}

/** Big positions along an axis that some phase covers; the others hold the bias alone. */
const covered = (phases: AxisPhase[]): number => phases.reduce((sum, p) => sum + p.count, 0);

/** The kernel's depth taps that reach one big-grid slice, and the small-grid slice each reads. */
interface DepthTaps {
  kernelIndices: number[];
  slices: number[];
}

/** The depth taps reaching big slice `slice`, each from the small slice whose contact with it is `slice`. */
function depthTaps(axis: AxisGeometry, slice: number, smallSlices: number): DepthTaps {
  const taps: DepthTaps = { kernelIndices: [], slices: [] };
  for (let k = 0; k < axis.kernel; k++) {
    // bigPosition(axis, small, k) === slice for small = reach / stride, when that is a whole slice of the grid.
    const reach = slice - bigPosition(axis, 0, k);
    if (reach % axis.stride !== 0 || reach < 0 || reach / axis.stride >= smallSlices) continue;
    taps.kernelIndices.push(k);
    taps.slices.push(reach / axis.stride);
  }
  return taps;
}

/**
 * Plans `big[c1][s*small - p + k*d] += w[c0][c1][kd][ky][kx] * small[c0]` as a gather: a transposed convolution's
 * forward pass and a convolution's adjoint, reading the small grid's data. Big positions split into phases by
 * their residue modulo the stride; within a phase every output is a stride-1 correlation of the small grid with the
 * taps of that residue, so one zero-padded copy of each small-grid plane serves every phase with unit-stride reads.
 * Only phases some tap reaches get a pass (at most kh·kw per group and big slice), and the copy spans the small grid
 * plus the kernel's reach in small-grid steps: neither grows with the stride or the padding beyond the grid the
 * kernel sweeps. Depth is a sum over planes: each big slice's passes take the 2-D taps of every depth tap that
 * reaches it, each over the small slice it reads.
 */
export function planGatherBig(g: Geometry): Plan {
  const { small, big, groups, smallPerGroup, bigPerGroup } = g;
  const [z, y, x] = g.axes;
  const [kd, kh, kw] = [z.kernel, y.kernel, x.kernel];
  const rowPhases = axisPhases(y.stride, y.padBefore, y.dilation, kh, big.height);
  const columnPhases = axisPhases(x.stride, x.padBefore, x.dilation, kw, big.width);
  const vectors = tileVectors(
    bigPerGroup,
    largest(columnPhases, (p) => p.count, 1),
  );
  const tilesOf = (p: AxisPhase) => Math.ceil(p.count / (2 * vectors));
  // The small grid sits at (rowLead, columnLead) in its padded copy, far enough in for the largest lag.
  const rowLead = Math.floor((y.span - 1) / y.stride);
  const columnLead = Math.floor((x.span - 1) / x.stride);
  const paddedRows = rowLead + largest(rowPhases, (p) => p.first + p.count, small.height);
  const paddedColumns = columnLead + largest(columnPhases, (p) => p.first + tilesOf(p) * 2 * vectors, small.width);
  const plane = paddedRows * paddedColumns;
  const volume = small.depth * plane;
  const bigPlane = big.height * big.width;
  const bigVolume = big.depth * bigPlane;
  const kernelArea = kh * kw;
  const kernelVolume = kd * kernelArea;

  // Taps per (depth taps, row phase, column phase), built once: big slices with the same depth taps share them.
  const built = new Map<string, { taps: Int32Array; tapWeight: Int32Array }>();
  const tapsOf = (depth: DepthTaps, lowest: number, rows: AxisPhase, columns: AxisPhase) => {
    const key = `${depth.kernelIndices.join()};${depth.slices.map((s) => s - lowest).join()};${rows.residue},${columns.residue}`;
    let value = built.get(key);
    if (value) return value;
    const tapCount = smallPerGroup * depth.slices.length * rows.lags.length * columns.lags.length;
    value = { taps: new Int32Array(tapCount), tapWeight: new Int32Array(tapCount) };
    let t = 0;
    for (let c = 0; c < smallPerGroup; c++) {
      for (let n = 0; n < depth.slices.length; n++) {
        for (let i = 0; i < rows.lags.length; i++) {
          for (let j = 0; j < columns.lags.length; j++, t++) {
            // Relative to the tile's first element, which `inputOffset` and the row/tile steps place; lags look back.
            value.taps[t] =
              c * volume + (depth.slices[n] - lowest) * plane - rows.lags[i] * paddedColumns - columns.lags[j];
            value.tapWeight[t] =
              c * bigPerGroup * kernelVolume +
              depth.kernelIndices[n] * kernelArea +
              rows.kernelIndices[i] * kw +
              columns.kernelIndices[j];
          }
        }
      }
    }
    built.set(key, value);
    return value;
  };

  const passes: Pass[] = [];
  let slicesCovered = true;
  for (let slice = 0; slice < big.depth; slice++) {
    const depth = depthTaps(z, slice, small.depth);
    if (depth.slices.length === 0) {
      slicesCovered = false; // no depth tap reaches the slice: it holds the bias alone
      continue;
    }
    const lowest = depth.slices[depth.slices.length - 1];
    for (const rows of rowPhases) {
      for (const columns of columnPhases) {
        const { taps, tapWeight } = tapsOf(depth, lowest, rows, columns);
        for (let group = 0; group < groups; group++) {
          const firstChannel = group * bigPerGroup;
          const pass: Pass = {
            taps,
            tapWeight,
            weightOffset: group * smallPerGroup * bigPerGroup * kernelVolume,
            weightChannelStride: kernelVolume,
            firstChannel,
            channels: bigPerGroup,
            inputOffset:
              group * smallPerGroup * volume +
              lowest * plane +
              (rowLead + rows.first) * paddedColumns +
              columnLead +
              columns.first,
            rowStep: paddedColumns,
            rows: rows.count,
            tiles: tilesOf(columns),
            vectors,
            destination: {
              channelBase: firstChannel * bigVolume + slice * bigPlane,
              channelStride: bigVolume,
              width: big.width,
              rowOffset: rows.residue - y.padBefore + y.stride * rows.first,
              rowStride: y.stride,
              columnOffset: columns.residue - x.padBefore + x.stride * columns.first,
              columnStride: x.stride,
              columns: columns.count,
            },
          };
          passes.push(...splitLongRow(pass));
        }
      }
    }
  }

  return {
    inputElements: small.channels * volume,
    outputElements: big.channels * bigVolume,
    outputChannels: big.channels,
    coversOutput: slicesCovered && covered(rowPhases) === big.height && covered(columnPhases) === big.width,
    passes,
    sourceIsLayout: false,
    fillInput: (copy) => {
      for (let p = 0; p < small.channels * small.depth; p++) {
        copy(
          p * plane + rowLead * paddedColumns + columnLead,
          paddedColumns,
          1,
          p * small.height * small.width,
          small.width,
          1,
          small.height,
          small.width,
        );
      }
    },
  };
}
