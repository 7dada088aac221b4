import { compute, ConvGeometry, shapeOf, Tensor, toNested } from '../engine';
import type { ConvView } from '../protocol/messages';
import { problemOf } from './problem';

/** One-channel tensors without their channel (`[H][W]`, how such specs are usually written), others channels first. */
function nested(g: ConvGeometry, t: Tensor) {
  const shape = shapeOf(g, t);
  return toNested(t.data, t.channels === 1 ? shape.slice(1) : shape);
}

/** "Copy results as JSON": the output and the reconstruction at full precision, computed from the view's numbers. */
export function resultsJson(view: ConvView): string {
  const { output, reconstruction } = compute(problemOf(view));
  return JSON.stringify(
    {
      source: view.source,
      op: view.geometry.op,
      output: nested(view.geometry, output),
      reconstruction: nested(view.geometry, reconstruction),
    },
    null,
    2,
  );
}
