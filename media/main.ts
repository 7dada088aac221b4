/** The ConvLens webview: draws what the extension host sends, and tells it what the user asks for. */
import type { ToWebviewMessage } from '../src/protocol/messages';
import { el } from './dom';
import { DEFAULT_FORMAT, formatNumber } from '../src/format/numberText';
import { errorBox } from './render/errorBox';
import { Page, renderPage } from './render/page';
import { showSampleRefusal } from './render/sampleSize';
import { createTooltip } from './render/tooltip';
import { reviveView } from './revive';
import { ShownView, shownView } from './shownView';
import { readPalette } from './theme';
import { keepState, keptState, post } from './vscodeApi';

const root = document.getElementById('convlens') ?? document.body;
const tooltip = createTooltip();
let view: ShownView | undefined;
let error: { message: string; source: string } | undefined;
let page: Page | undefined;

/** Draws the page anew: a new result or error starts at its top, a redraw of the same view (number format, theme)
 * stays where the user scrolled to. */
function render(at: 'top' | 'same place'): void {
  const scroll = { x: window.scrollX, y: window.scrollY };
  // Read before the old page goes: its removal makes the next style read restyle the page.
  const palette = readPalette();
  page?.dispose();
  page = undefined;
  tooltip.hide();
  root.replaceChildren();
  if (error) root.append(errorBox(error.message, error.source, view !== undefined));
  if (view) {
    const format = view.format ?? DEFAULT_FORMAT;
    page = renderPage(view, { format: (value) => formatNumber(value, format), palette, tooltip });
    page.element.classList.toggle('stale', error !== undefined);
    root.append(page.element);
  } else if (!error) {
    root.append(
      el('p', { class: 'empty' }, 'Select a convolution spec in an editor and run “ConvLens: Convolve selection”.'),
    );
  }
  root.setAttribute('aria-busy', 'false');
  // Only when scrolled: scrolling forces a layout, which a first show can skip.
  if (scroll.x !== 0 || scroll.y !== 0) {
    if (at === 'top') window.scrollTo(0, 0);
    else window.scrollTo(scroll.x, scroll.y);
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as ToWebviewMessage | null;
  switch (message?.type) {
    case 'show':
      view = shownView(reviveView(message.view));
      error = undefined;
      // Exactly what the host says to keep: a small spec, or where a large one came from.
      keepState(message.keep);
      render('top');
      break;
    case 'error':
      error = { message: String(message.message), source: String(message.source ?? '') };
      render('top');
      break;
    case 'format':
      if (view) {
        view = { ...view, format: message.format };
        render('same place');
      }
      break;
    case 'sampleRefused':
      showSampleRefusal(root, String(message.message));
      break;
    case 'saved':
      page?.announce(message.path ? `Saved ${message.path}` : `${message.fileName} was not saved.`);
      break;
  }
});

// VS Code swaps the theme's variables and body class in place: redraw so heatmap colours follow.
let themeTimer: ReturnType<typeof setTimeout> | undefined;
const onThemeChange = () => {
  clearTimeout(themeTimer);
  themeTimer = setTimeout(() => view && render('same place'), 50);
};
new MutationObserver(onThemeChange).observe(document.body, { attributes: true, attributeFilter: ['class'] });
new MutationObserver(onThemeChange).observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

render('top');
post({ type: 'ready', ...keptState() });
