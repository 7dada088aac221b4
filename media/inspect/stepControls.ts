import { el } from '../dom';

export interface StepControls {
  readonly element: HTMLElement;
  /** The current step: -1 before the first, up to count - 1. */
  readonly index: number;
  go(index: number): void;
  dispose(): void;
}

const SPEEDS = { min: 1, max: 12, initial: 2 } as const;

/**
 * Play / pause / step forwards and back / first / last, a speed slider, and their keyboard shortcuts while
 * the group has focus: Space plays or pauses, ← and → step, Home and End jump. `onStep` hears every change.
 */
export function stepControls(count: number, onStep: (index: number) => void): StepControls {
  let index = -1;
  let timer: ReturnType<typeof setInterval> | undefined;

  const button = (action: string, label: string, symbol: string, shortcut: string) => {
    const b = el(
      'button',
      {
        type: 'button',
        class: 'action step-button',
        'data-action': action,
        'aria-label': label,
        title: `${label} (${shortcut})`,
        'aria-keyshortcuts': shortcut,
      },
      symbol,
    );
    return b;
  };
  const first = button('first', 'Back to the start', '|◀', 'Home');
  const back = button('back', 'Step back', '◀', 'ArrowLeft');
  const play = button('play', 'Play', '▶ Play', 'Space');
  const forward = button('forward', 'Step forward', '▶', 'ArrowRight');
  const last = button('last', 'Last step', '▶|', 'End');
  const speed = el('input', {
    type: 'range',
    class: 'step-speed',
    min: SPEEDS.min,
    max: SPEEDS.max,
    value: SPEEDS.initial,
    'aria-label': 'Speed, steps per second',
  });
  const speedText = el('span', { class: 'step-speed-text', 'aria-hidden': 'true' });
  const counter = el('span', { class: 'step-counter', 'data-role': 'step-counter' });
  const element = el(
    'div',
    {
      class: 'stepper',
      role: 'group',
      tabindex: 0,
      'aria-label': 'Step-through controls: Space plays or pauses, left and right arrows step, Home and End jump',
      'aria-keyshortcuts': 'Space ArrowLeft ArrowRight Home End',
    },
    first,
    back,
    play,
    forward,
    last,
    el('label', { class: 'step-speed-label' }, 'Speed ', speed, speedText),
    counter,
  );

  const stepsPerSecond = () => Number(speed.value);
  const render = () => {
    counter.textContent = index < 0 ? `Step 0 of ${count}` : `Step ${index + 1} of ${count}`;
    speedText.textContent = ` ${stepsPerSecond()}/s`;
    speed.setAttribute('aria-valuetext', `${stepsPerSecond()} steps per second`);
    play.textContent = timer ? '⏸ Pause' : '▶ Play';
    play.setAttribute('aria-label', timer ? 'Pause' : 'Play');
    play.setAttribute('aria-pressed', timer ? 'true' : 'false');
    first.disabled = back.disabled = index < 0;
    forward.disabled = last.disabled = index >= count - 1;
  };
  const go = (next: number) => {
    const clamped = Math.max(-1, Math.min(count - 1, next));
    if (clamped !== index) {
      index = clamped;
      onStep(index);
    }
    if (index >= count - 1) pause();
    render();
  };
  const pause = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const start = () => {
    pause();
    // Playing from the end starts over, as a media player does.
    if (index >= count - 1) go(-1);
    timer = setInterval(() => go(index + 1), 1000 / stepsPerSecond());
  };
  const toggle = () => {
    if (timer) pause();
    else start();
    render();
  };

  first.addEventListener('click', () => go(-1));
  back.addEventListener('click', () => go(index - 1));
  play.addEventListener('click', toggle);
  forward.addEventListener('click', () => go(index + 1));
  last.addEventListener('click', () => go(count - 1));
  speed.addEventListener('input', () => {
    if (timer) start();
    render();
  });
  element.addEventListener('keydown', (event) => {
    // The slider keeps its own arrow keys; Space means play/pause everywhere in the group.
    const onSlider = event.target === speed;
    const keys: Record<string, (() => void) | undefined> = {
      ' ': toggle,
      ArrowLeft: onSlider ? undefined : () => go(index - 1),
      ArrowRight: onSlider ? undefined : () => go(index + 1),
      Home: onSlider ? undefined : () => go(-1),
      End: onSlider ? undefined : () => go(count - 1),
    };
    const act = keys[event.key];
    if (!act) return;
    event.preventDefault();
    act();
  });
  render();
  return {
    element,
    get index() {
      return index;
    },
    go,
    dispose: pause,
  };
}
