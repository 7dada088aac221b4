/** The shapes of PyTorch layers: what comes out of each, PyTorch's messages, quick fixes, formulas. */
export { outputShape } from './outputShape';
export { shapesThrough, StackShapes } from './shapesThrough';
export { applyFix, transposedSizeFixes } from './fixes';
export { forwardInputSizes, outputPaddingAllowed, TransposedAxis, transposedChoices } from './transposedSizes';
export { AxisFormula, layerConstraints, layerParameters, outputSizeFormulas } from './layerFacts';
export { ReceptiveField, receptiveFields } from './receptiveField';
export { LayerSpec, layerSpec } from './layerSpec';
