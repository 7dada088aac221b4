import type { ConvProblem } from '../engine';
import type { ConvView } from '../protocol';

/** The engine's problem as far as the view carries it: enough for `forEachTap` to name the weight behind each entry of
 * M. */
export function problemOf(view: ConvView): ConvProblem {
  const { channels, height, width } = view.output;
  return {
    params: view.params,
    input: view.input,
    weight: view.weight,
    bias: view.bias,
    output: { channels, height, width },
    outputSize: view.outputSize,
    inputWasMatrix: view.input.channels === 1,
    weightWasMatrix: view.weight.dims[0] * view.weight.dims[1] === 1,
  };
}
