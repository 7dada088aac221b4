/** The engine's public face: pure TypeScript, no vscode, no DOM. */
export { compute, ConvResult } from './compute';
export { adjoint, forward } from './convolve';
export { kernelMatrix, kernelMatrixNonZeros } from './kernelMatrix';
export { EntryVisitor, KernelMatrixRows } from './kernelMatrixRows';
export { checkFinite } from './finite';
export {
  checkLimits,
  checkSelectionLength,
  computeCost,
  DEFAULT_LIMITS,
  LimitCheck,
  Limits,
  multiplyAdds,
  sweptGrid,
} from './limits';
export { MAX_ARRAY_CELLS, readNumericArray } from './numericArray';
export { OutputSizeTerms, outputSizeAxis } from './outputSize';
export {
  OutputSizeAxis,
  OutputSizeExpression,
  outputSizeExpression,
  warmUpOutputSizeFormulas,
} from './outputSizeFormula';
export { ConvParams, Op, Pair } from './params';
export { fail, ok, Result, SpecError, SpecPath } from './result';
export { CsrMatrix, entryAt, nonZeros, toDense, vecTimes, vecTimesTranspose } from './sparse';
export { ConvProblem, normalizeSpec, readInput, SPEC_FIELDS } from './spec';
export { forEachTap, TapVisitor } from './taps';
export { cellCount, Nested, Tensor3, tensor3, tensor3ToNested, toNested, Weight } from './tensor';
export * from './inspect';
