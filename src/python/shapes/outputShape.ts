/** A layer's output shape for an input shape, or PyTorch's message for why the layer refuses it. */
import type { Layer, LayerOutcome, Shape } from '../layer';
import { convOutputShape } from './conv';
import { shaped } from './dims';
import { linearOutputShape } from './linear';

export function outputShape(layer: Layer, input: Shape): LayerOutcome {
  switch (layer.kind) {
    case 'conv':
      return convOutputShape(layer, input);
    case 'linear':
      return linearOutputShape(layer, input);
    case 'keep':
      return shaped(input);
    default:
      return shaped(input);
  }
}
