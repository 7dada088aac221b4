import { PaddingMode } from '../ops';
import { ConvProblem } from '../spec';
import { toNested } from '../tensor';
import { pythonLiteral, pythonTuple } from './pythonLiteral';
import {
  axisValues,
  inputLayout,
  inputShape,
  SnippetOptions,
  snippetTitle,
  weightLayout,
  weightShape,
} from './snippetParts';

/**
 * NumPy has no convolution: both maps written out with loops over windows and stamps, PyTorch's semantics, for any
 * number of spatial axes (`np.ndindex` walks the positions, a slice per axis cuts the dilated window).
 */
const FUNCTIONS = `def conv(x, w, b, stride, pad_before, pad_after, dilation, span, groups, mode):
    """PyTorch's convNd (a cross-correlation): each output cell is one window of the padded input times the kernel."""
    n = x.ndim - 1
    xp = np.pad(x, [(0, 0)] + list(zip(pad_before, pad_after)), mode=mode)
    c_out, c_in_g = w.shape[:2]
    out = np.zeros((c_out,) + tuple((xp.shape[1 + a] - span[a]) // stride[a] + 1 for a in range(n)))
    for o in range(c_out):
        g = o // (c_out // groups)
        for at in np.ndindex(*out.shape[1:]):
            window = tuple(slice(at[a] * stride[a], at[a] * stride[a] + span[a], dilation[a]) for a in range(n))
            out[(o,) + at] = np.sum(xp[(slice(g * c_in_g, (g + 1) * c_in_g),) + window] * w[o])
    return out if b is None else out + b.reshape((-1,) + (1,) * n)


def transposed_map(y, w, stride, pad_before, dilation, span, groups, size):
    """Scatter: each cell of y stamps its kernels, scaled, onto a canvas; the padding is then cut off."""
    n = y.ndim - 1
    d0, d1 = w.shape[:2]
    reach = tuple(max((y.shape[1 + a] - 1) * stride[a] + span[a], pad_before[a] + size[a]) for a in range(n))
    canvas = np.zeros((d1 * groups,) + reach)
    for c in range(d0):
        g = c // (d0 // groups)
        for at in np.ndindex(*y.shape[1:]):
            stamp = tuple(slice(at[a] * stride[a], at[a] * stride[a] + span[a], dilation[a]) for a in range(n))
            canvas[(slice(g * d1, (g + 1) * d1),) + stamp] += y[(c,) + at] * w[c]
    return canvas[(slice(None),) + tuple(slice(pad_before[a], pad_before[a] + size[a]) for a in range(n))]`;

/** np.pad's name for each padding mode: what a padded cell holds. */
const NP_PAD_MODE: Readonly<Record<PaddingMode, string>> = {
  zeros: 'constant',
  reflect: 'reflect',
  replicate: 'edge',
  circular: 'wrap',
};

/** The parameter lines, one value per spatial axis; padding as two tuples, since "same" can pad more after. */
export function numpyParameters(problem: ConvProblem): string[] {
  const g = problem.geometry;
  const axes = (field: Parameters<typeof axisValues>[1]) => pythonTuple(axisValues(problem, field));
  const written = g.paddingKind === 'explicit' ? `padding=${axes('padBefore')}` : `padding='${g.paddingKind}'`;
  return [
    `stride, dilation, groups = ${axes('stride')}, ${axes('dilation')}, ${g.groups}`,
    `pad_before, pad_after = ${axes('padBefore')}, ${axes('padAfter')}  # ${written}`,
    `span = ${axes('span')}  # cells one kernel placement covers, dilation included`,
    ...(g.transposed ? [`output_padding = ${axes('outputPadding')}`] : []),
    ...(g.transposed ? [] : [`mode = '${NP_PAD_MODE[g.paddingMode]}'  # padding_mode '${g.paddingMode}'`]),
  ];
}

/** The first `x.shape[1:]` cells of each spatial axis. */
const CROP_TO_INPUT = '[(slice(None),) + tuple(slice(0, s) for s in x.shape[1:])]';

function computationLines(problem: ConvProblem): string[] {
  const g = problem.geometry;
  if (!g.transposed) {
    const forward = (v: string, b: string) =>
      `conv(${v}, w, ${b}, stride, pad_before, pad_after, dilation, span, groups, mode)`;
    return [
      `out = ${forward('x', 'b')}`,
      '',
      '# The kernel matrix: row k is what input cell k adds to every output cell.',
      `M = np.stack([${forward('e.reshape(x.shape)', 'None')}.ravel() for e in np.eye(x.size)])`,
      '',
      "# The transposed map back to the input's shape, vec(out) @ M^T: the adjoint, not the inverse.",
      g.paddingMode === 'zeros'
        ? 'reconstruction = transposed_map(out, w, stride, pad_before, dilation, span, groups, x.shape[1:])'
        : `# padding_mode '${g.paddingMode}' folds each padded copy back onto the cell it copies: M^T directly.\nreconstruction = (out.ravel() @ M.T).reshape(x.shape)`,
    ];
  }
  const forward = (v: string) => `transposed_map(${v}, w, stride, pad_before, dilation, span, groups, size)`;
  return [
    '# Output size: (in - 1)*stride - 2*padding + span + output_padding',
    'size = tuple((x.shape[1 + a] - 1) * stride[a] - 2 * pad_before[a] + span[a] + output_padding[a] for a in range(x.ndim - 1))',
    `out = ${forward('x')}`,
    'if b is not None:',
    '    out += b.reshape((-1,) + (1,) * (x.ndim - 1))',
    '',
    '# The kernel matrix: row k is what input cell k adds to every output cell.',
    `M = np.stack([${forward('e.reshape(x.shape)')}.ravel() for e in np.eye(x.size)])`,
    '',
    `# The transposed map back to the input's shape, vec(out) @ M^T: the conv, ${g.op}'s adjoint (not its inverse).`,
    `reconstruction = conv(out, w, None, stride, pad_before, pad_before, dilation, span, groups, 'constant')${CROP_TO_INPUT}`,
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
    `# x: ${inputLayout(problem)}`,
    `x = np.array(${pythonLiteral(toNested(input.data, inputShape(problem)))}, dtype=np.float64)`,
    `# w: ${weightLayout(problem)}`,
    `w = np.array(${pythonLiteral(toNested(weight.data, weightShape(problem)))}, dtype=np.float64)`,
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
