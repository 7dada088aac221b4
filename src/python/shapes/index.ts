/** The shapes of PyTorch layers: what comes out of each, PyTorch's messages, quick fixes, formulas. */
export { outputShape } from './outputShape';
export { shapesThrough, StackShapes } from './shapesThrough';
export { applyFix, transposedSizeFixes } from './fixes';
export { forwardInputSizes, outputPaddingAllowed, transposedChoices } from '../../engine/transposedSizes';
export { AxisFormula, layerConstraints, layerParameters, outputSizeFormulas } from './layerFacts';
export { ReceptiveField, receptiveFields } from './receptiveField';
export { LayerSpec, layerSpec } from './layerSpec';
