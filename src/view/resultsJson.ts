import { ConvGeometry, shapeOf, Tensor, toNested } from '../engine';
import type { ConvView } from '../protocol/messages';

/** One-channel tensors without their channel (`[H][W]`, how such specs are usually written), others channels first. */
function nested(g: ConvGeometry, t: Tensor) {
  const shape = shapeOf(g, t);
  return toNested(t.data, t.channels === 1 ? shape.slice(1) : shape);
}

/** "Copy results as JSON": the output and the reconstruction at full precision. */
export function resultsJson(view: ConvView): string {
  return JSON.stringify(
    {
      source: view.source,
      op: view.geometry.op,
      output: nested(view.geometry, view.output),
      reconstruction: nested(view.geometry, view.reconstruction),
    },
    null,
    2,
  );
}
