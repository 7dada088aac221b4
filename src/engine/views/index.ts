/** The views' numbers: overlap, backward pass, im2col, group blocks. Pure, like the engine. */
export { AxisOverlap, overlapCounts, OverlapSummary, overlapSummary } from './overlap';
