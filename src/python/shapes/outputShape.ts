/** A layer's output shape for an input shape, or PyTorch's message for why the layer refuses it. */
import type { Layer, LayerOutcome, Shape } from '../layer';
import { adaptivePoolOutputShape } from './adaptivePool';
import { convOutputShape } from './conv';
import { shaped } from './dims';
import { flattenOutputShape } from './flatten';
import { linearOutputShape } from './linear';
import { normOutputShape } from './norm';
import { poolOutputShape } from './pool';
import { upsampleOutputShape } from './upsample';

export function outputShape(layer: Layer, input: Shape): LayerOutcome {
  switch (layer.kind) {
    case 'conv':
      return convOutputShape(layer, input);
    case 'pool':
      return poolOutputShape(layer, input);
    case 'adaptivePool':
      return adaptivePoolOutputShape(layer, input);
    case 'upsample':
      return upsampleOutputShape(layer, input);
    case 'flatten':
      return flattenOutputShape(layer, input);
    case 'linear':
      return linearOutputShape(layer, input);
    case 'norm':
      return normOutputShape(layer, input);
    case 'keep':
      return shaped(input);
  }
}
