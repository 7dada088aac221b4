import { cellsOf, ConvProblem, outputAfter, stepCount, stepDetail, stepKind, tensorOf } from '../../src/engine';
import { el } from '../dom';
import type { Linker } from '../highlight/linker';
import type { RenderContext } from '../render/context';
import { TENSOR_TABLE_BUDGET } from '../render/size';
import { TensorView, tensorView } from '../render/tensorView';
import { tensorFocus } from '../highlight/tensorFocus';
import { whyNotDrawn } from './planarOnly';
import { scatterTable, stepNames, windowSumTable } from './runningSum';
import { stepControls } from './stepControls';

/** Past this many steps or output cells, stepping is no way to look at a convolution. */
const MAX_STEPS = 20_000;

export interface Stepper {
  readonly element: HTMLElement;
  dispose(): void;
}

/**
 * The section that plays the forward op step by step: the sliding window (conv2d) or the scatter
 * (conv_transpose2d). The current step drives the page's linked highlighting (below pointer and keyboard),
 * its running sum is listed, and a copy of the output fills in as the steps go.
 */
export function stepper(problem: ConvProblem, linker: Linker, context: RenderContext): Stepper {
  const kind = stepKind(problem);
  const count = stepCount(problem);
  const title = kind === 'window' ? 'Step through the sliding window' : 'Step through the scatter';
  const lead =
    kind === 'window'
      ? 'Each step moves the window to the next output cell and adds one product per kernel weight; padding reads 0.'
      : 'Each step takes the next input cell and adds the kernel, scaled by it, onto the output; where stamps overlap, they add up.';
  const section = el('section', { class: 'stage stage-steps', 'aria-label': title }, el('h2', {}, title));
  const unsupported = whyNotDrawn(problem.geometry, 'The step-through');
  if (!unsupported) section.append(el('p', { class: 'lead' }, lead));
  const why =
    unsupported ??
    (count > MAX_STEPS || cellsOf(problem.geometry.output) > TENSOR_TABLE_BUDGET
      ? `${count.toLocaleString('en-US')} steps: too many to step through here.`
      : undefined);
  if (why) {
    section.append(el('p', { class: 'hint' }, why));
    return { element: section, dispose() {} };
  }

  const names = stepNames(problem);
  const running = tensorOf(problem.geometry.output, outputAfter(problem, -1));
  // The running output is output-shaped: the small grid of conv2d, the big grid of conv_transpose2d.
  const grid = kind === 'window' ? 'small' : 'big';
  const runningView: TensorView = tensorView(
    {
      name: 'step_output',
      tensor: running,
      rank: problem.geometry.rank,
      letter: 'y',
      onPoint: (via, cell) =>
        linker.point(
          via,
          tensorFocus(grid, cell, () => runningView),
        ),
    },
    context,
  );
  linker[grid].push(runningView);
  const status = el('p', { class: 'step-status', role: 'status', 'aria-live': 'polite', 'data-role': 'step-status' });
  const sumBox = el('div', { class: 'running-sum-box' });

  const show = (index: number) => {
    running.data.set(outputAfter(problem, index));
    runningView.refresh();
    sumBox.replaceChildren();
    if (index < 0) {
      sumBox.append(
        el(
          'p',
          { class: 'hint' },
          kind === 'window' ? 'The products of each window appear here.' : 'Each stamp’s additions appear here.',
        ),
      );
      status.textContent = `Ready: ${count} steps. Press Play or the right arrow.`;
      linker.point('step', undefined);
      return;
    }
    const step = stepDetail(problem, index);
    const table =
      kind === 'window'
        ? windowSumTable(step, names, context.format, problem.bias !== null)
        : scatterTable(step, names, context.format);
    sumBox.append(table);
    status.textContent = `Step ${index + 1} of ${count}: ${table.querySelector('caption')?.textContent ?? ''}`;
    linker.point('step', { on: 'small', index });
  };
  const controls = stepControls(count, show);
  show(-1);

  section.append(
    controls.element,
    status,
    el(
      'div',
      { class: 'flow' },
      el('div', { class: 'block' }, el('h3', {}, kind === 'window' ? 'Running sum' : 'This stamp'), sumBox),
      el('div', { class: 'block' }, el('h3', {}, 'Output so far'), runningView.element),
    ),
  );
  return {
    element: section,
    dispose() {
      controls.dispose();
      runningView.dispose();
    },
  };
}
