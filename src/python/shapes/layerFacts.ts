/** What a hover says about a layer: its output-size formulas, its weight and parameter count, its constraints. */
import { poolOutputLength } from '../../engine/geometry';
import { AXIS_NAMES, AxisName } from '../../engine/ops';
import { OutputSizeExpression, outputSizeExpression, poolOutputSizeExpression } from '../../engine/outputSizeFormula';
import type { Dim, Layer, Shape } from '../layer';
import { convAxes, convConstructionErrors, convOp, convWeightShape, outputPaddingError } from './conv';
import { productOf } from './dims';
import { poolPaddingError } from './pool';

const OUTPUT_SYMBOL: Readonly<Record<AxisName, string>> = {
  length: 'L_out',
  depth: 'D_out',
  height: 'H_out',
  width: 'W_out',
};

export interface AxisFormula extends OutputSizeExpression {
  name: AxisName;
  /**
   * `H_out = floor((H_in + 2*1 - 1*(3 - 1) - 1) / 2) + 1 = floor((H_in - 1) / 2) + 1`, or `... = 16` when the input
   * size is known.
   */
  text: string;
}

function axisFormula(name: AxisName, expression: OutputSizeExpression, size?: number): AxisFormula {
  let result = size === undefined ? expression.simplified : String(size);
  // ceil_mode's rule that the last window start inside the input or its left padding: the formula alone says more.
  if (size !== undefined && expression.value !== size)
    result = `${expression.value}, less the last window, which would start in the padding after the input: ${size}`;
  const text = `${OUTPUT_SYMBOL[name]} = ${expression.pluggedIn} = ${result}`;
  return { name, ...expression, text };
}

/** The input's spatial sizes along the layer's axes, where the input has them (batched or not). */
function spatialOf(rank: number, input?: Shape): (number | undefined)[] {
  const fits = input && (input.length === rank + 1 || input.length === rank + 2);
  return Array.from({ length: rank }, (_, a) => (fits ? (input[input.length - rank + a] ?? undefined) : undefined));
}

/** The output-size formula of each spatial axis of a conv or a pool; none for the other layers. */
export function outputSizeFormulas(layer: Layer, input?: Shape): AxisFormula[] {
  if (layer.kind === 'conv') {
    const sizes = spatialOf(layer.rank, input);
    return convAxes(layer).map((axis, a) => {
      const expression = outputSizeExpression(convOp(layer), { ...axis, input: sizes[a] });
      return axisFormula(axis.name, expression, expression.value);
    });
  }
  if (layer.kind === 'pool') {
    const sizes = spatialOf(layer.rank, input);
    return AXIS_NAMES[layer.rank].map((name, a) => {
      const axis = {
        kernel: layer.kernel[a],
        stride: layer.stride[a],
        padding: layer.padding[a],
        dilation: layer.dilation[a],
      };
      const input = sizes[a];
      const expression = poolOutputSizeExpression({ name, ...axis, input }, layer.ceilMode);
      const size = input === undefined ? undefined : poolOutputLength({ ...axis, input }, layer.ceilMode);
      return axisFormula(name, expression, size);
    });
  }
  return [];
}

/** The weight's shape (when the layer has one) and the number of trainable parameters, bias included. */
export function layerParameters(layer: Layer): { weight?: Dim[]; count: Dim } {
  switch (layer.kind) {
    case 'conv': {
      const weight = convWeightShape(layer);
      const biases = layer.bias ? layer.outChannels : 0;
      const count = productOf(weight);
      return { weight, count: count === null || biases === null ? null : count + biases };
    }
    case 'linear':
      return {
        weight: [layer.outFeatures, layer.inFeatures],
        count: layer.outFeatures * layer.inFeatures + (layer.bias ? layer.outFeatures : 0),
      };
    case 'norm':
      // BatchNorm learns a scale and a shift per channel by default; InstanceNorm (affine=False) learns none.
      return layer.torchName.startsWith('BatchNorm')
        ? { weight: [layer.numFeatures], count: 2 * layer.numFeatures }
        : { count: 0 };
    default:
      return { count: 0 };
  }
}

/** The layer's own rules it breaks, whatever its input, in PyTorch's words. */
export function layerConstraints(layer: Layer): string[] {
  if (layer.kind === 'conv') {
    const outputPadding = outputPaddingError(layer);
    return [...convConstructionErrors(layer), ...(outputPadding ? [outputPadding] : [])];
  }
  if (layer.kind === 'pool') {
    const padding = poolPaddingError(layer);
    return padding ? [padding] : [];
  }
  return [];
}
