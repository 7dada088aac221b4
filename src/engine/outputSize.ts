import { OutputSizeAxis, outputSizeText } from './outputSizeFormula';
import { ConvParams, Op } from './params';

/** One axis of the output-size formula with every term, so a UI can show the numbers plugged in. */
export interface OutputSizeTerms extends Required<OutputSizeAxis> {
  op: Op;
  size: number;
  /** The symbolic formula, e.g. `floor((H_in + 2*padding - dilation*(k - 1) - 1) / stride) + 1`. */
  formula: string;
  /** The same formula with this axis's numbers, ending in `= size`. */
  substituted: string;
}

/**
 * conv2d:           floor((H_in + pad_before + pad_after - dilation*(k - 1) - 1) / stride) + 1
 * conv_transpose2d: (H_in - 1)*stride - 2*padding + dilation*(k - 1) + output_padding + 1
 * The size is plain integer arithmetic (every spec needs it); the text comes from the formula's expression tree.
 */
export function outputSizeAxis(
  params: ConvParams,
  axisIndex: 0 | 1,
  inputSize: number,
  kernelSize: number,
): OutputSizeTerms {
  const axis = {
    axis: axisIndex === 0 ? 'height' : 'width',
    inputSize,
    kernelSize,
    stride: params.stride[axisIndex],
    padBefore: params.padBefore[axisIndex],
    padAfter: params.padAfter[axisIndex],
    dilation: params.dilation[axisIndex],
    outputPadding: params.outputPadding[axisIndex],
  } as const;
  const { stride: s, padBefore: pb, padAfter: pa, dilation: d, outputPadding: op } = axis;
  const size =
    params.op === 'conv2d'
      ? Math.floor((inputSize + pb + pa - d * (kernelSize - 1) - 1) / s) + 1
      : (inputSize - 1) * s - 2 * pb + d * (kernelSize - 1) + op + 1;
  const { symbolic, pluggedIn } = outputSizeText(params.op, axis);
  return { ...axis, op: params.op, size, formula: symbolic, substituted: `${pluggedIn} = ${size}` };
}
