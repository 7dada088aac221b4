import { ownAxes } from '../geometry';
import { isTransposed, Op } from '../ops';
import { ConvProblem } from '../spec';
import { toNested } from '../tensor';
import { pythonAxes, pythonLiteral } from './pythonLiteral';
import {
  axisValues,
  inputLayout,
  inputShape,
  reconstructionOutputPadding,
  SnippetOptions,
  snippetTitle,
  weightLayout,
  weightShape,
} from './snippetParts';

/** The `padding=` argument as it was written: PyTorch's string paddings stay strings. */
function paddingArgument(problem: ConvProblem): string {
  const { paddingKind } = problem.geometry;
  return paddingKind === 'explicit' ? pythonAxes(axisValues(problem, 'padBefore')) : `'${paddingKind}'`;
}

/** `F.pad`'s list: (before, after) per axis, last axis first, as `nn.Conv*d` builds it for its padding_mode. */
function padList(problem: ConvProblem): string {
  const pads = ownAxes(problem.geometry)
    .reverse()
    .flatMap((a) => [a.padBefore, a.padAfter]);
  return `(${pads.join(', ')})`;
}

/** The keyword arguments of the op, in the order of PyTorch's signature. */
export function torchArguments(problem: ConvProblem): string {
  const { groups, transposed, paddingMode } = problem.geometry;
  const stride = pythonAxes(axisValues(problem, 'stride'));
  const dilation = pythonAxes(axisValues(problem, 'dilation'));
  if (transposed) {
    const outputPadding = pythonAxes(axisValues(problem, 'outputPadding'));
    return `stride=${stride}, padding=${paddingArgument(problem)}, output_padding=${outputPadding}, groups=${groups}, dilation=${dilation}`;
  }
  // A padding mode pads first (F.pad) and convolves with no padding of its own, as nn.Conv*d does.
  const padding = paddingMode === 'zeros' ? paddingArgument(problem) : '0';
  return `stride=${stride}, padding=${padding}, dilation=${dilation}, groups=${groups}`;
}

const opName = (op: Op): string => `F.${op}`;

/** The transposed map back to the input's shape, with the op PyTorch has for it where one exists. */
function reconstructionLines(problem: ConvProblem): string[] {
  const g = problem.geometry;
  const axes = ownAxes(g);
  const stride = pythonAxes(axisValues(problem, 'stride'));
  const padding = pythonAxes(axisValues(problem, 'padBefore'));
  const dilation = pythonAxes(axisValues(problem, 'dilation'));
  if (g.transposed) {
    // The conv is the transposed conv's adjoint; an output_padding of a stride or more leaves extra cells to drop.
    const adjoint = opName(g.op.replace('conv_transpose', 'conv') as Op);
    const crop = axes.some((a) => a.outputPadding >= a.stride)
      ? `[:, :, ${axes.map((a) => `:${a.input}`).join(', ')}]`
      : '';
    return [
      `reconstruction = ${adjoint}(out, w, stride=${stride}, padding=${padding}, dilation=${dilation}, groups=${g.groups})${crop}`,
    ];
  }
  if (g.paddingMode !== 'zeros') {
    return [
      `# padding_mode '${g.paddingMode}' folds each padded copy back onto the cell it copies, which no transposed conv`,
      '# does: apply M^T directly.',
      'reconstruction = (out.flatten() @ M.T).view_as(x)',
    ];
  }
  if (axes.some((a) => a.padBefore !== a.padAfter)) {
    return [
      `# padding='same' pads ${pythonAxes(axisValues(problem, 'padBefore'))} before and ${pythonAxes(axisValues(problem, 'padAfter'))} after, which a transposed conv cannot express:`,
      '# apply M^T directly.',
      'reconstruction = (out.flatten() @ M.T).view_as(x)',
    ];
  }
  const transposedOp = opName(g.op.replace('conv', 'conv_transpose') as Op);
  return [
    `reconstruction = ${transposedOp}(out, w, stride=${stride}, padding=${padding}, output_padding=${pythonAxes(reconstructionOutputPadding(problem))}, groups=${g.groups}, dilation=${dilation})`,
  ];
}

/** A PyTorch script that recomputes this exact problem in float64: the output, M and the reconstruction. */
export function torchSnippet(problem: ConvProblem, options: SnippetOptions = {}): string {
  const { input, weight, bias, geometry } = problem;
  const op = opName(geometry.op);
  const args = torchArguments(problem);
  const padded = (v: string) =>
    geometry.paddingMode === 'zeros' || isTransposed(geometry.op)
      ? v
      : `F.pad(${v}, ${padList(problem)}, mode='${geometry.paddingMode}')`;
  return [
    `# ${snippetTitle(problem, options)} in PyTorch (float64): vec(out) = vec(x) @ M + bias.`,
    'import torch',
    'import torch.nn.functional as F',
    '',
    `# x: [1]${inputLayout(problem)}`,
    `x = torch.tensor(${pythonLiteral([toNested(input.data, inputShape(problem))])}, dtype=torch.float64)`,
    `# w: ${weightLayout(problem)}`,
    `w = torch.tensor(${pythonLiteral(toNested(weight.data, weightShape(problem)))}, dtype=torch.float64)`,
    bias ? `b = torch.tensor(${pythonLiteral(Array.from(bias))}, dtype=torch.float64)` : 'b = None',
    '',
    `out = ${op}(${padded('x')}, w, bias=b, ${args})`,
    '',
    '# The kernel matrix: row i is what input cell i adds to every output cell (the Jacobian, transposed).',
    `M = torch.autograd.functional.jacobian(lambda v: ${op}(${padded('v.view_as(x)')}, w, ${args}).flatten(), x.flatten()).T`,
    '',
    "# The transposed map back to the input's shape, vec(out) @ M^T: the adjoint, not the inverse.",
    ...reconstructionLines(problem),
    '',
    'print(out[0])',
    'print(reconstruction[0])',
    '',
  ].join('\n');
}
