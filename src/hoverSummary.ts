/** The lines every conv hover starts with: op, shapes, and the output-size formula with its numbers. */
import { ConvProblem } from './engine';

export const dims = (d: readonly number[]): string => d.join('×');

export function problemSummary(problem: ConvProblem): string[] {
  const { input, weight, output, params } = problem;
  return [
    `**ConvLens** · \`${params.op}\` · input ${dims([input.channels, input.height, input.width])} · weight ${dims(weight.dims)} → output **${dims([output.channels, output.height, output.width])}**`,
    '',
    ...problem.outputSize.map((t) => `- ${t.axis}: \`${t.substituted}\``),
  ];
}
