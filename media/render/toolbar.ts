import { numpySnippet, torchSnippet } from '../../src/engine';
import type { ConvView, ImageFormat } from '../../src/protocol';
import { el } from '../dom';
import { saveMatrices } from '../inspect/exportImage';
import { problemOf } from '../../src/view/problem';
import { resultsJson } from '../../src/view/resultsJson';
import type { Palette } from '../theme';
import { post } from '../vscodeApi';

export interface Toolbar {
  readonly element: HTMLElement;
  /** Says something to the user (and to screen readers) next to the buttons, e.g. where a picture was saved. */
  announce(text: string): void;
}

export function toolbar(view: ConvView, palette: Palette, format: (value: number) => string): Toolbar {
  const status = el('p', {
    class: 'toolbar-status',
    role: 'status',
    'aria-live': 'polite',
    'data-role': 'toolbar-status',
  });
  const action = (name: string, label: string, run: () => void | Promise<void>) => {
    const button = el('button', { type: 'button', class: 'action', 'data-action': name }, label);
    button.addEventListener('click', () => {
      Promise.resolve()
        .then(run)
        .catch((e: unknown) => (status.textContent = `${label} failed: ${e instanceof Error ? e.message : String(e)}`));
    });
    return button;
  };
  const copy = (what: string, text: () => string) => () => {
    post({ type: 'copy', text: text(), what });
    status.textContent = `Copied ${what}.`;
  };
  const save = (as: ImageFormat) => async () => {
    status.textContent = `Preparing the ${as.toUpperCase()}…`;
    await saveMatrices(view, palette, format, as);
    status.textContent = `Choose where to save the ${as.toUpperCase()}.`;
  };
  const problem = problemOf(view);
  const element = el(
    'div',
    { class: 'toolbar-box' },
    el(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'ConvLens actions' },
      action(
        'copy',
        'Copy results as JSON',
        copy('results as JSON', () => resultsJson(view)),
      ),
      action(
        'copyTorch',
        'Copy as PyTorch',
        copy('PyTorch snippet', () => torchSnippet(problem, { source: view.source })),
      ),
      action(
        'copyNumpy',
        'Copy as NumPy',
        copy('NumPy snippet', () => numpySnippet(problem, { source: view.source })),
      ),
      action('saveSvg', 'Save as SVG', save('svg')),
      action('savePng', 'Save as PNG', save('png')),
      action('revealSource', 'Go to source', () => post({ type: 'revealSource' })),
    ),
    status,
  );
  return {
    element,
    announce(text) {
      status.textContent = text;
    },
  };
}
