import { el } from '../dom';
import type { SectionContent } from './onDemandSection';

/** How far below (or above) the view a section starts being built: about a screen, so scrolling finds it drawn. */
const NEAR = '100% 0px';
/** The browser's idle periods last up to 50 ms, the longest when no frame is due. */
const LONG_IDLE_MS = 40;
/**
 * The longest wait for such a period. Anything that keeps producing frames (a blinking caret in the editor beside
 * the panel, a busy machine) can leave none for good, and the section must come anyway.
 */
const MAX_WAIT_MS = 1000;

/** A section's building, in steps: it yields where the page may give the browser a frame. */
export type SectionSteps = Generator<void, SectionContent, void>;

/**
 * A section below the fold whose building would hold up the page's first paint (the transposed convolution three
 * ways computes and draws three more convolutions): a placeholder stands in until the section nears the view or
 * the page is idle, whichever comes first, so it is there for a reader scrolling down and for find (Ctrl+F). Once
 * begun, the building takes a task a step, so no frame waits for all of it.
 */
export function builtWhenNear(build: () => SectionSteps): SectionContent {
  const placeholder = el('div', { class: 'not-built', 'aria-busy': 'true' });
  let content: SectionContent | undefined;
  let steps: SectionSteps | undefined;
  let nextStep: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    nextStep = undefined;
    const next = steps!.next();
    if (!next.done) nextStep = setTimeout(step, 0);
    else {
      content = next.value;
      placeholder.replaceWith(content.element);
    }
  };
  const make = () => {
    if (steps) return;
    stop();
    steps = build();
    step();
  };
  // The document as root: with the implicit root (the workbench's window, another origin) the margin is ignored.
  const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && make(), {
    root: document,
    rootMargin: NEAR,
  });
  observer.observe(placeholder);
  // A short idle period falls between two frames of the page's own drawing (heatmaps paint over several): wait
  // for a long one, when nothing else is left to draw.
  const giveUpAt = performance.now() + MAX_WAIT_MS;
  const waitForIdle = () => requestIdleCallback(whenIdle, { timeout: Math.max(0, giveUpAt - performance.now()) });
  const whenIdle = (deadline: IdleDeadline) => {
    if (deadline.didTimeout || deadline.timeRemaining() >= LONG_IDLE_MS || performance.now() >= giveUpAt) make();
    else idle = waitForIdle();
  };
  let idle = waitForIdle();
  const stop = () => {
    observer.disconnect();
    cancelIdleCallback(idle);
  };
  return {
    get element() {
      return content?.element ?? placeholder;
    },
    dispose() {
      stop();
      clearTimeout(nextStep);
      // A building cut short undoes its steps (its `finally`): what it drew so far stops.
      if (!content) steps?.return({ element: placeholder, dispose() {} });
      content?.dispose();
    },
  };
}
