import { ownAxes } from '../../src/engine';
import type { ConvView } from '../../src/protocol/messages';
import { LARGEST_SAMPLE, sampleSizesProblem } from '../../src/python/shapes/layerSpec';
import { el } from '../dom';
import { post } from '../vscodeApi';

/**
 * "Sample size" for a layer opened from code: one number per spatial axis of the sample input; Enter or Apply asks
 * the host for the layer on that sample, which then comes back as a new view (the whole page follows). A size the
 * page can tell is wrong, or one the host refuses (`sampleRefused`), is said beside the inputs, and nothing changes.
 */
export function sampleSizeControl(view: ConvView): HTMLElement {
  const g = view.geometry;
  const message = el('p', { class: 'error-text', 'data-role': 'sample-size-message', role: 'alert' });
  const inputs = ownAxes(g).map((axis) =>
    el('input', {
      type: 'number',
      class: 'sample-size-value',
      min: 1,
      max: LARGEST_SAMPLE,
      step: 1,
      value: String(axis.input),
      'data-axis': axis.name,
      'aria-label': `Sample ${axis.name}`,
      'aria-describedby': 'sample-size-message',
    }),
  );
  message.id = 'sample-size-message';
  const form = el(
    'form',
    // The page says what is wrong itself, in words, rather than the browser's tooltip that blocks the submit.
    { class: 'sample-size', 'data-role': 'sample-size', 'aria-label': 'Sample size', novalidate: true },
    el('span', { class: 'sample-size-label' }, 'Sample size'),
    ...inputs.flatMap((input, a) => [
      a > 0 && el('span', { class: 'sample-size-times', 'aria-hidden': 'true' }, '×'),
      el('label', { class: 'sample-size-axis' }, el('span', {}, String(input.dataset.axis)), input),
    ]),
    el('button', { type: 'submit', class: 'action', 'data-action': 'resizeSample' }, 'Apply'),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // An empty or partial field reads as NaN: said as empty, never sent.
    const sizes = inputs.map((input) => (input.value.trim() === '' ? NaN : Number(input.value)));
    const problem = sampleSizesProblem(sizes, g.rank);
    inputs.forEach((input, a) =>
      input.setAttribute('aria-invalid', String(sampleSizesProblem([sizes[a]], 1) !== undefined)),
    );
    message.textContent = problem ?? '';
    if (!problem) post({ type: 'resizeSample', sizes });
  });
  return form;
}

/** The host's reason a sample size was not shown, said beside the control that asked for it. */
export function showSampleRefusal(root: ParentNode, text: string): void {
  const message = root.querySelector('[data-role="sample-size-message"]');
  if (message) message.textContent = text;
}
