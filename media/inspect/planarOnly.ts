import type { ConvGeometry } from '../../src/engine';

/**
 * Why an inspection section built on the planar, zero-padded contacts (the step-through, the transposed faces) is
 * not drawn for this op, in one line; undefined when it is. `what` names the section, e.g. "The step-through".
 */
export function whyNotDrawn(g: ConvGeometry, what: string): string | undefined {
  if (g.rank === 3)
    return `${what} is drawn for 1-D and 2-D ops only: a ${g.op} window spans depth slices, which it does not show yet.`;
  if (g.paddingMode !== 'zeros')
    return `${what} knows only zero padding; padding_mode "${g.paddingMode}" copies input cells into the padding (see the input above and M), which it does not show yet.`;
  return undefined;
}
