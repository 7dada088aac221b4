import { ConvProblem } from '../spec';
import { toNested } from '../tensor';
import { pythonLiteral, pythonPair } from './pythonLiteral';
import { SnippetOptions, snippetTitle, weightLayout } from './snippetParts';

/** NumPy has no conv2d: both maps written out with loops over windows and stamps, PyTorch's semantics. */
const FUNCTIONS = `def conv2d(x, w, b, stride, pad_before, pad_after, dilation, groups):
    """PyTorch's conv2d (a cross-correlation): each output cell is one window of the padded input times the kernel."""
    (sh, sw), (dh, dw) = stride, dilation
    c_out, c_in_g, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (pad_before[0], pad_after[0]), (pad_before[1], pad_after[1])))
    out = np.zeros((c_out, (xp.shape[1] - dh * (kh - 1) - 1) // sh + 1, (xp.shape[2] - dw * (kw - 1) - 1) // sw + 1))
    for o in range(c_out):
        g = o // (c_out // groups)
        for i in range(out.shape[1]):
            for j in range(out.shape[2]):
                window = xp[g * c_in_g:(g + 1) * c_in_g, i * sh:i * sh + dh * (kh - 1) + 1:dh, j * sw:j * sw + dw * (kw - 1) + 1:dw]
                out[o, i, j] = np.sum(window * w[o])
    return out if b is None else out + b[:, None, None]


def transposed_map(y, w, stride, pad_before, dilation, groups, size):
    """Scatter: each cell of y stamps its kernels, scaled, onto a canvas; the padding is then cut off."""
    (sh, sw), (dh, dw) = stride, dilation
    d0, d1, kh, kw = w.shape
    reach = ((y.shape[1] - 1) * sh + dh * (kh - 1) + 1, (y.shape[2] - 1) * sw + dw * (kw - 1) + 1)
    canvas = np.zeros((d1 * groups, max(reach[0], pad_before[0] + size[0]), max(reach[1], pad_before[1] + size[1])))
    for c in range(d0):
        g = c // (d0 // groups)
        for i in range(y.shape[1]):
            for j in range(y.shape[2]):
                canvas[g * d1:(g + 1) * d1, i * sh:i * sh + dh * (kh - 1) + 1:dh, j * sw:j * sw + dw * (kw - 1) + 1:dw] += y[c, i, j] * w[c]
    return canvas[:, pad_before[0]:pad_before[0] + size[0], pad_before[1]:pad_before[1] + size[1]]`;

/** The parameter lines; padding as two pairs, since "same" can pad more after than before. */
export function numpyParameters(problem: ConvProblem): string[] {
  const g = problem.geometry;
  const plane = (field: 'stride' | 'dilation' | 'padBefore' | 'padAfter' | 'outputPadding') =>
    pythonPair([g.axes[1][field], g.axes[2][field]]);
  const written = g.paddingKind === 'explicit' ? `padding=${plane('padBefore')}` : `padding='${g.paddingKind}'`;
  return [
    `stride, dilation, groups = ${plane('stride')}, ${plane('dilation')}, ${g.groups}`,
    `pad_before, pad_after = ${plane('padBefore')}, ${plane('padAfter')}  # ${written}`,
    ...(g.transposed ? [`output_padding = ${plane('outputPadding')}`] : []),
  ];
}

function computationLines(problem: ConvProblem): string[] {
  if (!problem.geometry.transposed) {
    const forward = (v: string, b: string) => `conv2d(${v}, w, ${b}, stride, pad_before, pad_after, dilation, groups)`;
    return [
      `out = ${forward('x', 'b')}`,
      '',
      '# The kernel matrix: row k is what input cell k adds to every output cell.',
      `M = np.stack([${forward('e.reshape(x.shape)', 'None')}.ravel() for e in np.eye(x.size)])`,
      '',
      "# The transposed map back to the input's shape, vec(out) @ M^T: the adjoint, not the inverse.",
      'reconstruction = transposed_map(out, w, stride, pad_before, dilation, groups, x.shape[1:])',
    ];
  }
  const forward = (v: string) => `transposed_map(${v}, w, stride, pad_before, dilation, groups, size)`;
  return [
    '# Output size: (in - 1)*stride - 2*padding + dilation*(k - 1) + output_padding + 1',
    'size = tuple((x.shape[1 + a] - 1) * stride[a] - 2 * pad_before[a] + dilation[a] * (w.shape[2 + a] - 1) + output_padding[a] + 1 for a in (0, 1))',
    `out = ${forward('x')}`,
    'if b is not None:',
    '    out += b[:, None, None]',
    '',
    '# The kernel matrix: row k is what input cell k adds to every output cell.',
    `M = np.stack([${forward('e.reshape(x.shape)')}.ravel() for e in np.eye(x.size)])`,
    '',
    "# The transposed map back to the input's shape, vec(out) @ M^T: conv2d, conv_transpose2d's adjoint (not its inverse).",
    'reconstruction = conv2d(out, w, None, stride, pad_before, pad_before, dilation, groups)[:, :x.shape[1], :x.shape[2]]',
  ];
}

/** A NumPy script (loops, no deep-learning library) that recomputes this exact problem in float64. */
export function numpySnippet(problem: ConvProblem, options: SnippetOptions = {}): string {
  const { input, weight, bias } = problem;
  return [
    `# ${snippetTitle(problem, options)} in NumPy (float64): vec(out) = vec(x) @ M + bias.`,
    'import numpy as np',
    '',
    FUNCTIONS,
    '',
    '',
    '# x: [C_in][H][W]',
    `x = np.array(${pythonLiteral(toNested(input.data, [input.channels, input.height, input.width]))}, dtype=np.float64)`,
    `# w: ${weightLayout(problem)}`,
    `w = np.array(${pythonLiteral(toNested(weight.data, [weight.dims[0], weight.dims[1], weight.dims[3], weight.dims[4]]))}, dtype=np.float64)`,
    bias ? `b = np.array(${pythonLiteral(Array.from(bias))}, dtype=np.float64)` : 'b = None',
    ...numpyParameters(problem),
    '',
    ...computationLines(problem),
    '',
    'print(out)',
    'print(reconstruction)',
    '',
  ].join('\n');
}
