/** A layer's output shape for an input shape, or PyTorch's message for why the layer refuses it. */
import type { ConvLayer, Layer, LayerOutcome, OutputSizeRequest, Shape } from '../layer';
import { adaptivePoolOutputShape } from './adaptivePool';
import { convConstructionErrors, convOutputShape } from './conv';
import { refused, shaped } from './dims';
import { flattenOutputShape } from './flatten';
import { linearOutputShape } from './linear';
import { normOutputShape } from './norm';
import { requestedOutputPadding } from './outputSize';
import { poolOutputShape } from './pool';
import { reshapeOutputShape } from './reshape';
import { upsampleOutputShape } from './upsample';

/** `outputSize`: what the step's forward call asks a ConvTranspose for (`output_size=`), when it does. */
export function outputShape(layer: Layer, input: Shape, outputSize?: OutputSizeRequest): LayerOutcome {
  switch (layer.kind) {
    case 'conv':
      return outputSize && layer.transposed
        ? requestedOutputShape(layer, input, outputSize)
        : convOutputShape(layer, input);
    case 'pool':
      return poolOutputShape(layer, input);
    case 'adaptivePool':
      return adaptivePoolOutputShape(layer, input);
    case 'upsample':
      return upsampleOutputShape(layer, input);
    case 'flatten':
      return flattenOutputShape(layer, input);
    case 'reshape':
      return reshapeOutputShape(layer, input);
    case 'linear':
      return linearOutputShape(layer, input);
    case 'norm':
      return normOutputShape(layer, input);
    case 'keep':
      return shaped(input);
  }
}

/** The module is built first; its forward then picks the output_padding, and the conv runs with it. */
function requestedOutputShape(layer: ConvLayer, input: Shape, outputSize: OutputSizeRequest): LayerOutcome {
  const constructed = convConstructionErrors(layer);
  if (constructed.length > 0) return refused(constructed[0]);
  const picked = requestedOutputPadding(layer, input, outputSize);
  return picked.ok
    ? convOutputShape({ ...layer, outputPadding: picked.outputPadding }, input)
    : refused(picked.message);
}
