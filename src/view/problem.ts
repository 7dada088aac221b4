import type { ConvProblem } from '../engine';
import type { ConvView } from '../protocol/messages';

/** The engine's problem as far as the view carries it: enough for `forEachTap` to name the weight behind each entry of
 * M. */
export function problemOf(view: Pick<ConvView, 'geometry' | 'input' | 'weight' | 'bias'>): ConvProblem {
  return { geometry: view.geometry, input: view.input, weight: view.weight, bias: view.bias };
}
