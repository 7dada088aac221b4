/** What `x.view(...)` / `x.reshape(...)` make of an input shape: PyTorch's `infer_size`, with its messages. */
import type { LayerOutcome, ReshapeLayer, Shape } from '../layer';
import { productOf, refused, shaped } from './dims';

export function reshapeOutputShape(layer: ReshapeLayer, input: Shape): LayerOutcome {
  const { sizes } = layer;
  const inferred = sizes.indexOf(-1);
  if (sizes.lastIndexOf(-1) !== inferred) return refused('only one dimension can be inferred');
  const invalid = sizes.find((s) => s < -1);
  if (invalid !== undefined) return refused(`invalid shape dimension ${invalid}`);
  const cells = productOf(input);
  const others = sizes.reduce((p, s) => (s === -1 ? p : p * s), 1);
  const wrong = `shape '[${sizes.join(', ')}]' is invalid for input of size ${cells}`;
  if (inferred < 0) return cells === null || cells === others ? shaped(sizes) : refused(wrong);
  if (cells === null) return shaped(sizes.map((s) => (s === -1 ? null : s)));
  if (others === 0 || cells % others !== 0) return refused(wrong);
  return shaped(sizes.map((s) => (s === -1 ? cells / others : s)));
}
