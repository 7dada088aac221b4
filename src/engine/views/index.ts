/** The views' numbers: overlap, backward pass, im2col, group blocks. Pure, like the engine. */
export { BackwardPass, backwardPass, CellPair, weightGradientPairs } from './backward';
export { readGradOutput } from './gradOutput';
export { AxisOverlap, overlapCounts, OverlapSummary, overlapSummary } from './overlap';
