/** What `nn.Conv*d` / `nn.ConvTranspose*d` (and `F.conv*d`) make of an input shape, with PyTorch 1.13's messages. */
import { kernelSpan, outputLength, samePadding } from '../../engine/geometry';
import { AXIS_NAMES, Op } from '../../engine/ops';
import type { OutputSizeAxis } from '../../engine/outputSizeFormula';
import type { ConvLayer, Dim, LayerFix, LayerOutcome, Shape } from '../layer';
import { differ, dimsText, mapDim, refused, shaped } from './dims';

export const convOp = (layer: ConvLayer): Op => `${layer.transposed ? 'conv_transpose' : 'conv'}${layer.rank}d` as Op;

export const convModuleName = (layer: ConvLayer): string =>
  `${layer.transposed ? 'ConvTranspose' : 'Conv'}${layer.rank}d`;

/** Each spatial axis's parameters, padding "same"/"valid" resolved as PyTorch resolves them; no input size yet. */
export function convAxes(layer: ConvLayer): OutputSizeAxis[] {
  return AXIS_NAMES[layer.rank].map((name, a) => {
    const kernel = layer.kernel[a];
    const dilation = layer.dilation[a];
    const pad =
      layer.padding === 'same'
        ? samePadding(kernel, dilation)
        : layer.padding === 'valid'
          ? { before: 0, after: 0 }
          : { before: layer.padding[a], after: layer.padding[a] };
    return {
      name,
      kernel,
      stride: layer.stride[a],
      padBefore: pad.before,
      padAfter: pad.after,
      dilation,
      outputPadding: layer.outputPadding[a],
    };
  });
}

/** The weight's shape: `[out, in/groups, k…]`, or `[in, out/groups, k…]` for a transposed conv. */
export function convWeightShape(layer: ConvLayer): Dim[] {
  const perGroup = (d: Dim) => mapDim(d, (n) => n / layer.groups);
  const lead = layer.transposed
    ? [layer.inChannels, perGroup(layer.outChannels)]
    : [layer.outChannels, perGroup(layer.inChannels)];
  return [...lead, ...layer.kernel];
}

/** What the module's constructor refuses, in its order and words (`torch.nn.modules.conv`). */
export function convConstructionErrors(layer: ConvLayer): string[] {
  const errors: string[] = [];
  if (layer.transposed && layer.paddingMode !== 'zeros')
    errors.push(`Only "zeros" padding mode is supported for ${convModuleName(layer)}`);
  if (layer.groups <= 0) errors.push('groups must be a positive integer');
  else {
    if (layer.inChannels !== null && layer.inChannels % layer.groups !== 0)
      errors.push('in_channels must be divisible by groups');
    if (layer.outChannels !== null && layer.outChannels % layer.groups !== 0)
      errors.push('out_channels must be divisible by groups');
  }
  if (layer.padding === 'same' && layer.stride.some((s) => s !== 1))
    errors.push("padding='same' is not supported for strided convolutions");
  return errors;
}

/**
 * A transposed conv's output_padding must stay below its stride or its dilation (PyTorch checks it on the first
 * call). A 1-D transposed conv runs as a 2-D one of height 1, so its message names a height too.
 */
export function outputPaddingError(layer: ConvLayer): string | undefined {
  if (!layer.transposed) return undefined;
  const tooLarge = layer.outputPadding.some((p, a) => p >= layer.stride[a] && p >= layer.dilation[a]);
  if (!tooLarge) return undefined;
  const as2d = layer.rank === 1;
  const names = as2d ? ['height', 'width'] : AXIS_NAMES[layer.rank];
  const values = (list: number[], filler: number) => (as2d ? [filler, ...list] : list);
  const part = (label: string, list: number[], filler: number) =>
    values(list, filler).map((v, a) => `${label}_${names[a]}: ${v}`);
  return `output padding must be smaller than either stride or dilation, but got ${[
    ...part('output_padding', layer.outputPadding, 0),
    ...part('stride', layer.stride, 1),
    ...part('dilation', layer.dilation, 1),
  ].join(' ')}`;
}

/** The quick fix for a channel mismatch: `in_channels` set to what the input has, when the groups allow it. */
function inChannelsFix(layer: ConvLayer, channels: number): LayerFix | undefined {
  if (layer.inChannels === null || channels % layer.groups !== 0) return undefined;
  return {
    parameter: 'in_channels',
    value: channels,
    title: `Set in_channels to ${channels} (the input has ${channels} channels)`,
  };
}

