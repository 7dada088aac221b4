/** The shapes through a stack of layers, step by step, up to the first step that refuses its input. */
import type { Layer, LayerFix, OutputSizeRequest, Shape } from '../layer';
import { outputShape } from './outputShape';

export interface StackShapes {
  /** The shape after each step that ran, in order. */
  shapes: Shape[];
  /** The step (its index in the stack) that refused its input, PyTorch's message, and a fix where there is one. */
  failure?: { step: number; input: Shape; message: string; fix?: LayerFix };
}

/** `outputSizes[i]`: the `output_size=` step i's forward call is given, when it is. */
export function shapesThrough(
  steps: readonly Layer[],
  input: Shape,
  outputSizes: readonly (OutputSizeRequest | undefined)[] = [],
): StackShapes {
  const shapes: Shape[] = [];
  let current = input;
  for (const [step, layer] of steps.entries()) {
    const outcome = outputShape(layer, current, outputSizes[step]);
    if (!outcome.ok) return { shapes, failure: { step, input: current, message: outcome.message, fix: outcome.fix } };
    shapes.push(outcome.shape);
    current = outcome.shape;
  }
  return { shapes };
}
