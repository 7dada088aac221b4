// "Convolve selection" on conv1d, conv3d and padding-mode specs, pairs of lists and lone volumes, in the real
// extension host: every number checked comes from PyTorch (test/fixtures/golden-convnd.json).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { kernelItems } from '../../src/extension/kernelPick';
import { DEFAULT_FORMAT } from '../../src/format/numberText';
import type { ConvView } from '../../src/protocol/messages';
import { GoldenNdCase, goldenSpecText, loadGoldenNdCases, NestedNumbers } from '../support/golden';
import { convlensExtension, openText, pickFirstKernel, rangeOf, resultsOf, selectAll } from './support';

interface Grid {
  channels: number;
  depth: number;
  height: number;
  width: number;
  data: Float64Array;
}

/** The command's outcome (see src/extension/convolvePieces.ts). */
interface Outcome {
  view?: ConvView;
  error?: { message: string; range: { offset: number; length: number } };
}

const convolve = () => vscode.commands.executeCommand<Outcome>('convlens.convolveSelection');

const golden = loadGoldenNdCases();
function goldenCase(name: string): GoldenNdCase {
  const found = golden.find((c) => c.name === name);
  assert.ok(found, `no golden case "${name}"`);
  return found;
}

const flat = (v: NestedNumbers): number[] => (v as unknown[]).flat(Infinity) as number[];
function shapeOf(v: NestedNumbers): number[] {
  const shape: number[] = [];
  for (let x: unknown = v; Array.isArray(x); x = x[0]) shape.push(x.length);
  return shape;
}

/** The grid's shape as the op writes it, channels first (`[C][L]` for a 1-D op). */
const gridShape = (g: Grid, rank: number): number[] =>
  [g.channels, g.depth, g.height, g.width].slice(0, 1).concat([g.depth, g.height, g.width].slice(3 - rank));

function assertClose(actual: ArrayLike<number>, expected: number[], what: string): void {
  assert.strictEqual(
    actual.length,
    expected.length,
    `${what}: ${actual.length} values, PyTorch has ${expected.length}`,
  );
  for (let i = 0; i < expected.length; i++)
    assert.ok(
      Math.abs(actual[i] - expected[i]) <= 1e-9 * Math.max(1, Math.abs(expected[i])),
      `${what}[${i}]: ${actual[i]} vs ${expected[i]}`,
    );
}

