/** The views' numbers: overlap, backward pass, im2col, group blocks. Pure, like the engine. */
export { BackwardPass, backwardPass, CellPair, weightGradientPairs } from './backward';
export { readGradOutput } from './gradOutput';
export { AxisOverlap, overlapCounts, OverlapSummary, overlapSummary, readTapCounts } from './overlap';
export {
  columnOfOutputCell,
  DenseMatrix,
  entriesOfInputCell,
  im2col,
  im2colShape,
  im2colWeight,
  patchOfColumn,
} from './im2col';
export { GroupBlock, groupBlocks, isDepthwise, Span } from './groups';
export { CheckerboardFixes, checkerboardFixes, checkerboardFixGeometries } from './checkerboard';
