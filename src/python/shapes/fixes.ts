/** Quick fixes as the layer would read them: a fix applied to a layer, and the transposed conv's fixes for a size. */
import type { ArgumentValue, ConvLayer, Layer, LayerFix } from '../layer';
import { transposedChoices } from '../../engine/transposedSizes';

/** The layer with one argument set, as the edited call would construct it. */
function withArgument(layer: Layer, { parameter, value }: ArgumentValue): Layer {
  const one = Array.isArray(value) ? value[0] : value;
  switch (parameter) {
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
      return parameter === 'padding' ? { ...layer, padding: list } : { ...layer, outputPadding: list };
    }
    default:
      return layer;
  }
}

/** The layer with every argument of the fix set. */
export const applyFix = (layer: Layer, fix: LayerFix): Layer => [fix, ...(fix.also ?? [])].reduce(withArgument, layer);

/** One number when every axis has it (as the edit writes it), else a tuple. */
const tuple = (list: number[]): number | string =>
  list.every((v) => v === list[0]) ? list[0] : `(${list.join(', ')})`;

/** How far a list of values moves from the one written: the smallest change comes first. */
const distance = (from: readonly number[], to: readonly number[]): number =>
  to.reduce((sum, v, a) => sum + Math.abs(v - from[a]), 0);

/**
 * The fixes that make a transposed conv's output `target` (one size per spatial axis) from `input` (its spatial
 * sizes), the smallest change first: output_padding alone (the padding kept), padding alone (the output_padding
 * kept), and only when neither reaches it, the smallest padding with the output_padding it needs. PyTorch takes
 * output_padding below the stride or the dilation, so one padding reaches a window of sizes.
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
  const output = target.join('×');
  const fixes: { fix: LayerFix; change: number }[] = [];
  const keepingPadding = perAxis.map((choices, a) => choices.find((c) => c.padding === padding[a]));
  if (keepingPadding.every((c) => c !== undefined)) {
    const value = keepingPadding.map((c) => c.outputPadding);
    const title = `Set output_padding to ${tuple(value)} (output ${output})`;
    fixes.push({ fix: { parameter: 'output_padding', value, title }, change: distance(layer.outputPadding, value) });
  }
  const keepingOutputPadding = perAxis.map((choices, a) =>
    choices.find((c) => c.outputPadding === layer.outputPadding[a]),
  );
  if (keepingOutputPadding.every((c) => c !== undefined)) {
    const value = keepingOutputPadding.map((c) => c.padding);
    const title = `Set padding to ${tuple(value)} (output ${output})`;
    fixes.push({ fix: { parameter: 'padding', value, title }, change: distance(padding, value) });
  }
  if (fixes.length > 0) return fixes.sort((a, b) => a.change - b.change).map((f) => f.fix);
  // The smallest padding on each axis, and the output_padding that goes with it.
  const first = perAxis.map((choices) => choices[0]);
  const pad = first.map((c) => c.padding);
  const outputPadding = first.map((c) => c.outputPadding);
  return [
    {
      parameter: 'padding',
      value: pad,
      also: [{ parameter: 'output_padding', value: outputPadding }],
      title: `Set padding to ${tuple(pad)} and output_padding to ${tuple(outputPadding)} (output ${output})`,
    },
  ];
}
