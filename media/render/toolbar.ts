import type { ClipboardContent, ConvView, ImageFormat } from '../../src/protocol/messages';
import { CLIPBOARD_CONTENT_NAMES } from '../../src/view/clipboardText';
import { el } from '../dom';
import { saveMatrices } from '../inspect/exportImage';
import type { Palette } from '../theme';
import { post } from '../vscodeApi';

export interface Toolbar {
  readonly element: HTMLElement;
  /** Says something to the user (and to screen readers) next to the buttons, e.g. where a picture was saved. */
  announce(text: string): void;
}

export function toolbar(view: ConvView, palette: Palette): Toolbar {
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
  // Sent only from these buttons' clicks; the host builds the text from its view.
  const copy = (what: ClipboardContent) => () => {
    post({ type: 'copy', what });
    status.textContent = `Copied ${CLIPBOARD_CONTENT_NAMES[what]}.`;
  };
  const save = (as: ImageFormat) => async () => {
    status.textContent = `Preparing the ${as.toUpperCase()}…`;
    await saveMatrices(view, palette, as);
    status.textContent = `Choose where to save the ${as.toUpperCase()}.`;
  };
  const element = el(
    'div',
    { class: 'toolbar-box' },
    el(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'ConvLens actions' },
      action('copy', 'Copy results as JSON', copy('results')),
      action('copyTorch', 'Copy as PyTorch', copy('torch')),
      action('copyNumpy', 'Copy as NumPy', copy('numpy')),
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
