/** What a worker's answer can hand to the host thread without copying. */
import { ConvolveJobResult } from './workerJob';
import { Solved } from './convolve';

/** The buffers a result can hand over without copying: whole, unshared ArrayBuffers, each once. */
export function transferables(result: ConvolveJobResult | Solved): ArrayBuffer[] {
  const view = 'view' in result ? result.view : undefined;
  if (!view) return [];
  const arrays = [view.input.data, view.weight.data, view.bias];
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) {
    if (
      array &&
      array.buffer instanceof ArrayBuffer &&
      array.byteOffset === 0 &&
      array.byteLength === array.buffer.byteLength
    )
      buffers.add(array.buffer);
  }
  return [...buffers];
}
