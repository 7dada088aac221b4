/** What every literal hover is made of, small or large: its result, and the lines a conv hover starts with. */
import { ConvProblem, outputSizeFormulas, shapeOf } from '../engine';

export interface LiteralHover {
  markdown: string;
  /** Whether the literal describes a valid convolution, which the hover's link opens in the panel. */
  opensInPanel: boolean;
}

export const dims = (d: readonly number[]): string => d.join('×');

/** A conv hover's first lines: op, shapes, and the output-size formula with its numbers. */
export function problemSummary(problem: ConvProblem): string[] {
  const { input, weight, geometry: g } = problem;
  const mode = g.paddingMode === 'zeros' ? '' : ` · padding_mode \`${g.paddingMode}\``;
  return [
    `**ConvLens** · \`${g.op}\`${mode} · input ${dims(shapeOf(g, input))} · weight ${dims([weight.dims[0], weight.dims[1], ...weight.dims.slice(5 - g.rank)])} → output **${dims(shapeOf(g, g.output))}**`,
    '',
    ...outputSizeFormulas(g).map((t) => `- ${t.name}: \`${t.substituted}\``),
  ];
}
