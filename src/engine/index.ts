/** The engine's public face: pure TypeScript, no vscode, no DOM. */
export { compute, ConvResult } from './compute';
export { adjoint, forward } from './convolve';
export { kernelMatrix, kernelMatrixNonZeros } from './kernelMatrix';
export { EntryVisitor, KernelMatrixRows } from './kernelMatrixRows';
export { KernelMatrixBins, MatrixWindow, stronger } from './kernelMatrixBins';
export { checkFinite, surelyFinite } from './finite';
export {
  checkIm2colLimits,
  checkLimits,
  checkSelectionLength,
  computeCost,
  DEFAULT_LIMITS,
  im2colCells,
  LimitCheck,
  Limits,
  multiplyAdds,
} from './limits';
export {
  AxisGeometry,
  bigPosition,
  cellsOf,
  ConvGeometry,
  convGeometry,
  divisibleKernel,
  foldPosition,
  Grid,
  kernelSpan,
  outputLength,
  ownAxes,
  PoolAxis,
  poolFormulaLength,
  poolOutputLength,
  samePadding,
  scaledLength,
  shapeOf,
  smallPosition,
  sweptGrid,
  upsampledLength,
  weightShapeOf,
} from './geometry';
export { MAX_ARRAY_CELLS, readNumericArray } from './numericArray';
export { OutputSizeTerms, outputSizeFormulas, outputSizeTerms } from './outputSize';
export {
  OutputSizeAxis,
  OutputSizeExpression,
  outputSizeExpression,
  poolOutputSizeExpression,
  PoolSizeAxis,
  warmUpOutputSizeFormulas,
} from './outputSizeFormula';
export {
  AXIS_NAMES,
  AxisName,
  isTransposed,
  Op,
  OPS,
  PADDING_MODES,
  PaddingKind,
  PaddingMode,
  Rank,
  rankOf,
} from './ops';
export { opForRanks } from './params';
export { fail, ok, Result, SpecError, SpecPath } from './result';
export { CsrMatrix, entryAt, nonZeros, toDense, vecTimes, vecTimesTranspose } from './sparse';
export { ConvProblem, normalizeSpec, opForPair, readInputArray, SPEC_FIELDS } from './spec';
export { forEachTap, TapVisitor } from './taps';
export { forwardInputSizes, outputPaddingAllowed, TransposedSizeAxis, transposedChoices } from './transposedSizes';
export { Nested, Plane, planesOf, Tensor, tensorOf, toNested, Weight } from './tensor';
export * from './inspect';
export * from './views';
