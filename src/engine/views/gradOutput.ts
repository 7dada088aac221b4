import { ConvGeometry, shapeOf } from '../geometry';
import { readNumericArray } from '../numericArray';
import { fail, ok, Result } from '../result';
import { Tensor, tensorOf } from '../tensor';

/**
 * The spec's optional `grad_output`, the loss's gradient at the output: the output's shape, channels first, or
 * without the channel axis when there is one output channel (as `input` may be written). Undefined when absent.
 */
export function readGradOutput(spec: Record<string, unknown>, g: ConvGeometry): Result<Tensor | undefined> {
  if (spec.grad_output === undefined || spec.grad_output === null) return ok(undefined);
  const read = readNumericArray(spec.grad_output, 'grad_output', ['grad_output']);
  if (!read.ok) return read;
  const full = shapeOf(g, g.output);
  const { shape, data } = read.value;
  const fits = (want: number[]) => want.length === shape.length && want.every((n, i) => n === shape[i]);
  if (!fits(full) && !(g.output.channels === 1 && fits(full.slice(1)))) {
    return fail(
      `grad_output must have the output's shape [${full.join(', ')}], but it has shape [${shape.join(', ')}].`,
      ['grad_output'],
    );
  }
  return ok(tensorOf(g.output, data));
}
