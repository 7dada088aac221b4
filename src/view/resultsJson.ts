import { Tensor3, tensor3ToNested, toNested } from '../engine';
import type { ConvView } from '../protocol';

/** One-channel tensors as `[H][W]` (how such specs are usually written), others as `[C][H][W]`. */
const nested = (t: Tensor3) => (t.channels === 1 ? toNested(t.data, [t.height, t.width]) : tensor3ToNested(t));

/** "Copy results as JSON": the output and the reconstruction at full precision. */
export function resultsJson(view: ConvView): string {
  return JSON.stringify(
    {
      source: view.source,
      op: view.params.op,
      output: nested(view.output),
      reconstruction: nested(view.reconstruction),
    },
    null,
    2,
  );
}
