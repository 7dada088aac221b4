import type { ConvView } from '../../src/protocol';
import { el } from '../dom';
import { resultsJson } from '../resultsJson';
import { post } from '../vscodeApi';

export function toolbar(view: ConvView): HTMLElement {
  const copy = el('button', { type: 'button', class: 'action', 'data-action': 'copy' }, 'Copy results as JSON');
  copy.addEventListener('click', () => post({ type: 'copy', text: resultsJson(view), what: 'results as JSON' }));
  const reveal = el('button', { type: 'button', class: 'action', 'data-action': 'revealSource' }, 'Go to source');
  reveal.addEventListener('click', () => post({ type: 'revealSource' }));
  return el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'ConvLens actions' }, copy, reveal);
}
