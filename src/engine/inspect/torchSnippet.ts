import { ConvProblem } from '../spec';
import { toNested } from '../tensor';
import { pythonLiteral, pythonPair } from './pythonLiteral';
import { reconstructionOutputPadding, SnippetOptions, snippetTitle, weightLayout } from './snippetParts';

/** The `padding=` argument as it was written: PyTorch's string modes stay strings. */
function paddingArgument(problem: ConvProblem): string {
  const { paddingMode, padBefore } = problem.params;
  return paddingMode === 'explicit' ? pythonPair(padBefore) : `'${paddingMode}'`;
}

/** The keyword arguments of the op, in the order of PyTorch's signature. */
export function torchArguments(problem: ConvProblem): string {
  const p = problem.params;
  if (p.op === 'conv2d')
    return `stride=${pythonPair(p.stride)}, padding=${paddingArgument(problem)}, dilation=${pythonPair(p.dilation)}, groups=${p.groups}`;
  return `stride=${pythonPair(p.stride)}, padding=${pythonPair(p.padBefore)}, output_padding=${pythonPair(p.outputPadding)}, groups=${p.groups}, dilation=${pythonPair(p.dilation)}`;
}

/** The transposed map back to the input's shape, with the op PyTorch has for it where one exists. */
function reconstructionLines(problem: ConvProblem): string[] {
  const p = problem.params;
  const { height, width } = problem.input;
  if (p.op === 'conv_transpose2d') {
    // conv2d is conv_transpose2d's adjoint; an output_padding of a stride or more leaves extra rows to drop.
    const crop =
      p.outputPadding[0] >= p.stride[0] || p.outputPadding[1] >= p.stride[1] ? `[:, :, :${height}, :${width}]` : '';
    return [
      `reconstruction = F.conv2d(out, w, stride=${pythonPair(p.stride)}, padding=${pythonPair(p.padBefore)}, dilation=${pythonPair(p.dilation)}, groups=${p.groups})${crop}`,
    ];
  }
  if (p.padBefore[0] !== p.padAfter[0] || p.padBefore[1] !== p.padAfter[1]) {
    return [
      `# padding='same' pads ${pythonPair(p.padBefore)} before and ${pythonPair(p.padAfter)} after, which conv_transpose2d cannot express:`,
      '# apply M^T directly.',
      'reconstruction = (out.flatten() @ M.T).view_as(x)',
    ];
  }
  const outputPadding = reconstructionOutputPadding(problem);
  return [
    `reconstruction = F.conv_transpose2d(out, w, stride=${pythonPair(p.stride)}, padding=${pythonPair(p.padBefore)}, output_padding=${pythonPair(outputPadding)}, groups=${p.groups}, dilation=${pythonPair(p.dilation)})`,
  ];
}

/** A PyTorch script that recomputes this exact problem in float64: the output, M and the reconstruction. */
export function torchSnippet(problem: ConvProblem, options: SnippetOptions = {}): string {
  const { input, weight, bias, params } = problem;
  const op = params.op === 'conv2d' ? 'F.conv2d' : 'F.conv_transpose2d';
  const args = torchArguments(problem);
  return [
    `# ${snippetTitle(problem, options)} in PyTorch (float64): vec(out) = vec(x) @ M + bias.`,
    'import torch',
    'import torch.nn.functional as F',
    '',
    '# x: [1][C_in][H][W]',
    `x = torch.tensor(${pythonLiteral([toNested(input.data, [input.channels, input.height, input.width])])}, dtype=torch.float64)`,
    `# w: ${weightLayout(problem)}`,
    `w = torch.tensor(${pythonLiteral(toNested(weight.data, weight.dims))}, dtype=torch.float64)`,
    bias ? `b = torch.tensor(${pythonLiteral(Array.from(bias))}, dtype=torch.float64)` : 'b = None',
    '',
    `out = ${op}(x, w, bias=b, ${args})`,
    '',
    '# The kernel matrix: row i is what input cell i adds to every output cell (the Jacobian, transposed).',
    `M = torch.autograd.functional.jacobian(lambda v: ${op}(v.view_as(x), w, ${args}).flatten(), x.flatten()).T`,
    '',
    "# The transposed map back to the input's shape, vec(out) @ M^T: the adjoint, not the inverse.",
    ...reconstructionLines(problem),
    '',
    'print(out[0])',
    'print(reconstruction[0])',
    '',
  ].join('\n');
}
