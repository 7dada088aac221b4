/**
 * A ConvLens spec for "Open in ConvLens" from a conv layer: the layer's exact geometry (kernel, stride, padding,
 * dilation, groups, padding mode, output_padding) on a small sample input, with small integers everywhere so every
 * number on the page reads. Channels are capped so the page stays readable; `name` says when they are.
 */
import { outputLength } from '../../engine/geometry';
import { Nested, toNested } from '../../engine/tensor';
import type { ConvLayer } from '../layer';
import { convAxes, convModuleName, convOp } from './conv';

/** At most this many groups, and this many channels in and out per group, on the sample. */
const MAX_GROUPS = 2;
const MAX_CHANNELS_PER_GROUP = 2;
/** The output size per axis the sample input is chosen for: a few cells, fewer in 3-D. */
const OUTPUT_CELLS = { 1: 4, 2: 3, 3: 2 } as const;
/** The largest sample input tried along an axis. */
const LARGEST_SAMPLE = 64;

/** The fields `normalizeSpec` reads, plus a `name` it ignores. */
export interface LayerSpec {
  name: string;
  op: string;
  input: Nested[];
  weight: Nested[];
  bias?: number[];
  stride: number[];
  padding: number[] | 'same' | 'valid';
  dilation: number[];
  output_padding?: number[];
  groups: number;
  padding_mode: string;
}

/** Input cells 1, 2, ..., 9, 1, ...; weights cycling through -2..2 without a run of zeros; biases 1, -1, 2, -2, ... */
const sampleInput = (i: number) => (i % 9) + 1;
const sampleWeight = (i: number) => [1, -1, 2, 0, -2][i % 5];
const sampleBias = (i: number) => (i % 2 === 0 ? 1 : -1) * (Math.floor(i / 2) + 1);

function filled(shape: number[], value: (i: number) => number): Nested[] {
  const count = shape.reduce((p, d) => p * d, 1);
  return toNested(
    Float64Array.from({ length: count }, (_, i) => value(i)),
    shape,
  );
}

/** The smallest input along each axis whose output has the sample's cells (and that the padding mode can pad). */
function sampleSpatial(layer: ConvLayer): number[] {
  const target = OUTPUT_CELLS[layer.rank];
  return convAxes(layer).map((axis) => {
    const pad = Math.max(axis.padBefore, axis.padAfter);
    for (let input = 1; input <= LARGEST_SAMPLE; input++) {
      const padded = layer.paddingMode === 'reflect' ? pad < input : layer.paddingMode !== 'circular' || pad <= input;
      if (padded && outputLength(layer.transposed, { ...axis, input }) >= target) return input;
    }
    return LARGEST_SAMPLE;
  });
}

/** The sample spec of `layer`, on `spatial` input sizes when given (one per spatial axis). */
export function layerSpec(layer: ConvLayer, spatial?: number[]): LayerSpec {
  const groups = Math.min(layer.groups, MAX_GROUPS);
  const perGroup = (channels: number | null) =>
    Math.max(1, Math.min(Math.floor((channels ?? layer.groups) / layer.groups), MAX_CHANNELS_PER_GROUP));
  const inChannels = groups * perGroup(layer.inChannels);
  const outChannels = groups * perGroup(layer.outChannels);
  const sizes = spatial ?? sampleSpatial(layer);
  const lead = layer.transposed ? [inChannels, outChannels / groups] : [outChannels, inChannels / groups];

  const k = layer.kernel;
  const kernelText = k.every((n) => n === k[0]) ? String(k[0]) : `(${k.join(', ')})`;
  const call = `${convModuleName(layer)}(${layer.inChannels ?? '?'}, ${layer.outChannels ?? '?'}, kernel_size=${kernelText})`;
  const capped =
    inChannels !== layer.inChannels || outChannels !== layer.outChannels || groups !== layer.groups
      ? `, shown with ${inChannels} input and ${outChannels} output channels in ${groups} group${groups === 1 ? '' : 's'}`
      : '';
  const spec: LayerSpec = {
    name: `${call} on a ${sizes.join(' x ')} sample${capped}`,
    op: convOp(layer),
    input: filled([inChannels, ...sizes], sampleInput),
    weight: filled([...lead, ...layer.kernel], sampleWeight),
    stride: [...layer.stride],
    padding: Array.isArray(layer.padding) ? [...layer.padding] : layer.padding,
    dilation: [...layer.dilation],
    groups,
    padding_mode: layer.paddingMode,
  };
  if (layer.bias) spec.bias = Array.from({ length: outChannels }, (_, i) => sampleBias(i));
  if (layer.transposed) spec.output_padding = [...layer.outputPadding];
  return spec;
}
