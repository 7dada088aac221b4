/** Quick fixes as the layer would read them: a fix applied to a layer, and the transposed conv's fixes for a size. */
import type { ConvLayer, Layer, LayerFix } from '../layer';
import { transposedChoices } from '../../engine/transposedSizes';

/** The layer with the fix's parameter set, as the edited call would construct it. */
export function applyFix(layer: Layer, fix: LayerFix): Layer {
  const value = fix.value;
  const one = Array.isArray(value) ? value[0] : value;
  switch (fix.parameter) {
    case 'in_channels':
      return layer.kind === 'conv' ? { ...layer, inChannels: one } : layer;
    case 'in_features':
      return layer.kind === 'linear' ? { ...layer, inFeatures: one } : layer;
    case 'num_features':
      return layer.kind === 'norm' ? { ...layer, numFeatures: one } : layer;
    case 'padding':
    case 'output_padding': {
      if (layer.kind !== 'conv') return layer;
      const list = Array.isArray(value) ? value : layer.kernel.map(() => value);
      return fix.parameter === 'padding' ? { ...layer, padding: list } : { ...layer, outputPadding: list };
    }
    default:
      return layer;
  }
}

const tuple = (list: number[]): number | string => (list.length === 1 ? list[0] : `(${list.join(', ')})`);

/**
 * The fixes that make a transposed conv's output `target` (one size per spatial axis) from `input` (its spatial
 * sizes): output_padding alone where the padding can stay, else padding with the output_padding it needs. PyTorch
 * takes output_padding below the stride or the dilation, so one padding reaches a window of sizes.
 */
export function transposedSizeFixes(layer: ConvLayer, input: number[], target: number[]): LayerFix[] {
  if (!layer.transposed || layer.padding === 'same' || layer.padding === 'valid') return [];
  const padding = layer.padding;
  const perAxis = target.map((t, a) =>
    transposedChoices(
      { kernel: layer.kernel[a], stride: layer.stride[a], dilation: layer.dilation[a], input: input[a] },
      t,
    ),
  );
  if (perAxis.some((choices) => choices.length === 0)) return [];
  const keeping = perAxis.map((choices, a) => choices.find((c) => c.padding === padding[a]));
  if (keeping.every((c) => c !== undefined)) {
    const value = keeping.map((c) => c!.outputPadding);
    return [
      { parameter: 'output_padding', value, title: `Set output_padding to ${tuple(value)} (output ${tuple(target)})` },
    ];
  }
  // The smallest padding on each axis, and the output_padding that goes with it.
  const first = perAxis.map((choices) => choices[0]);
  const pad = first.map((c) => c.padding);
  const outputPadding = first.map((c) => c.outputPadding);
  return [
    {
      parameter: 'padding',
      value: pad,
      title: `Set padding to ${tuple(pad)} and output_padding to ${tuple(outputPadding)} (output ${tuple(target)})`,
    },
    { parameter: 'output_padding', value: outputPadding, title: `Set output_padding to ${tuple(outputPadding)}` },
  ];
}
