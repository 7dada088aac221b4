/** The lines every conv hover starts with: op, shapes, and the output-size formula with its numbers. */
import { ConvProblem, outputSizeFormulas, shapeOf } from './engine';

export const dims = (d: readonly number[]): string => d.join('×');

export function problemSummary(problem: ConvProblem): string[] {
  const { input, weight, geometry: g } = problem;
  const mode = g.paddingMode === 'zeros' ? '' : ` · padding_mode \`${g.paddingMode}\``;
  return [
    `**ConvLens** · \`${g.op}\`${mode} · input ${dims(shapeOf(g, input))} · weight ${dims([weight.dims[0], weight.dims[1], ...weight.dims.slice(5 - g.rank)])} → output **${dims(shapeOf(g, g.output))}**`,
    '',
    ...outputSizeFormulas(g).map((t) => `- ${t.name}: \`${t.substituted}\``),
  ];
}
