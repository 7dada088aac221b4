/**
 * A ConvLens spec of a conv layer: its exact geometry (kernel, stride, padding, dilation, output padding, groups,
 * padding mode) on a small sample input, one channel per group in and out, so the panel shows its kernel matrix,
 * output and reconstruction at a size one can read.
 */
import { outputLength } from '../../engine/geometry';
import type { ConvLayer } from '../layer';
import { convAxes, convOp } from './conv';

/** The sample's output size along each axis, where the geometry allows it. */
const SAMPLE_OUTPUT = 3;
/** No sample axis is longer than this: a huge stride or kernel gets a sample as long as it needs, up to here. */
const LONGEST_SAMPLE = 64;

type Nested = number | Nested[];

/** `data` (row-major) as nested lists of `shape`. */
function nested(data: number[], shape: readonly number[]): Nested {
  if (shape.length === 0) return data[0];
  const [first, ...rest] = shape;
  const size = rest.reduce((p, d) => p * d, 1);
  return Array.from({ length: first }, (_, i) => nested(data.slice(i * size, (i + 1) * size), rest));
}

/** 1, 2, 3, …: the sample's values, so every cell of the output can be traced to its inputs by eye. */
const counting = (shape: readonly number[]): Nested =>
  nested(
    Array.from({ length: shape.reduce((p, d) => p * d, 1) }, (_, i) => i + 1),
    shape,
  );

/** The shortest input along an axis whose output reaches the sample's size (and that reflect padding accepts). */
function sampleLength(layer: ConvLayer, axis: ReturnType<typeof convAxes>[number]): number {
  const pad = Math.max(axis.padBefore, axis.padAfter);
  for (let n = 1; n <= LONGEST_SAMPLE; n++) {
    if (layer.paddingMode === 'reflect' && pad >= n) continue;
    if (layer.paddingMode === 'circular' && pad > n) continue;
    if (outputLength(layer.transposed, { ...axis, input: n }) >= SAMPLE_OUTPUT) return n;
  }
  return LONGEST_SAMPLE;
}

export function layerSpec(layer: ConvLayer): Record<string, unknown> {
  const axes = convAxes(layer);
  const spatial = axes.map((axis) => sampleLength(layer, axis));
  const { groups } = layer;
  const weight = [groups, 1, ...layer.kernel];
  const spec: Record<string, unknown> = {
    op: convOp(layer),
    input: counting([groups, ...spatial]),
    weight: counting(weight),
    stride: layer.stride,
    padding: layer.padding,
    dilation: layer.dilation,
    groups,
  };
  if (layer.transposed) spec.output_padding = layer.outputPadding;
  if (layer.paddingMode !== 'zeros') spec.padding_mode = layer.paddingMode;
  return spec;
}
