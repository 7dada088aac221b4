/** What `nn.Flatten` / `torch.flatten` make of an input shape: the dimensions from start to end become one. */
import type { FlattenLayer, LayerOutcome, Shape } from '../layer';
import { productOf, refused, shaped } from './dims';

export function flattenOutputShape(layer: FlattenLayer, input: Shape): LayerOutcome {
  // A 0-d tensor flattens as if it had one dimension.
  const rank = Math.max(input.length, 1);
  const dims = input.length === 0 ? [1] : input;
  const wrap = (d: number) => (d < 0 ? d + rank : d);
  for (const d of [layer.startDim, layer.endDim]) {
    if (d < -rank || d >= rank)
      return refused(`Dimension out of range (expected to be in range of [${-rank}, ${rank - 1}], but got ${d})`);
  }
  const [start, end] = [wrap(layer.startDim), wrap(layer.endDim)];
  if (start > end) return refused('flatten() has invalid args: start_dim cannot come after end_dim');
  return shaped([...dims.slice(0, start), productOf(dims.slice(start, end + 1)), ...dims.slice(end + 1)]);
}
