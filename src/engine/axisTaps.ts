import { ConvProblem } from './spec';

/**
 * For one axis, the kernel taps that reach each position of the matrix's row grid (the conv's input), as
 * parallel lists sorted by the output position they reach: `kernelIndex[p]` and `outputIndex[p]` for
 * `p` in `start[i] .. start[i + 1]`. Rows of M are products of these lists, already in column order.
 */
export interface AxisTaps {
  start: Int32Array;
  kernelIndex: Int32Array;
  outputIndex: Int32Array;
}

/**
 * `small = (big + pad - k*dilation) / stride` (conv2d: the input is the big grid, read at each output) or
 * `big = small*stride - pad + k*dilation` (conv_transpose2d: the input is the small grid, scattered).
 */
export function axisTaps(problem: ConvProblem, axis: 0 | 1): AxisTaps {
  const { params, input, output, weight } = problem;
  const transposed = params.op === 'conv_transpose2d';
  const inSize = axis === 0 ? input.height : input.width;
  const outSize = axis === 0 ? output.height : output.width;
  const k = weight.dims[2 + axis];
  const stride = params.stride[axis];
  const pad = params.padBefore[axis];
  const dilation = params.dilation[axis];
  const start = new Int32Array(inSize + 1);
  const kernelIndex: number[] = [];
  const outputIndex: number[] = [];
  for (let i = 0; i < inSize; i++) {
    // Walking k in the direction that makes the output position grow keeps each list sorted.
    for (let step = 0; step < k; step++) {
      const tap = transposed ? step : k - 1 - step;
      let o: number;
      if (transposed) o = i * stride - pad + tap * dilation;
      else {
        const scaled = i + pad - tap * dilation;
        if (scaled % stride !== 0) continue;
        o = scaled / stride;
      }
      if (o < 0 || o >= outSize) continue;
      kernelIndex.push(tap);
      outputIndex.push(o);
    }
    start[i + 1] = kernelIndex.length;
  }
  return { start, kernelIndex: Int32Array.from(kernelIndex), outputIndex: Int32Array.from(outputIndex) };
}
