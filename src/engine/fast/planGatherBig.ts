import { Geometry } from './geometry';
import { Pass, Plan } from './plan';
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

/**
 * Plans `big[c1][s*small - p + k*d] += w[c0][c1][ky][kx] * small[c0]` as a gather: conv_transpose2d's forward pass
 * and conv2d's adjoint, `source` being the small grid's data. Big positions split into phases by their residue
 * modulo the stride; within a phase every output is a stride-1 correlation of the small grid with the taps of that
 * residue, so one zero-padded copy of the small grid serves every phase with unit-stride reads. Only phases some
 * tap reaches get a pass (at most kh·kw per group), and the copy spans the small grid plus the kernel's reach in
 * small-grid steps: neither grows with the stride or the padding beyond the grid the kernel sweeps.
 */
export function planGatherBig(g: Geometry, source: Float64Array): Plan {
  const { small, big, kernel, stride, padBefore, dilation, groups, smallPerGroup, bigPerGroup } = g;
  const [kh, kw] = kernel;
  const rowPhases = axisPhases(stride[0], padBefore[0], dilation[0], kh, big.height);
  const columnPhases = axisPhases(stride[1], padBefore[1], dilation[1], kw, big.width);
  const vectors = tileVectors(
    bigPerGroup,
    largest(columnPhases, (p) => p.count, 1),
  );
  const tilesOf = (p: AxisPhase) => Math.ceil(p.count / (2 * vectors));
  // The small grid sits at (rowLead, columnLead) in its padded copy, far enough in for the largest lag.
  const rowLead = Math.floor(((kh - 1) * dilation[0]) / stride[0]);
  const columnLead = Math.floor(((kw - 1) * dilation[1]) / stride[1]);
  const paddedRows = rowLead + largest(rowPhases, (p) => p.first + p.count, small.height);
  const paddedColumns = columnLead + largest(columnPhases, (p) => p.first + tilesOf(p) * 2 * vectors, small.width);
  const plane = paddedRows * paddedColumns;
  const bigPlane = big.height * big.width;
  const kernelArea = kh * kw;

  const passes: Pass[] = [];
  for (const rows of rowPhases) {
    for (const columns of columnPhases) {
      const tapCount = smallPerGroup * rows.lags.length * columns.lags.length;
      const taps = new Int32Array(tapCount);
      const tapWeight = new Int32Array(tapCount);
      let t = 0;
      for (let c = 0; c < smallPerGroup; c++) {
        for (let i = 0; i < rows.lags.length; i++) {
          for (let j = 0; j < columns.lags.length; j++, t++) {
            // Relative to the tile's first element, which `inputOffset` and the row/tile steps place; lags look back.
            taps[t] = c * plane - rows.lags[i] * paddedColumns - columns.lags[j];
            tapWeight[t] = c * bigPerGroup * kernelArea + rows.kernelIndices[i] * kw + columns.kernelIndices[j];
          }
        }
      }
      for (let group = 0; group < groups; group++) {
        const firstChannel = group * bigPerGroup;
        passes.push({
          taps,
          tapWeight,
          weightOffset: group * smallPerGroup * bigPerGroup * kernelArea,
          weightChannelStride: kernelArea,
          firstChannel,
          channels: bigPerGroup,
          inputOffset:
            group * smallPerGroup * plane + (rowLead + rows.first) * paddedColumns + columnLead + columns.first,
          rowStep: paddedColumns,
          rows: rows.count,
          tiles: tilesOf(columns),
          vectors,
          destination: {
            channelBase: firstChannel * bigPlane,
            channelStride: bigPlane,
            width: big.width,
            rowOffset: rows.residue - padBefore[0] + stride[0] * rows.first,
            rowStride: stride[0],
            columnOffset: columns.residue - padBefore[1] + stride[1] * columns.first,
            columnStride: stride[1],
            columns: columns.count,
          },
        });
      }
    }
  }

  return {
    source,
    stridedInput: false,
    inputElements: small.channels * plane,
    outputElements: big.channels * bigPlane,
    outputChannels: big.channels,
    coversOutput: covered(rowPhases) === big.height && covered(columnPhases) === big.width,
    passes,
    fillInput: (copy) => {
      for (let c = 0; c < small.channels; c++) {
        copy(
          c * plane + rowLead * paddedColumns + columnLead,
          paddedColumns,
          1,
          c * small.height * small.width,
          small.width,
          1,
          small.height,
          small.width,
        );
      }
    },
  };
}
