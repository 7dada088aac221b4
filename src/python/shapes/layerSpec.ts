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
/** The largest sample input along an axis, tried or chosen: a sample, small enough that every number reads. */
export const LARGEST_SAMPLE = 64;

/** The fields `normalizeSpec` reads, plus a `name` and a `sample` mark it ignores. */
export interface LayerSpec {
  name: string;
  /** The input is ConvLens's sample, made up for the layer: the panel may resize it. */
  sample: true;
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

/**
 * Input cells 1, 2, ..., 9, 1, ... along a row, each row starting 4 on from the row above (1 2 3 / 5 6 7 / 9 1 2):
 * 4 and 9 share no factor, so nine rows in a row all differ whatever the width (counting on from the row above would
 * repeat a row whenever the width is a multiple of 9, and every 3 rows for a width of 3). Weights cycle through
 * -2..2 without a run of zeros; biases 1, -1, 2, -2, ...
 */
const ROW_STEP = 4;
const sampleInput = (row: number, column: number) => ((ROW_STEP * row + column) % 9) + 1;
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

/** The sample's input: `channels` of `spatial` sizes; a row runs along the last axis, rows count on across planes. */
function sampleInputOf(channels: number, spatial: readonly number[]): Nested[] {
  const width = spatial[spatial.length - 1];
  return filled([channels, ...spatial], (i) => sampleInput(Math.floor(i / width), i % width));
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
    sample: true,
    op: convOp(layer),
    input: sampleInputOf(inChannels, sizes),
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

/** Whether a spec is a layer's sample (a spec the user wrote keeps its own numbers: the panel never resizes it). */
export const isLayerSample = (spec: Record<string, unknown> | undefined): boolean => spec?.sample === true;

/**
 * Why `sizes` cannot be a sample's spatial sizes for a layer of `rank` axes, or undefined: one whole number per axis,
 * from 1 to `LARGEST_SAMPLE`. What the layer makes of them (an output of at least one cell, the limits) is the
 * engine's to say when the resized sample is computed.
 */
export function sampleSizesProblem(sizes: readonly number[], rank: number): string | undefined {
  if (sizes.length !== rank) return `The sample needs ${rank} size${rank === 1 ? '' : 's'}, one per axis.`;
  const wrong = sizes.find((n) => !Number.isInteger(n) || n < 1 || n > LARGEST_SAMPLE);
  if (wrong === undefined) return undefined;
  return `Sample sizes are whole numbers from 1 to ${LARGEST_SAMPLE} (a sample small enough that every number reads), not ${Number.isNaN(wrong) ? 'empty' : wrong}.`;
}

/**
 * A layer's sample `spec` on an input of `spatial` sizes (checked with `sampleSizesProblem`): the same layer, weight
 * and bias, the input filled again with the sample's cells. `channels`: the sample's input channels.
 */
export function resizedSample(
  spec: Readonly<Record<string, unknown>> | LayerSpec,
  channels: number,
  spatial: readonly number[],
): Record<string, unknown> {
  const name =
    typeof spec.name === 'string'
      ? spec.name.replace(/ on a [\d x]+ sample/, ` on a ${spatial.join(' x ')} sample`)
      : undefined;
  return { ...spec, ...(name && { name }), input: sampleInputOf(channels, spatial) };
}
