/** Inspection: where each number comes from and goes, the transposed map three ways, exports. Pure, like the engine. */
export { bigIndex, Contact, contactsOfBig, contactsOfSmall } from './contacts';
export { jacobiSvd, JacobiSvdRun, Svd } from './jacobiSvd';
export {
  compareWithInput,
  LEAST_SQUARES_LIMIT,
  leastSquaresAffordable,
  LeastSquaresInverse,
  leastSquaresInverse,
  PseudoInverseRun,
  PseudoInverseSolution,
  timesPseudoInverse,
  withoutBias,
} from './leastSquares';
export { outputAfter, stepCount, StepDetail, stepDetail, StepKind, stepKind, StepTerm } from './stepThrough';
export {
  StretchedCell,
  stretchedCell,
  TransposedAxes,
  transposedAxes,
  TransposedAxis,
  TransposedGeometry,
  transposedGeometry,
} from './transposedGeometry';
export {
  flipKernels,
  maxAbsDifference,
  stretchSource,
  TransposedViews,
  transposedViews,
  transposedViewsCost,
  transposedViewsInSteps,
  transposedViewsUnavailable,
  viaDirectConvolution,
  viaKernelMatrix,
  viaScatter,
} from './transposedViews';
export {
  numpyParameters,
  numpySnippet,
  pythonLiteral,
  pythonNumber,
  pythonTuple,
  reconstructionOutputPadding,
  SnippetOptions,
  torchArguments,
  torchSnippet,
} from './snippets';
