import { el } from '../dom';

/** One floating label for the whole page, placed with the CSSOM (inline style attributes are barred by the CSP). */
export interface Tooltip {
  readonly id: string;
  show(text: string, clientX: number, clientY: number): void;
  hide(): void;
}

export function createTooltip(): Tooltip {
  const id = 'convlens-tooltip';
  document.getElementById(id)?.remove();
  const box = el('div', { id, class: 'tooltip', role: 'tooltip', hidden: true });
  document.body.append(box);
  return {
    id,
    show(text, clientX, clientY) {
      box.textContent = text;
      box.hidden = false;
      const gap = 14;
      const { width, height } = box.getBoundingClientRect();
      // Below-right of the pointer, flipped when that would leave the window.
      const left = clientX + gap + width > window.innerWidth ? clientX - gap - width : clientX + gap;
      const top = clientY + gap + height > window.innerHeight ? clientY - gap - height : clientY + gap;
      box.style.left = `${Math.max(0, left)}px`;
      box.style.top = `${Math.max(0, top)}px`;
    },
    hide() {
      box.hidden = true;
    },
  };
}
