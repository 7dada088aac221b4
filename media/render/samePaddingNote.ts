import { ownAxes, type AxisName, type ConvGeometry } from '../../src/engine';
import { el } from '../dom';

/** Where "before" and "after" lie along each axis, as the drawn planes show them. */
const SIDES: Readonly<Record<AxisName, readonly [string, string]>> = {
  length: ['left', 'right'],
  width: ['left', 'right'],
  height: ['top', 'bottom'],
  depth: ['front', 'back'],
};

/**
 * How padding "same" was split, axis by axis, and PyTorch's rules for it: the span's extra cells halved, the odd one
 * after (an even kernel with an odd dilation makes the total odd); no "same" with a stride above 1. Undefined for any
 * other padding.
 */
export function samePaddingNote(g: ConvGeometry): HTMLElement | undefined {
  if (g.paddingKind !== 'same') return undefined;
  const uneven = ownAxes(g).some((a) => a.padBefore !== a.padAfter);
  return el(
    'div',
    { class: 'same-padding', 'data-role': 'same-padding' },
    el(
      'p',
      { class: 'lead' },
      el('code', {}, 'padding="same"'),
      ' keeps the input’s size: a window spans dilation·(k − 1) cells more than the one it writes, so each axis pads that many. PyTorch puts half before and the odd cell, if any, after',
      uneven ? ' (an even kernel with an odd dilation makes the split uneven)' : '',
      '; it refuses "same" with a stride above 1, where no padding keeps the size.',
    ),
    el(
      'dl',
      { class: 'params same-split' },
      ...ownAxes(g).map((a) => {
        const [before, after] = SIDES[a.name];
        return el(
          'div',
          { class: 'param', 'data-axis': a.name },
          el('dt', {}, a.name),
          el(
            'dd',
            {},
            `${a.dilation}·(${a.kernel} − 1) = ${a.padBefore + a.padAfter} → ${a.padBefore} before (${before}), ${a.padAfter} after (${after})`,
          ),
        );
      }),
    ),
  );
}
