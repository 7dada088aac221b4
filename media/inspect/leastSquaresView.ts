import {
  compareWithInput,
  ConvProblem,
  CsrMatrix,
  LEAST_SQUARES_LIMIT,
  leastSquaresAffordable,
  LeastSquaresInverse,
  PseudoInverseRun,
  Tensor,
  withoutBias,
} from '../../src/engine';
import { el } from '../dom';
import { shapeText } from '../../src/view/labels';
import type { RenderContext } from '../render/context';
import { TensorView, tensorView } from '../render/tensorView';

/** Time one slice of the SVD may take before the page gets the thread back. */
const SLICE_MS = 12;

/** Why the least-squares inverse and the reconstruction differ, in one line. */
export function whyNotInverse(ls: Pick<LeastSquaresInverse, 'rows' | 'cols' | 'rank'>): string {
  const { rows, cols, rank } = ls;
  const shape = `M is ${rows} × ${cols} with rank ${rank}`;
  if (rank === rows && rows === cols)
    return `${shape}: square and invertible, so pinv(M) = M⁻¹ gives the input back; the reconstruction multiplies by Mᵀ, and Mᵀ ≠ M⁻¹.`;
  if (rank === rows)
    return `${shape}: not square, but every input cell leaves its own trace, so pinv(M) gets the input back; the reconstruction multiplies by Mᵀ, which is not pinv(M).`;
  const lost = rows - rank;
  return `${shape}: ${lost} of the input's ${rows} dimensions leave no trace in the output, so no inverse exists; least squares finds the smallest input giving this output, while the reconstruction just multiplies by Mᵀ.`;
}

export interface LeastSquaresView {
  readonly element: HTMLElement;
  dispose(): void;
}

/**
 * "Not the inverse": beside the reconstruction, `x_ls = (vec(out) - bias) @ pinv(M)` and `x_ls - x`, when M is
 * small enough for a dense SVD. The SVD runs a slice per task so the page stays responsive; `onTensors` hears
 * the two tensor views once drawn (for linked highlighting).
 */
export function leastSquaresView(
  problem: ConvProblem,
  m: CsrMatrix,
  output: Tensor,
  context: RenderContext,
  makeTensor: (name: 'least_squares' | 'least_squares_difference', t: Tensor) => TensorView = (name, t) =>
    tensorView({ name, tensor: t, rank: problem.geometry.rank, letter: 'x', onPoint: () => undefined }, context),
): LeastSquaresView {
  const element = el('div', { class: 'least-squares', 'data-role': 'least-squares' });
  if (!leastSquaresAffordable(m)) {
    element.append(
      el(
        'p',
        { class: 'hint' },
        `M is ${shapeText([m.rows, m.cols])}: the least-squares inverse (a dense SVD) is computed only up to ${LEAST_SQUARES_LIMIT.rows} × ${LEAST_SQUARES_LIMIT.cols}.`,
      ),
    );
    return { element, dispose() {} };
  }
  const progress = el('p', { class: 'hint', role: 'status' }, 'Computing pinv(M)…');
  element.append(progress);
  const run = new PseudoInverseRun(m, withoutBias(problem, output));
  const views: TensorView[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const show = (ls: LeastSquaresInverse) => {
    const inverse = makeTensor('least_squares', ls.inverse);
    const difference = makeTensor('least_squares_difference', ls.difference);
    views.push(inverse, difference);
    element.replaceChildren(
      el('p', { class: 'why', 'data-role': 'not-inverse-why' }, whyNotInverse(ls)),
      el(
        'div',
        { class: 'flow' },
        el(
          'div',
          { class: 'block' },
          el(
            'h3',
            {},
            'least squares',
            el('span', { class: 'detail' }, problem.bias ? '(vec(out) − b) @ pinv(M)' : 'vec(out) @ pinv(M)'),
          ),
          inverse.element,
        ),
        el(
          'div',
          { class: 'block' },
          el(
            'h3',
            {},
            'minus the input',
            el(
              'span',
              { class: 'detail', 'data-role': 'least-squares-max' },
              `max |x_ls − x| = ${context.format(ls.maxAbsDifference)}`,
            ),
          ),
          difference.element,
        ),
      ),
    );
  };
  const slice = () => {
    const started = performance.now();
    const solution = run.advance(() => performance.now() - started < SLICE_MS);
    if (solution) show(compareWithInput(problem, m, solution));
    else {
      progress.textContent = `Computing pinv(M)… (SVD sweep ${run.sweeps + 1})`;
      timer = setTimeout(slice, 0);
    }
  };
  timer = setTimeout(slice, 0);
  return {
    element,
    dispose() {
      clearTimeout(timer);
      views.forEach((view) => view.dispose());
    },
  };
}
