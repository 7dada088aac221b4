import * as assert from 'assert';
import { assertClose, flat } from '../support/approx';
import { GoldenNdSpec, loadGoldenNdCases, loadGoldenNdErrors, NestedNumbers } from '../support/golden';
import {
  NdParams,
  NdTensor,
  outputSpatial,
  product,
  referenceConvNd,
  referenceConvTransposeNd,
} from '../support/referenceNd';

// Checks the committed N-D golden data, not the engine: a broken generator fails here before any engine test runs.

/** The extents of a nested array; a ragged or empty one fails. */
function shapeOf(x: NestedNumbers | number): number[] {
  if (!Array.isArray(x)) return [];
  assert.ok(x.length > 0, 'empty array');
  const inner = x.map(shapeOf);
  inner.forEach((s) => assert.deepStrictEqual(s, inner[0], 'ragged array'));
  return [x.length, ...inner[0]];
}

const tensor = (x: NestedNumbers): NdTensor => ({ shape: shapeOf(x), data: flat(x) });
const spatialAxes = (s: GoldenNdSpec): number => Number(s.op.slice(-2, -1));
const isTransposed = (s: GoldenNdSpec): boolean => s.op.startsWith('conv_transpose');

function params(s: GoldenNdSpec): NdParams {
  return {
    stride: s.stride,
    padding: s.padding,
    dilation: s.dilation,
    outputPadding: s.output_padding,
    groups: s.groups,
    paddingMode: s.padding_mode,
  };
}

function reference(s: GoldenNdSpec, input: NdTensor, weight: NdTensor, bias: number[] | null): NdTensor {
  return (isTransposed(s) ? referenceConvTransposeNd : referenceConvNd)(input, weight, bias, params(s));
}

/** The spec is in canonical form: input [C][spatial...], the full weight, one entry per spatial axis. */
function assertCanonical(s: GoldenNdSpec): void {
  const n = spatialAxes(s);
  assert.strictEqual(shapeOf(s.input).length, n + 1, 'input [C][spatial...]');
  assert.strictEqual(shapeOf(s.weight).length, n + 2, 'weight [d0][d1][k...]');
  for (const field of [s.stride, s.dilation, s.output_padding]) assert.strictEqual(field.length, n);
  assert.ok(s.padding === 'same' || s.padding === 'valid' || s.padding.length === n, 'padding per axis');
}

/** v @ M */
function times(v: number[], m: number[][]): number[] {
  const out = new Array<number>(m[0].length).fill(0);
  for (let i = 0; i < v.length; i++) {
    for (let j = 0; j < out.length; j++) out[j] += v[i] * m[i][j];
  }
  return out;
}

/** v @ M^T */
function timesTransposed(v: number[], m: number[][]): number[] {
  return m.map((row) => {
    let sum = 0;
    for (let j = 0; j < row.length; j++) sum += row[j] * v[j];
    return sum;
  });
}

/** Row i is the reference's map, without bias, of the i-th unit input. */
function referenceKernelMatrix(s: GoldenNdSpec, input: NdTensor, weight: NdTensor): number[][] {
  return input.data.map(
    (_, i) =>
      reference(s, { shape: input.shape, data: input.data.map((_v, k) => (k === i ? 1 : 0)) }, weight, null).data,
  );
}

describe('golden-convnd.json (PyTorch) against an independent reference', () => {
  const cases = loadGoldenNdCases();
  const errors = loadGoldenNdErrors();

  it('has all 179 cases and 18 errors, each name once', () => {
    assert.strictEqual(cases.length, 179);
    assert.strictEqual(errors.length, 18);
    const names = [...cases, ...errors].map((c) => c.name);
    assert.strictEqual(new Set(names).size, names.length);
  });

  it('covers each op with zero padding and conv1d/2d/3d in every other padding mode', () => {
    const kinds = new Set(cases.map((c) => `${c.op} ${c.padding_mode}`));
    const modes = ['reflect', 'replicate', 'circular'];
    const expected = [
      ...['conv1d', 'conv3d', 'conv_transpose1d', 'conv_transpose3d'].map((op) => `${op} zeros`),
      ...['conv1d', 'conv2d', 'conv3d'].flatMap((op) => modes.map((mode) => `${op} ${mode}`)),
    ];
    assert.deepStrictEqual([...kinds].sort(), expected.sort());
  });

  cases.forEach((golden, i) => {
    it(`#${i} ${golden.name}: shapes, output${golden.kernel_matrix ? ', kernel matrix, reconstruction' : ''}`, () => {
      assertCanonical(golden);
      const input = tensor(golden.input);
      const weight = tensor(golden.weight);
      const transposed = isTransposed(golden);
      const [cin, ...spatial] = input.shape;
      assert.strictEqual(transposed ? weight.shape[0] : weight.shape[1] * golden.groups, cin, 'weight fits Cin');
      const cout = transposed ? weight.shape[1] * golden.groups : weight.shape[0];
      if (golden.bias) assert.strictEqual(golden.bias.length, cout, 'one bias per output channel');
      const outDims = outputSpatial(transposed, spatial, weight.shape.slice(2), params(golden));
      assert.deepStrictEqual(shapeOf(golden.expected), [cout, ...outDims], 'expected [Cout][output spatial...]');
      assertClose(reference(golden, input, weight, golden.bias).data, flat(golden.expected), 'reference output');

      const m = golden.kernel_matrix;
      if (!m) {
        assert.strictEqual(golden.reconstruction, undefined, 'a reconstruction needs its M');
        // One channel in and out leaves M out only when it is too big to store.
        if (cin === 1 && cout === 1) assert.ok(input.data.length * product(outDims) > 1600, 'M left out');
        return;
      }
      assert.ok(cin === 1 && cout === 1, 'M only for one channel in and out');
      assert.deepStrictEqual(shapeOf(m), [input.data.length, product(outDims)], 'M [Cin*in][Cout*out]');
      const bias = golden.bias?.[0] ?? 0;
      assertClose(
        times(input.data, m).map((v) => v + bias),
        flat(golden.expected),
        'vec(input) @ M + bias',
      );
      assertClose(flat(m), flat(referenceKernelMatrix(golden, input, weight)), 'M against the reference');
      assert.ok(golden.reconstruction, 'M comes with its reconstruction');
      assert.deepStrictEqual(shapeOf(golden.reconstruction), input.shape, 'reconstruction in the input shape');
      assertClose(timesTransposed(flat(golden.expected), m), flat(golden.reconstruction), 'vec(expected) @ M^T');
    });
  });

  errors.forEach((error, i) => {
    it(`error #${i} ${error.name}: a canonical spec and PyTorch's message`, () => {
      assertCanonical(error);
      assert.match(error.torch_error, /^\S[^\n]*$/, 'one line of text');
    });
  });
});
