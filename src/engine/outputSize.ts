import { ConvParams, Op } from './params';

/** One axis of the output-size formula with every term, so a UI can show the numbers plugged in. */
export interface OutputSizeTerms {
  axis: 'height' | 'width';
  op: Op;
  inputSize: number;
  kernelSize: number;
  stride: number;
  padBefore: number;
  padAfter: number;
  dilation: number;
  outputPadding: number;
  size: number;
  /** The symbolic formula, e.g. `floor((H + 2p - d(k-1) - 1) / s) + 1`. */
  formula: string;
  /** The same formula with this axis's numbers, ending in `= size`. */
  substituted: string;
}

/**
 * conv2d:           floor((H_in + pad_before + pad_after - dilation*(k - 1) - 1) / stride) + 1
 * conv_transpose2d: (H_in - 1)*stride - 2*padding + dilation*(k - 1) + output_padding + 1
 */
export function outputSizeAxis(
  params: ConvParams,
  axisIndex: 0 | 1,
  inputSize: number,
  kernelSize: number,
): OutputSizeTerms {
  const axis = axisIndex === 0 ? 'height' : 'width';
  const s = params.stride[axisIndex];
  const pb = params.padBefore[axisIndex];
  const pa = params.padAfter[axisIndex];
  const d = params.dilation[axisIndex];
  const op = params.outputPadding[axisIndex];
  const base = {
    axis,
    op: params.op,
    inputSize,
    kernelSize,
    stride: s,
    padBefore: pb,
    padAfter: pa,
    dilation: d,
    outputPadding: op,
  } as const;
  if (params.op === 'conv2d') {
    const size = Math.floor((inputSize + pb + pa - d * (kernelSize - 1) - 1) / s) + 1;
    const pads = pb === pa ? `2*${pb}` : `${pb} + ${pa}`;
    return {
      ...base,
      size,
      formula:
        pb === pa
          ? 'floor((in + 2*padding - dilation*(k - 1) - 1) / stride) + 1'
          : 'floor((in + pad_before + pad_after - dilation*(k - 1) - 1) / stride) + 1',
      substituted: `floor((${inputSize} + ${pads} - ${d}*(${kernelSize} - 1) - 1) / ${s}) + 1 = ${size}`,
    };
  }
  const size = (inputSize - 1) * s - 2 * pb + d * (kernelSize - 1) + op + 1;
  return {
    ...base,
    size,
    formula: '(in - 1)*stride - 2*padding + dilation*(k - 1) + output_padding + 1',
    substituted: `(${inputSize} - 1)*${s} - 2*${pb} + ${d}*(${kernelSize} - 1) + ${op} + 1 = ${size}`,
  };
}
