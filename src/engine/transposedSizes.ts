/**
 * Why output_padding exists: a strided conv maps several input sizes onto one output size, so the transposed conv
 * that undoes it has to be told which of them to give back. Sizes come from the geometry's `outputLength`; the layer
 * hover, its quick fixes and the panel all read them here.
 */
import { outputLength } from './geometry';

/** One axis of a transposed conv: kernel, stride, dilation and its input size (padding is what the solver chooses). */
export interface TransposedSizeAxis {
  kernel: number;
  stride: number;
  dilation: number;
  input: number;
}

/** PyTorch takes an output_padding below the stride or below the dilation. */
export const outputPaddingAllowed = (axis: Pick<TransposedSizeAxis, 'stride' | 'dilation'>, outputPadding: number) =>
  outputPadding >= 0 && (outputPadding < axis.stride || outputPadding < axis.dilation);

const transposedLength = (axis: TransposedSizeAxis, padding: number, outputPadding: number) =>
  outputLength(true, { ...axis, padBefore: padding, padAfter: padding, outputPadding });

/**
 * Every input size of the forward conv (same kernel, stride, padding, dilation) that it maps onto the transposed
 * conv's input size, with the output_padding that makes the transposed conv give that size back.
 */
export function forwardInputSizes(
  axis: TransposedSizeAxis,
  padding: number,
): { size: number; outputPadding: number }[] {
  const found: { size: number; outputPadding: number }[] = [];
  for (let outputPadding = 0; outputPaddingAllowed(axis, outputPadding); outputPadding++) {
    const size = transposedLength(axis, padding, outputPadding);
    const forward = { ...axis, input: size, padBefore: padding, padAfter: padding, outputPadding: 0 };
    if (size >= 1 && outputLength(false, forward) === axis.input) found.push({ size, outputPadding });
  }
  return found;
}

/** Every (padding, output_padding) that gives a transposed conv an output of `target` cells, smallest padding first. */
export function transposedChoices(
  axis: TransposedSizeAxis,
  target: number,
): { padding: number; outputPadding: number }[] {
  const choices: { padding: number; outputPadding: number }[] = [];
  // The output shrinks by 2 per padding cell, so beyond the unpadded output no padding is too little.
  const largest = transposedLength(axis, 0, 0);
  for (let padding = 0; 2 * padding <= largest + Math.max(axis.stride, axis.dilation); padding++) {
    for (let outputPadding = 0; outputPaddingAllowed(axis, outputPadding); outputPadding++) {
      if (transposedLength(axis, padding, outputPadding) === target) choices.push({ padding, outputPadding });
    }
  }
  return choices;
}
