/** The vocabulary of convolutions: the ops, their ranks and axes, the padding modes. */

export const OPS = ['conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d'] as const;
export type Op = (typeof OPS)[number];

/** How many spatial axes an op convolves over. */
export type Rank = 1 | 2 | 3;

export const rankOf = (op: Op): Rank => Number(op.charAt(op.length - 2)) as Rank;
export const isTransposed = (op: Op): boolean => op.startsWith('conv_transpose');

/** The spatial axes an op of each rank has, in the order its shapes list them. */
export type AxisName = 'length' | 'depth' | 'height' | 'width';
export const AXIS_NAMES: Readonly<Record<Rank, readonly AxisName[]>> = {
  1: ['length'],
  2: ['height', 'width'],
  3: ['depth', 'height', 'width'],
};

/** What a padded cell holds: zero, or a copy of an input cell (`nn.ConvNd(padding_mode=...)`). */
export const PADDING_MODES = ['zeros', 'reflect', 'replicate', 'circular'] as const;
export type PaddingMode = (typeof PADDING_MODES)[number];

/** How padding was written: explicit numbers, or PyTorch's string paddings (non-transposed ops only). */
export type PaddingKind = 'explicit' | 'same' | 'valid';
