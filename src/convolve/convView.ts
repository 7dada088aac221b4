/** Turns a validated problem into what the panel draws: the one place the host computes for the webview. */
import { compute, ConvProblem, ConvResult, outputSizeFormulas } from '../engine';
import { ConvView, NumberFormat } from '../protocol/messages';
import { isLayerSample } from '../python/shapes/layerSpec';

/** What a computation gives the panel: the view without its title and number format, which only the host knows. */
export type ComputedView = Omit<ConvView, 'source' | 'format'>;

export function buildConvView(
  problem: ConvProblem,
  spec: Record<string, unknown>,
  result: ConvResult = compute(problem),
): ComputedView {
  return {
    spec,
    geometry: problem.geometry,
    formulas: outputSizeFormulas(problem.geometry),
    input: problem.input,
    weight: problem.weight,
    bias: problem.bias,
    output: result.output,
    reconstruction: result.reconstruction,
    ...(isLayerSample(spec) && { layerSample: true }),
  };
}

/** A computed view as the host shows it: titled with where it came from, in the user's number format. */
export function titledView(computed: ComputedView, source: string, format: NumberFormat): ConvView {
  return { ...computed, source, format };
}
