import { forwardInputSizes, ownAxes, type AxisGeometry, type ConvGeometry } from '../../src/engine';
import { el } from '../dom';

/** The forward conv's output size for input `n`, PyTorch's formula with this axis's numbers. */
const forwardText = (a: AxisGeometry, n: number | string) =>
  `floor((${n} + 2·${a.padBefore} − ${a.dilation}·(${a.kernel} − 1) − 1) / ${a.stride}) + 1`;

/** The transposed conv's output size for output_padding `op`, PyTorch's formula with this axis's numbers. */
const transposedText = (a: AxisGeometry, op: number | string) =>
  `(${a.input} − 1)·${a.stride} − 2·${a.padBefore} + ${a.dilation}·(${a.kernel} − 1) + ${op} + 1`;

/** One axis: every forward input size that lands on this input size, the one output_padding picks marked. */
function axisEntry(forward: string, a: AxisGeometry): HTMLElement {
  const sizes = forwardInputSizes(a, a.padBefore);
  const picked = sizes.find((s) => s.outputPadding === a.outputPadding);
  const list = sizes.map((s) => s.size).join(', ');
  return el(
    'div',
    {
      class: 'transposed-axis',
      role: 'group',
      'aria-label': `${a.name}: ${forward} maps ${list} to ${a.input}`,
      'data-axis': a.name,
      'data-input': a.input,
      'data-output': a.output,
    },
    el(
      'p',
      { class: 'transposed-axis-lead' },
      el('strong', {}, a.name),
      sizes.length > 1
        ? `: ${forward} maps ${sizes.length} input sizes, ${list}, all to ${a.input}`
        : `: ${forward} maps only ${list} to ${a.input}`,
    ),
    el(
      'ul',
      { class: 'forward-sizes' },
      ...sizes.map((s) => {
        const chosen = s === picked;
        return el(
          'li',
          {
            class: chosen ? 'forward-size picked' : 'forward-size',
            'data-input-size': s.size,
            'data-output-padding': s.outputPadding,
            'aria-current': chosen ? 'true' : undefined,
          },
          el('code', {}, `${forwardText(a, s.size)} = ${a.input}`),
          el('span', { class: 'pick' }, ` ← output_padding ${s.outputPadding}`, chosen ? ' (this one)' : ''),
        );
      }),
    ),
    el(
      'p',
      { class: 'transposed-back' },
      `Back: output_padding ${a.outputPadding} gives `,
      el('code', {}, `${transposedText(a, a.outputPadding)} = ${a.output}`),
      // output_padding may reach past the stride when the dilation allows it; no forward conv of that size comes here.
      picked ? '' : ` — a size ${forward} does not map to ${a.input} (output_padding is not below the stride)`,
      '.',
    ),
  );
}

/**
 * Why output_padding exists: a strided forward conv with this geometry sends several input sizes onto the transposed
 * conv's input size, so going back the transpose cannot know which was meant; output_padding picks one. Per axis, the
 * sizes (from the engine, as the layer hover lists them), the formulas with the numbers, and the pick. Undefined for
 * a forward conv. An open `<details>`: its summary folds it away from the keyboard (Enter or Space).
 */
export function transposedSizesNote(g: ConvGeometry): HTMLElement | undefined {
  if (!g.transposed) return undefined;
  const forward = g.op.replace('conv_transpose', 'conv');
  return el(
    'details',
    { class: 'transposed-sizes', 'data-section': 'transposed-sizes', open: true },
    el('summary', {}, 'Why ', el('code', {}, 'output_padding'), ': the sizes a forward conv sends here'),
    el(
      'p',
      { class: 'lead' },
      `A ${forward} with this kernel, stride, padding and dilation rounds its output size down, so with a stride above 1 several input sizes give the same output. Going back, the transpose cannot tell which one you meant: `,
      el('code', {}, 'output_padding'),
      ' picks one: it adds that many cells to the smallest.',
    ),
    ...ownAxes(g).map((a) => axisEntry(forward, a)),
  );
}
