/** What every hover says: a literal's name by rank; for a conv, op, shapes, layouts and the output-size formulas. */
import { ConvProblem, outputSizeFormulas, shapeOf } from '../engine';
import { inputLayout, weightLayout, weightShape } from '../engine/inspect/snippetParts';

export interface LiteralHover {
  markdown: string;
  /** Whether the literal describes a valid convolution, which the hover's link opens in the panel. */
  opensInPanel: boolean;
}

export const dims = (d: readonly number[]): string => d.join('×');

/** What a lone literal of each rank is called: a list, a matrix, or an array of three or more dimensions. */
export const literalWord = (rank: number): string => (rank === 1 ? 'list' : rank === 2 ? 'matrix' : 'array');

/** How PyTorch's docs name each axis's sizes: `L_out`, `D_out`, `H_out`, `W_out`. */
const SYMBOL = { length: 'L', depth: 'D', height: 'H', width: 'W' } as const;

export function problemSummary(problem: ConvProblem): string[] {
  const { input, geometry: g } = problem;
  const mode = g.paddingMode === 'zeros' ? '' : ` · padding_mode \`${g.paddingMode}\``;
  // The output has the input's spatial axes, with the output channels in front.
  const outputLayout = inputLayout(problem).replace('[C_in]', '[C_out]');
  return [
    `**ConvLens** · \`${g.op}\`${mode} · input ${dims(shapeOf(g, input))} · weight ${dims(weightShape(problem))} → output **${dims(shapeOf(g, g.output))}**`,
    '',
    `input \`${inputLayout(problem)}\` · weight \`${weightLayout(problem)}\` · output \`${outputLayout}\``,
    '',
    ...outputSizeFormulas(g).map((t) => `- \`${SYMBOL[t.name]}_out = ${t.substituted}\``),
  ];
}
