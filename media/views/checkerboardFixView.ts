import {
  checkerboardFixGeometries,
  divisibleKernel,
  overlapCounts,
  overlapSummary,
  ownAxes,
  readTapCounts,
  shapeOf,
  type AxisGeometry,
  type ConvGeometry,
  type ConvProblem,
  type Tensor,
} from '../../src/engine';
import { shapeText } from '../../src/view/labels';
import { el } from '../dom';
import type { RenderContext } from '../render/context';
import { keptChoices, type KeptChoices } from './keptChoices';
import { overlapMap, type OverlapCount, type OverlapMap } from './overlapMap';

type FixName = NonNullable<KeptChoices['checkerboardFix']>;

/** A fix worked out: its op's geometry, the counts its map shows, and what changed, in a sentence. */
interface Fix {
  geometry: ConvGeometry;
  counts: Tensor;
  count: OverlapCount;
  title: string;
  changed: string;
}

export interface CheckerboardFixView {
  /** The two buttons, one per fix. */
  readonly actions: HTMLElement;
  /** The chosen fix's map with its title, empty until one is chosen: goes beside the current map. */
  readonly map: HTMLElement;
  /** What the chosen fix changed, in one line. */
  readonly changed: HTMLElement;
  dispose(): void;
}

/** `4` when every own axis has it, `(4, 2)` otherwise: how PyTorch's arguments are written. */
const argument = (values: number[]) =>
  values.every((v) => v === values[0]) ? String(values[0]) : `(${values.join(', ')})`;

/** `2` when every own axis has it, `2 × 1` otherwise: a size in a button's label. */
const sizeText = (values: number[]) => (values.every((v) => v === values[0]) ? String(values[0]) : shapeText(values));

/** `4 × 4`, or `kernel-4` in 1-D where a lone number would not read as a size. */
const kernelText = (axes: AxisGeometry[]) =>
  axes.length === 1 ? `kernel-${axes[0].kernel}` : shapeText(axes.map((a) => a.kernel));

const spatial = (g: ConvGeometry, grid: ConvGeometry['output']) => shapeText(shapeOf(g, grid).slice(1));

/** `conv_transpose2d, kernel_size=3, stride=2`: what a map's heading says it is of. */
export const opTitle = (g: ConvGeometry): string => {
  const axes = ownAxes(g);
  return `${g.op}, kernel_size=${argument(axes.map((a) => a.kernel))}, stride=${argument(axes.map((a) => a.stride))}`;
};

/** The largest count on a map: what every cell away from the borders gets once the overlap is even. */
const most = (counts: Tensor) => counts.data.reduce((m, n) => Math.max(m, n), 0);

function kernelDivisible(problem: ConvProblem, geometry: ConvGeometry): Fix {
  const [before, after] = [ownAxes(problem.geometry), ownAxes(geometry)];
  const counts = overlapCounts(geometry);
  const summary = overlapSummary(geometry);
  const kept = `padding=${argument(after.map((a) => a.padBefore))} and output_padding=${argument(after.map((a) => a.outputPadding))} keep the ${spatial(geometry, geometry.output)} output`;
  const result = summary.even
    ? `every output cell away from the borders now gets ${most(counts)} stamps`
    : `still uneven where the dilation shares a factor with the stride (no kernel size evens it there; resizing does)`;
  return {
    geometry,
    counts,
    count: 'stamps',
    title: opTitle(geometry),
    changed: `Kernel ${kernelText(before)} → ${kernelText(after)} (the weight resampled by nearest neighbour); ${kept}: ${result}.`,
  };
}

function resizeConvolve(problem: ConvProblem, geometry: ConvGeometry): Fix {
  const axes = ownAxes(problem.geometry);
  const counts = readTapCounts(geometry);
  const output = spatial(geometry, geometry.output);
  return {
    geometry,
    counts,
    count: 'taps',
    title: `upsample ×${argument(axes.map((a) => a.stride))}, then ${geometry.op}, stride 1, padding "same"`,
    changed: `The input upsampled ×${argument(axes.map((a) => a.stride))} by nearest neighbour to ${output}, then a ${kernelText(axes)} conv with stride 1 and padding "same" (the kernels flipped, as the direct conv reads them): every output cell away from the borders reads all ${most(counts)} taps, none gets more than its neighbours. The output is ${output} (was ${spatial(problem.geometry, problem.geometry.output)}).`,
  };
}

/**
 * The two fixes of a transposed conv's checkerboard, one button each: a kernel size divisible by the stride, or
 * resize then convolve. The chosen fix's overlap map is drawn beside the current one, with what changed; each is
 * worked out when its button is pressed, never before, and shown again when the page redraws the same problem.
 */
export function checkerboardFixView(problem: ConvProblem, context: RenderContext): CheckerboardFixView {
  const geometries = checkerboardFixGeometries(problem)!;
  const axes = ownAxes(problem.geometry);
  const strides = axes.map((a) => a.stride);
  const divisible = axes.map((a) => divisibleKernel(a).kernel);
  const labels: Record<FixName, string> = {
    'kernel-divisible': `Kernel ${sizeText(divisible)} (divisible by stride ${sizeText(strides)})`,
    'resize-convolve': `Resize ×${sizeText(strides)}, then a ${kernelText(axes)} conv`,
  };
  const map = el('div', { class: 'block overlap-fix', 'data-role': 'overlap-fix', hidden: true });
  const changed = el('p', { class: 'why', 'data-role': 'overlap-fix-changed', hidden: true });
  let drawn: OverlapMap | undefined;
  const kept = keptChoices(problem);

  const show = (name: FixName) => {
    drawn?.dispose();
    const fix =
      name === 'kernel-divisible'
        ? kernelDivisible(problem, geometries.kernelDivisible)
        : resizeConvolve(problem, geometries.resizeConvolve);
    drawn = overlapMap(fix.geometry, fix.counts, context, () => undefined, { count: fix.count, name: 'overlap_fix' });
    map.replaceChildren(el('h3', {}, 'with the fix', el('span', { class: 'detail' }, fix.title)), drawn.element);
    changed.textContent = fix.changed;
    map.hidden = false;
    changed.hidden = false;
    map.dataset.fix = name;
    kept.checkerboardFix = name;
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.fix === name));
  };

  const buttons = (Object.keys(labels) as FixName[]).map((name) => {
    const button = el(
      'button',
      { type: 'button', class: 'action', 'data-action': 'checkerboard-fix', 'data-fix': name, 'aria-pressed': 'false' },
      labels[name],
    );
    button.addEventListener('click', () => show(name));
    return button;
  });
  const actions = el(
    'div',
    { class: 'overlap-fixes', role: 'group', 'aria-label': 'Two fixes for the checkerboard' },
    el('span', { class: 'overlap-fixes-label' }, 'Compare a fix:'),
    ...buttons,
  );
  // A redraw of the same problem shows the fix compared before.
  if (kept.checkerboardFix) show(kept.checkerboardFix);
  return { actions, map, changed, dispose: () => drawn?.dispose() };
}
