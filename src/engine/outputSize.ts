import { AxisGeometry, ConvGeometry, ownAxes } from './geometry';
import { OutputSizeAxis, outputSizeText } from './outputSizeFormula';
import { Op } from './ops';

/** One axis of the output-size formula in symbols and with its numbers plugged in, for a person to read. */
export interface OutputSizeTerms {
  name: AxisGeometry['name'];
  size: number;
  /** The symbolic formula, e.g. `floor((H_in + 2*padding - dilation*(k - 1) - 1) / stride) + 1`. */
  formula: string;
  /** The same formula with this axis's numbers, ending in `= size`. */
  substituted: string;
}

/**
 * conv:       floor((H_in + pad_before + pad_after - dilation*(k - 1) - 1) / stride) + 1
 * transposed: (H_in - 1)*stride - 2*padding + dilation*(k - 1) + output_padding + 1
 * The size comes from the geometry (`outputLength`); the text from the formula's expression tree.
 */
export function outputSizeTerms(op: Op, axis: OutputSizeAxis & { input: number }, size: number): OutputSizeTerms {
  const { symbolic, pluggedIn } = outputSizeText(op, axis);
  return { name: axis.name, size, formula: symbolic, substituted: `${pluggedIn} = ${size}` };
}

/** The formula of each of the op's own axes, with the geometry's numbers. */
export const outputSizeFormulas = (g: ConvGeometry): OutputSizeTerms[] =>
  ownAxes(g).map((a) => outputSizeTerms(g.op, a, a.output));