describe('Convolve selection, every rank', () => {
  // Run before activation, the command comes back through the workbench, which turns typed arrays into objects.
  before(async () => {
    await convlensExtension().activate();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  const specs = [
    'conv1d 2 channels in, 3 out, bias, stride 2',
    'conv3d 2 in, 3 out, stride [2, 1, 2], padding 1',
    'conv1d reflect padding 2, dilation 2',
    'conv2d reflect padding [1, 2], stride [2, 1], dilation [1, 2]',
    'conv3d circular padding [1, 2, 0]',
    'conv_transpose3d stride, padding, dilation and output_padding per axis',
  ];
  for (const name of specs) {
    it(`a spec: ${name}`, async () => {
      const c = goldenCase(name);
      const editor = await openText(goldenSpecText(c));
      selectAll(editor);
      const { view, error } = await convolve();
      assert.ok(view, error?.message);
      const { output, reconstruction } = resultsOf(view);
      assert.strictEqual(view.geometry.op, c.op);
      assert.strictEqual(view.geometry.paddingMode, c.padding_mode);
      const rank = shapeOf(c.input).length - 1;
      assert.deepStrictEqual(gridShape(output, rank), shapeOf(c.expected));
      assertClose(output.data, flat(c.expected), 'output');
      if (c.reconstruction) assertClose(reconstruction.data, flat(c.reconstruction), 'reconstruction');
    });
  }

  it('a selected pair of 1-D lists in Python is a conv1d', async () => {
    const c = goldenCase('conv1d seed-like');
    const [input] = c.input as number[][];
    const [[kernel]] = c.weight as number[][][];
    const editor = await openText(`x = np.array(${JSON.stringify(input)})\nk = ${JSON.stringify(kernel)}\n`, 'python');
    selectAll(editor);
    const { view, error } = await convolve();
    assert.ok(view, error?.message);
    const { output, reconstruction } = resultsOf(view);
    assert.strictEqual(view.geometry.op, 'conv1d');
    assert.deepStrictEqual(gridShape(output, 1), shapeOf(c.expected));
    assertClose(output.data, flat(c.expected), 'output');
    assertClose(reconstruction.data, flat(c.reconstruction!), 'reconstruction');
  });

  it('the kernel pick offers kernels of the rank that fits the input, and typing accepts any rank', () => {
    const labels = (inputRank: number) => kernelItems([], DEFAULT_FORMAT, inputRank).map((item) => item.label);
    assert.deepStrictEqual(labels(1).slice(0, 4), [
      '$(edit) Enter a kernel as JSON…',
      '1-D presets',
      'Seed example',
      'Difference',
    ]);
    assert.deepStrictEqual(labels(3).slice(1, 3), ['3-D presets', 'Seed example 2x2x2']);
    assert.deepStrictEqual(labels(4).slice(1, 3), ['3-D presets', 'Seed example 2x2x2']);
    assert.ok(labels(2).includes('Sobel x'));
    // A recently used kernel shows only where its rank fits.
    const recent = [
      [
        [1, 2],
        [3, 4],
      ],
      [1, -1],
    ];
    assert.deepStrictEqual(
      kernelItems(recent, DEFAULT_FORMAT, 1)
        .slice(1, 3)
        .map((item) => item.label),
      ['recently used', 'Difference'],
    );
    assert.deepStrictEqual(
      kernelItems(recent, DEFAULT_FORMAT, 2)
        .slice(1, 3)
        .map((item) => item.label),
      ['recently used', 'Seed example'],
    );
  });

  it('a lone 1-D list asks for a 1-D kernel: the seed example gives what PyTorch gives', async function () {
    this.timeout(60_000);
    const c = goldenCase('conv1d seed-like');
    const editor = await openText(`${JSON.stringify((c.input as number[][])[0])}\n`);
    selectAll(editor);
    const { view, error } = await pickFirstKernel(convolve());
    assert.ok(view, error?.message);
    const { output } = resultsOf(view);
    assert.strictEqual(view.geometry.op, 'conv1d');
    assertClose(output.data, flat(c.expected), 'output');
  });

  it('a lone volume asks for a 3-D kernel: the seed example gives what PyTorch gives', async function () {
    this.timeout(60_000);
    const c = goldenCase('conv3d seed-like');
    const editor = await openText(`v = ${JSON.stringify((c.input as number[][][][])[0])}\n`, 'python');
    selectAll(editor);
    const { view, error } = await pickFirstKernel(convolve());
    assert.ok(view, error?.message);
    const { output } = resultsOf(view);
    assert.strictEqual(view.geometry.op, 'conv3d');
    assertClose(output.data, flat(c.expected), 'output');
  });

  it('a bad conv3d spec: the message names the axis and selects the value, the document stays as it was', async () => {
    const text =
      '{"op": "conv3d", "input": [[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]], "kernel": [[[1]]], "stride": [1, 0, 1]}\n';
    const editor = await openText(text);
    selectAll(editor);
    const { view, error } = await convolve();
    assert.strictEqual(view, undefined);
    assert.ok(error);
    assert.match(error.message, /stride height must be at least 1, but it is 0/);
    const zero = rangeOf(editor, '0, 1]}');
    const at = new vscode.Range(zero.start, zero.start.translate(0, 1));
    assert.ok(editor.selection.isEqual(new vscode.Selection(at.start, at.end)), JSON.stringify(editor.selection));
    assert.strictEqual(editor.document.getText(), text);
    assert.strictEqual(editor.document.isDirty, false);
  });

  it('a conv3d weight of the wrong rank: the message says which op the shapes fit, at the weight', async () => {
    const text = '{"op": "conv3d", "input": [[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]], "weight": [[[[1, 0], [0, 1]]]]}\n';
    const editor = await openText(text);
    selectAll(editor);
    const { error } = await convolve();
    assert.ok(error);
    assert.match(
      error.message,
      /conv3d reads weight as \[kd\]\[kh\]\[kw\] .* but it has shape \[1, 1, 2, 2\]\. For these shapes set "op": "conv2d"\./,
    );
    const weight = rangeOf(editor, '[[[[1, 0], [0, 1]]]]');
    assert.strictEqual(error.range.offset, editor.document.offsetAt(weight.start));
    assert.strictEqual(error.range.length, '[[[[1, 0], [0, 1]]]]'.length);
  });
});
