import { el } from '../dom';

/** What a section draws once opened, and how it stops. */
export interface SectionContent {
  readonly element: HTMLElement;
  dispose(): void;
}

export interface OnDemandSection {
  readonly element: HTMLElement;
  dispose(): void;
}

/** Sections the user opened: a redraw (a new result, the theme, the number format) opens them again. */
const opened = new Set<string>();

/**
 * A section closed until the user opens it (a `<details>`: its summary is a button, Enter or Space toggles it):
 * nothing of it is computed or drawn before, so the page pays only for the views someone looks at.
 */
export function onDemandSection(name: string, title: string, build: () => SectionContent): OnDemandSection {
  const element = el(
    'details',
    { class: `stage stage-${name} on-demand`, 'data-section': name },
    el('summary', {}, el('h2', {}, title)),
  );
  let content: SectionContent | undefined;
  const sync = () => {
    if (element.open) opened.add(name);
    else opened.delete(name);
    if (!element.open || content) return;
    content = build();
    element.append(content.element);
  };
  element.addEventListener('toggle', sync);
  if (opened.has(name)) {
    element.open = true;
    sync();
  }
  return {
    element,
    dispose: () => content?.dispose(),
  };
}
