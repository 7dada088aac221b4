import { backwardPass, multiplyAdds, weightGradientPairs, type ConvProblem, type Tensor } from '../../src/engine';
import { el } from '../dom';
import type { Linker } from '../highlight/linker';
import { tensorFocus } from '../highlight/tensorFocus';
import { block } from '../render/blocks';
import type { RenderContext } from '../render/context';
import { drawMatrix } from '../render/drawMatrix';
import { kernelView, type KernelView } from '../render/kernelView';
import { denseSource } from '../render/matrixSource';
import type { MatrixView } from '../render/matrixView';
import type { SectionContent } from '../render/onDemandSection';
import { TensorName, TensorView, tensorView } from '../render/tensorView';
import { shapeText } from '../../src/view/labels';
import { gradOutputChooser } from './gradOutputChooser';
import { keptChoices } from './keptChoices';

/** Past this many multiply-adds (the weight's gradient takes one pass, grad_input another) the page does not redo the
 * backward pass for every grad_output chosen. */
const MAX_MULTIPLY_ADDS = 20_000_000;

/**
 * The backward pass for a chosen grad_output: grad_input = vec(grad_output) @ Mᵀ (which is why the transposed op
 * exists), grad_weight and grad_bias. Hovering a weight's gradient lights every (input, output) pair it sums over;
 * grad_output and grad_input are linked to the page like the output and the input.
 */
export function backwardView(
  problem: ConvProblem,
  output: Tensor,
  linker: Linker,
  context: RenderContext,
): SectionContent {
  const g = problem.geometry;
  const work = multiplyAdds(problem);
  if (work > MAX_MULTIPLY_ADDS) {
    const why = `${work.toLocaleString('en-US')} multiply-adds for each gradient: too many to compute here.`;
    return { element: el('p', { class: 'hint' }, why), dispose() {} };
  }
  const [inputGrid, outputGrid] = g.transposed ? (['small', 'big'] as const) : (['big', 'small'] as const);
  const transposeOf = g.transposed ? g.op.replace('conv_transpose', 'conv') : g.op.replace('conv', 'conv_transpose');
  const results = el('div', { class: 'backward-results' });
  let parts: { tensors: TensorView[]; gradWeight: KernelView; gradBias?: MatrixView } | undefined;

  const unlink = () => {
    if (!parts) return;
    for (const view of parts.tensors) {
      for (const list of [linker.small, linker.big]) if (list.includes(view)) list.splice(list.indexOf(view), 1);
      view.dispose();
    }
    parts.gradWeight.dispose();
    parts.gradBias?.dispose();
  };

  const show = (gradOutput: Tensor | undefined) => {
    unlink();
    const pass = backwardPass(problem, gradOutput);
    const tensor = (name: TensorName, t: Tensor, grid: 'small' | 'big', letter: 'x' | 'y', linked = true) => {
      const drawn: TensorView = tensorView(
        {
          name,
          tensor: t,
          rank: g.rank,
          letter,
          onPoint: (via, cell) =>
            linked &&
            linker.point(
              via,
              tensorFocus(grid, cell, () => drawn),
            ),
        },
        context,
      );
      if (linked) linker[grid].push(drawn);
      return drawn;
    };
    // A copy of the input, unlinked: a weight's gradient lights its pairs here and in grad_output.
    const input = tensor('input', problem.input, inputGrid, 'x', false);
    const gradOut = tensor('grad_output', pass.gradOutput, outputGrid, 'y');
    const gradIn = tensor('grad_input', pass.gradInput, inputGrid, 'x');
    const lit: TensorView[] = [input, gradOut];
    const gradWeight = kernelView(
      pass.gradWeight,
      g,
      (via, k) => {
        linker.point(via, k === undefined ? undefined : { on: 'kernel', index: k });
        lit.forEach((view) => view.clearMarks());
        if (k === undefined) return;
        for (const pair of weightGradientPairs(problem, k)) {
          input.mark(pair.input);
          gradOut.mark(pair.output);
        }
      },
      context,
      { name: 'grad_weight', title: 'grad_weight' },
    );
    const gradBias =
      pass.gradBias &&
      drawMatrix(
        {
          name: 'grad_bias',
          ariaName: 'grad_bias',
          channel: undefined,
          source: denseSource(pass.gradBias, 0, 1, pass.gradBias.length),
          strip: true,
          onPoint: () => undefined,
        },
        context,
      );
    parts = { tensors: [input, gradOut, gradIn], gradWeight, gradBias };
    const dims = (t: Tensor) => shapeText([t.channels, ...[t.depth, t.height, t.width].slice(3 - g.rank)]);
    results.replaceChildren(
      el(
        'div',
        { class: 'flow' },
        block('input', dims(problem.input), input.element),
        block('grad_output', dims(pass.gradOutput), gradOut.element),
        block(
          'grad_weight',
          'Σ over the pairs a weight joins: input × grad_output; hover one to see them',
          gradWeight.element,
        ),
        gradBias ? block('grad_bias', 'grad_output summed per channel', gradBias.element) : false,
      ),
      el(
        'p',
        { class: 'why', 'data-role': 'grad-input-why' },
        el('code', {}, 'grad_input = vec(grad_output) @ Mᵀ'),
        g.transposed
          ? `: multiplying by Mᵀ is ${transposeOf} with the same weight. The backward pass of a transposed convolution is the ordinary one, as the transposed convolution is the backward pass of ${transposeOf}.`
          : `: the gradient flows back through the transpose of the op’s matrix, and multiplying by Mᵀ is ${transposeOf} with the same weight. That is why the transposed convolution exists: it is the backward pass of ${g.op}.`,
      ),
      el('div', { class: 'flow' }, block('grad_input', dims(pass.gradInput), gradIn.element)),
    );
  };

  const chooser = gradOutputChooser(g, output, keptChoices(problem), show);
  chooser.restore();
  const element = el(
    'div',
    { class: 'backward' },
    el(
      'p',
      { class: 'lead' },
      'What autograd computes for a loss whose gradient at the output is grad_output: the gradients of the input, the weight and the bias.',
    ),
    chooser.element,
    results,
  );
  return { element, dispose: unlink };
}
