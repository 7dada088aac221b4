import { el } from '../dom';

/**
 * Up to this many depth slices are drawn side by side at first (small multiples: a student sees the whole volume);
 * more start on slice 0 alone. Either way the picker shows one slice or all.
 */
export const SIDE_BY_SIDE_SLICES = 4;

/** How many slices are shown at first. */
export const slicesShownAtFirst = (depth: number): number => (depth <= SIDE_BY_SIDE_SLICES ? depth : 1);

/** The H x W planes of a 3-D tensor or kernel, one per depth slice, and the picker that chooses which are shown. */
export interface DepthSlices {
  /** The picker: a labelled group of buttons, "all" then one per slice; empty for a single slice. */
  readonly element: HTMLElement;
  /** A drawn plane of slice `depth` (one per channel or kernel), shown or hidden by the picker. */
  add(figure: HTMLElement, depth: number): void;
  /** Slice `depth` holds a lit cell: its button says so, whether or not the slice is shown. */
  markInvolved(depth: number): void;
  clearInvolved(): void;
}

/**
 * The slice picker of one matrix (`slicesOf` is its `data-matrix`, `-compare` for the copy beside the
 * reconstruction). Native buttons, so Tab and Enter/Space reach them; arrow keys move along the group;
 * `aria-pressed` says which choice is on.
 */
export function depthSlices(
  depth: number,
  title: string,
  slicesOf: string,
  /** After a pick: how many slices are now shown, to lay them out. */
  onLayout: (shown: number) => void,
): DepthSlices {
  const figures: { figure: HTMLElement; depth: number }[] = [];
  const element = el('div', {
    class: 'slice-picker',
    role: 'group',
    'aria-label': `${title}: depth slice`,
    'data-slices': slicesOf,
  });
  if (depth <= 1) return { element, add() {}, markInvolved() {}, clearInvolved() {} };

  const choices: (number | 'all')[] = ['all', ...Array.from({ length: depth }, (_, d) => d)];
  const buttons = choices.map((choice) =>
    el(
      'button',
      {
        type: 'button',
        class: 'slice-button',
        'data-depth': String(choice),
        'aria-label': choice === 'all' ? 'all depth slices' : `depth slice ${choice}`,
      },
      String(choice),
    ),
  );
  const show = (choice: number | 'all') => {
    buttons.forEach((button, i) => button.setAttribute('aria-pressed', String(choices[i] === choice)));
    for (const f of figures) f.figure.hidden = choice !== 'all' && f.depth !== choice;
    onLayout(choice === 'all' ? depth : 1);
  };
  buttons.forEach((button, i) => {
    button.addEventListener('click', () => show(choices[i]));
    button.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      event.preventDefault();
      buttons[(i + step + buttons.length) % buttons.length].focus();
    });
  });
  element.append(el('span', { class: 'slice-label', 'aria-hidden': 'true' }, 'depth'), ...buttons);
  const start: number | 'all' = slicesShownAtFirst(depth) === depth ? 'all' : 0;
  buttons.forEach((button, i) => button.setAttribute('aria-pressed', String(choices[i] === start)));
  return {
    element,
    add(figure, d) {
      figures.push({ figure, depth: d });
      figure.hidden = start !== 'all' && d !== start;
    },
    markInvolved(d) {
      buttons[d + 1]?.classList.add('involved');
    },
    clearInvolved() {
      for (const button of buttons) button.classList.remove('involved');
    },
  };
}