/**
 * A padding mode other than zeros pads with `F.pad` before the conv (which then pads nothing): F.pad's own rules and
 * messages come first. Reflection needs a cell to reflect past; a wrap may go round at most once.
 */
function copiedPaddingError(layer: ConvLayer, input: Shape, axes: OutputSizeAxis[]): string | undefined {
  const r = layer.rank;
  const dims = input.length;
  if (r > dims) return 'Padding length too large';
  if (dims !== r + 1 && dims !== r + 2)
    return 'Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now';
  const spatial = input.slice(dims - r);
  if (layer.paddingMode === 'circular') {
    if (dims !== r + 2) return `Invalid padding size, expected ${2 * (dims - 2)} but got ${2 * r}`;
    const wraps = spatial.some((d, a) => d !== null && Math.max(axes[a].padBefore, axes[a].padAfter) > d);
    return wraps ? 'Padding value causes wrapping around more than once.' : undefined;
  }
  if (layer.paddingMode !== 'reflect') return undefined;
  // ReflectionPad checks the last axis first; it names the axis by its argument and dimension.
  for (let a = r - 1; a >= 0; a--) {
    const size = spatial[a];
    const { padBefore, padAfter } = axes[a];
    if (size !== null && Math.max(padBefore, padAfter) >= size) {
      const of = r === 2 ? String(dims) : `[${dimsText(input)}]`;
      return `Argument #${4 + 2 * (r - 1 - a)}: Padding size should be less than the corresponding input dimension, but got: padding (${padBefore}, ${padAfter}) at dimension ${dims - r + a} of input ${of}`;
    }
  }
  return undefined;
}

export function convOutputShape(layer: ConvLayer, input: Shape): LayerOutcome {
  const constructed = convConstructionErrors(layer);
  if (constructed.length > 0) return refused(constructed[0]);
  const r = layer.rank;
  const axes = convAxes(layer);
  const copied = layer.paddingMode !== 'zeros';
  if (copied) {
    const error = copiedPaddingError(layer, input, axes);
    if (error) return refused(error);
  }
  if (input.length !== r + 1 && input.length !== r + 2) {
    return refused(
      `Expected ${r + 1}D (unbatched) or ${r + 2}D (batched) input to ${convOp(layer)}, but got input of size: [${dimsText(input)}]`,
    );
  }
  const batched = input.length === r + 2;
  const [batch, channels, ...spatial] = batched ? input : [1, ...input];

  // PyTorch's messages show the input as the conv gets it: padded by F.pad for a padding mode, and for padding "same"
  // with an odd total, with the extra cell after.
  const shown = spatial.map((d, a) =>
    mapDim(d, (n) => n + axes[a].padAfter + (copied ? axes[a].padBefore : -axes[a].padBefore)),
  );
  const expected = layer.transposed ? layer.inChannels : mapDim(convWeightShape(layer)[1], (n) => n * layer.groups);
  if (differ(channels, expected)) {
    const given = layer.transposed ? 'transposed=1' : `groups=${layer.groups}`;
    return refused(
      `Given ${given}, weight of size [${dimsText(convWeightShape(layer))}], expected input[${dimsText([batch, channels, ...shown])}] to have ${expected} channels, but got ${channels} channels instead`,
      inChannelsFix(layer, channels as number),
    );
  }

  if (!layer.transposed) {
    const padded = spatial.map((d, a) => mapDim(d, (n) => n + axes[a].padBefore + axes[a].padAfter));
    const spans = axes.map((a) => kernelSpan(a.kernel, a.dilation));
    if (padded.some((p, a) => p !== null && p < spans[a])) {
      return refused(
        `Calculated padded input size per channel: (${dimsText(padded, ' x ')}). Kernel size: (${spans.join(' x ')}). Kernel size can't be greater than actual input size`,
      );
    }
  } else {
    const error = outputPaddingError(layer);
    if (error) return refused(error);
  }

  const sizes = spatial.map((d, a) => mapDim(d, (n) => outputLength(layer.transposed, { ...axes[a], input: n })));
  if (layer.transposed && sizes.some((s) => s !== null && s < 1)) {
    // A 1-D transposed conv runs as a 2-D one of height 1.
    const as2d = (dims: Dim[]) => (r === 1 ? [1, ...dims] : dims);
    return refused(
      `Given input size per channel: (${dimsText(as2d(spatial), ' x ')}). Calculated output size per channel: (${dimsText(as2d(sizes), ' x ')}). Output size is too small`,
    );
  }
  return shaped(batched ? [batch, layer.outChannels, ...sizes] : [layer.outChannels, ...sizes]);
}
