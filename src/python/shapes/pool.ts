/** What `nn.MaxPool*d` / `nn.AvgPool*d` (and `F.max_pool*d`, `F.avg_pool*d`) make of an input shape (PyTorch 1.13). */
import { poolOutputLength } from '../../engine/geometry';
import type { Dim, LayerOutcome, PoolLayer, Shape } from '../layer';
import { dimsText, mapDim, refused, shaped } from './dims';

/** Each rank and statistic checks the input's rank in its own words. */
function rankError(layer: PoolLayer, input: Shape): string | undefined {
  const r = layer.rank;
  if (input.length === r + 1 || input.length === r + 2) return undefined;
  if (r === 3) return 'non-empty 4D or 5D (batch mode) tensor expected for input';
  if (layer.reduction === 'max') {
    return r === 1
      ? `max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:[${dimsText(input)}]`
      : 'non-empty 3D or 4D (batch mode) tensor expected for input';
  }
  return r === 1
    ? `Expected 2 to 3 dimensions, but got ${input.length}-dimensional tensor for argument #1 'self' (while checking arguments for avg_pool1d)`
    : `Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:[${dimsText(input)}]`;
}

/**
 * PyTorch keeps the padding within half the kernel, checked axis by axis as each output size is computed. (Every
 * message here is the one a model meets: its pools' input requires grad, and max_pool1d on such an input checks as
 * max_pool2d does; without grad it words them its own way and lets an empty output through.)
 */
export function poolPaddingError(layer: PoolLayer): string | undefined {
  const a = layer.padding.findIndex((p, i) => p > Math.floor(layer.kernel[i] / 2));
  if (a < 0) return undefined;
  return `pad should be at most half of kernel size, but got pad=${layer.padding[a]} and kernel_size=${layer.kernel[a]}`;
}

/** The output too small to hold a window. */
function tooSmallError(layer: PoolLayer, channels: Dim, spatial: Dim[], sizes: Dim[]): string | undefined {
  const known = (d: Dim) => d !== null;
  if (
    layer.reduction === 'avg' &&
    layer.rank === 3 &&
    spatial.some((d, a) => known(d) && (d as number) < layer.kernel[a])
  ) {
    const [t, h, w] = spatial.map((d) => (d === null ? '?' : d));
    const [kt, kh, kw] = layer.kernel;
    return `input image (T: ${t} H: ${h} W: ${w}) smaller than kernel size (kT: ${kt} kH: ${kh} kW: ${kw})`;
  }
  if (!sizes.some((s) => known(s) && (s as number) < 1)) return undefined;
  // A 1-D pool runs as a 2-D one of height 1.
  const as2d = (dims: Dim[]) => (layer.rank === 1 ? [1, ...dims] : dims);
  return `Given input size: (${dimsText([channels, ...as2d(spatial)], 'x')}). Calculated output size: (${dimsText([channels, ...as2d(sizes)], 'x')}). Output size is too small`;
}

export function poolOutputShape(layer: PoolLayer, input: Shape): LayerOutcome {
  const error = rankError(layer, input) ?? poolPaddingError(layer);
  if (error) return refused(error);
  const spatial = input.slice(input.length - layer.rank);
  const channels = input[input.length - layer.rank - 1];
  const sizes = spatial.map((d, a) =>
    mapDim(d, (n) =>
      poolOutputLength(
        {
          input: n,
          kernel: layer.kernel[a],
          stride: layer.stride[a],
          padding: layer.padding[a],
          dilation: layer.dilation[a],
        },
        layer.ceilMode,
      ),
    ),
  );
  const tooSmall = tooSmallError(layer, channels, spatial, sizes);
  if (tooSmall) return refused(tooSmall);
  return shaped([...input.slice(0, input.length - layer.rank), ...sizes]);
}
