/** What a hover says about a layer: its output-size formulas, its weight and parameter count, its constraints. */
import { outputLength, poolFormulaLength, poolOutputLength } from '../../engine/geometry';
import { AXIS_NAMES, AxisName } from '../../engine/ops';
import {
  OutputSizeExpression,
  outputSizeExpression,
  outputSizeText,
  poolOutputSizeExpression,
  poolOutputSizeText,
} from '../../engine/outputSizeFormula';
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

type FormulaText = Pick<OutputSizeExpression, 'symbolic' | 'pluggedIn'>;

/** With the input size known the size says it all: simplifying (costly in mathjs) is only for an unknown input. */
function known(name: AxisName, formula: FormulaText, size: number, formulaSize = size): AxisFormula {
  // ceil_mode's rule that the last window start inside the input or its left padding: the formula alone says more.
  const result =
    formulaSize === size
      ? String(size)
      : `${formulaSize}, less the last window, which would start in the padding after the input: ${size}`;
  const text = `${OUTPUT_SYMBOL[name]} = ${formula.pluggedIn} = ${result}`;
  return { name, ...formula, simplified: String(size), value: size, text };
}

function unknown(name: AxisName, expression: OutputSizeExpression): AxisFormula {
  return { name, ...expression, text: `${OUTPUT_SYMBOL[name]} = ${expression.pluggedIn} = ${expression.simplified}` };
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
    const op = convOp(layer);
    return convAxes(layer).map((axis, a) => {
      const size = sizes[a];
      if (size === undefined) return unknown(axis.name, outputSizeExpression(op, axis));
      const withInput = { ...axis, input: size };
      return known(axis.name, outputSizeText(op, withInput), outputLength(layer.transposed, withInput));
    });
  }
  if (layer.kind === 'pool') {
    const sizes = spatialOf(layer.rank, input);
    return AXIS_NAMES[layer.rank].map((name, a) => {
      const axis = {
        name,
        kernel: layer.kernel[a],
        stride: layer.stride[a],
        padding: layer.padding[a],
        dilation: layer.dilation[a],
      };
      const size = sizes[a];
      if (size === undefined) return unknown(name, poolOutputSizeExpression(axis, layer.ceilMode));
      const withInput = { ...axis, input: size };
      const formula = poolOutputSizeText(withInput, layer.ceilMode);
      return known(
        name,
        formula,
        poolOutputLength(withInput, layer.ceilMode),
        poolFormulaLength(withInput, layer.ceilMode),
      );
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

/**
 * The layer's own rules it breaks, whatever its input, in PyTorch's words. `sizedByForward`: every forward call gives
 * this ConvTranspose `output_size=`, so PyTorch picks the output_padding (below the stride) and never checks its own.
 */
export function layerConstraints(layer: Layer, sizedByForward = false): string[] {
  if (layer.kind === 'conv') {
    const outputPadding = sizedByForward ? undefined : outputPaddingError(layer);
    return [...convConstructionErrors(layer), ...(outputPadding ? [outputPadding] : [])];
  }
  if (layer.kind === 'pool') {
    const padding = poolPaddingError(layer);
    return padding ? [padding] : [];
  }
  return [];
}
