/** What `nn.AdaptiveMaxPool*d` / `nn.AdaptiveAvgPool*d` make of an input shape: the sizes asked for, `None` kept. */
import type { AdaptivePoolLayer, LayerOutcome, Shape } from '../layer';
import { dimsText, refused, shaped } from './dims';

function rankError(layer: AdaptivePoolLayer, input: Shape): string | undefined {
  const r = layer.rank;
  // A `None` size is filled in from the input in Python, before any other check.
  if (layer.outputSize.includes(null) && input.length < r + 1) return `Input dimension should be at least ${r + 1}`;
  if (input.length === r + 1 || input.length === r + 2) return undefined;
  const name = `adaptive_${layer.reduction}_pool${r}d`;
  if (r === 1)
    return `Expected 2 to 3 dimensions, but got ${input.length}-dimensional tensor for argument #1 'self' (while checking arguments for ${name})`;
  const got = layer.reduction === 'max' ? 'got:' : 'got';
  return `${name}(): Expected ${r + 1}D or ${r + 2}D tensor, but ${got} [${dimsText(input)}]`;
}

export function adaptivePoolOutputShape(layer: AdaptivePoolLayer, input: Shape): LayerOutcome {
  const error = rankError(layer, input);
  if (error) return refused(error);
  const lead = input.length - layer.rank;
  return shaped([...input.slice(0, lead), ...layer.outputSize.map((size, a) => size ?? input[lead + a])]);
}
