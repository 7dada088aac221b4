/** What `nn.BatchNorm*d` / `nn.InstanceNorm*d` make of an input shape: the same shape, once rank and channels pass. */
import type { LayerOutcome, NormLayer, Shape } from '../layer';
import { differ, refused, shaped } from './dims';

/** The input ranks each norm takes: BatchNorm2d batched only, BatchNorm1d also `(N, C)`, InstanceNorm unbatched too. */
function ranksTaken(layer: NormLayer): number[] {
  const r = layer.rank;
  if (layer.torchName.startsWith('BatchNorm')) return r === 1 ? [2, 3] : [r + 2];
  return [r + 1, r + 2];
}

export function normOutputShape(layer: NormLayer, input: Shape): LayerOutcome {
  const known = layer.torchName.startsWith('BatchNorm') || layer.torchName.startsWith('InstanceNorm');
  if (!known) return shaped(input);
  const ranks = ranksTaken(layer);
  if (!ranks.includes(input.length))
    return refused(`expected ${ranks.map((n) => `${n}D`).join(' or ')} input (got ${input.length}D input)`);
  // InstanceNorm (without affine or running stats, its defaults) keeps no per-channel state to check.
  const channels = input[1];
  if (layer.torchName.startsWith('BatchNorm') && differ(channels, layer.numFeatures)) {
    return refused(`running_mean should contain ${channels} elements not ${layer.numFeatures}`, {
      parameter: 'num_features',
      value: channels as number,
      title: `Set num_features to ${channels} (the input has ${channels} channels)`,
    });
  }
  return shaped(input);
}
