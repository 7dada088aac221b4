/** What `nn.Linear` / `F.linear` make of an input shape: every dimension but the last is kept. */
import type { LayerOutcome, LinearLayer, Shape } from '../layer';
import { differ, dimsText, productOf, refused, shaped } from './dims';

export function linearOutputShape(layer: LinearLayer, input: Shape): LayerOutcome {
  if (input.length === 0) return refused('both arguments to matmul need to be at least 1D, but they are 0D and 2D');
  const lead = input.slice(0, -1);
  const features = input[input.length - 1];
  if (differ(features, layer.inFeatures)) {
    // PyTorch multiplies the input, all leading dimensions in one, by the weight transposed.
    const rows = productOf(lead);
    return refused(
      `mat1 and mat2 shapes cannot be multiplied (${dimsText([rows, features], 'x')} and ${layer.inFeatures}x${layer.outFeatures})`,
      {
        parameter: 'in_features',
        value: features as number,
        title: `Set in_features to ${features} (the input's last dimension)`,
      },
    );
  }
  return shaped([...lead, layer.outFeatures]);
}
