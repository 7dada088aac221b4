/** Turns a validated problem into what the panel draws: its spec, sizes and numbers, without its results. */
import { ConvProblem, outputSizeFormulas } from '../engine';
import { ConvView, NumberFormat } from '../protocol/messages';
import { isLayerSample } from '../python/shapes/layerSpec';

/** What a job gives the panel: the view without its title and number format, which only the host knows. */
export type ComputedView = Omit<ConvView, 'source' | 'format'>;

export function buildConvView(problem: ConvProblem, spec: Record<string, unknown>): ComputedView {
  return {
    spec,
    geometry: problem.geometry,
    formulas: outputSizeFormulas(problem.geometry),
    input: problem.input,
    weight: problem.weight,
    bias: problem.bias,
    ...(isLayerSample(spec) && { layerSample: true }),
  };
}

/** A computed view as the host shows it: titled with where it came from, in the user's number format. */
export function titledView(computed: ComputedView, source: string, format: NumberFormat): ConvView {
  return { ...computed, source, format };
}
