import { el } from '../dom';

/** A spec that cannot be computed: the message where the results would be, announced to screen readers. */
export function errorBox(message: string, source: string, hasPrevious: boolean): HTMLElement {
  return el(
    'div',
    { class: 'error-box', role: 'alert' },
    el(
      'p',
      { class: 'error-title' },
      'ConvLens cannot compute this',
      source && el('span', { class: 'source' }, ` · ${source}`),
    ),
    el('p', { class: 'error-message' }, message),
    hasPrevious && el('p', { class: 'hint' }, 'The previous result is shown below, dimmed.'),
  );
}
