import { el } from '../dom';

/** A titled box of the page: its title with a detail beside it (a shape, a formula), then what it shows. */
export function block(title: string, detail: string, ...content: HTMLElement[]): HTMLElement {
  return el('div', { class: 'block' }, el('h3', {}, title, el('span', { class: 'detail' }, detail)), ...content);
}

/**
 * An operand with the operator before it (none for a product's first), kept together so a wrapping row never
 * strands an operator.
 */
export function operand(symbol: string, label: string, content: HTMLElement): HTMLElement {
  const operator = symbol ? el('div', { class: 'operator', 'aria-label': label }, symbol) : false;
  return el('div', { class: 'operand' }, operator, content);
}
