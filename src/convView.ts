/** Turns a validated problem into what the panel draws: the one place the host computes for the webview. */
import { compute, ConvProblem, ConvResult, kernelMatrix } from './engine';
import { ConvView, NumberFormat } from './protocol';

export function buildConvView(problem: ConvProblem, spec: Record<string, unknown>, source: string, format: NumberFormat, result: ConvResult = compute(problem)): ConvView {
  return {
    source,
    spec,
    params: problem.params,
    outputSize: problem.outputSize,
    input: problem.input,
    weight: problem.weight,
    bias: problem.bias,
    output: result.output,
    reconstruction: result.reconstruction,
    kernelMatrix: kernelMatrix(problem),
    format,
  };
}
