/**
 * The receptive field and jump of a stack of layers, per spatial axis: how many input cells one output cell sees,
 * and how many input cells apart two neighbouring output cells are. Each conv or pool adds `(span - 1)*jump` and
 * multiplies the jump by its stride; a transposed conv divides the jump by its stride first.
 */
import { kernelSpan } from '../../engine/geometry';
import type { Layer } from '../layer';

export interface ReceptiveField {
  /** Input cells one output cell depends on, per spatial axis (fractional past a transposed conv). */
  size: number[];
  /** Input cells between neighbouring output cells, per spatial axis. */
  jump: number[];
}

/**
 * The receptive field after each step, from the first conv or pool on; `undefined` before it, and from a layer
 * that mixes every position (Flatten, Linear, adaptive pooling, Upsample) on.
 */
export function receptiveFields(steps: readonly Layer[]): (ReceptiveField | undefined)[] {
  let field: ReceptiveField | undefined;
  let mixed = false;
  return steps.map((layer) => {
    if (mixed) return undefined;
    if (layer.kind === 'conv' || layer.kind === 'pool') {
      const start = field ?? { size: layer.kernel.map(() => 1), jump: layer.kernel.map(() => 1) };
      const transposed = layer.kind === 'conv' && layer.transposed;
      const size = [...start.size];
      const jump = [...start.jump];
      layer.kernel.forEach((k, a) => {
        const span = kernelSpan(k, layer.dilation[a]);
        if (transposed) jump[a] /= layer.stride[a];
        size[a] += (span - 1) * jump[a];
        if (!transposed) jump[a] *= layer.stride[a];
      });
      field = { size, jump };
      return field;
    }
    if (layer.kind === 'keep' || layer.kind === 'norm') return field;
    mixed = true;
    return undefined;
  });
}
