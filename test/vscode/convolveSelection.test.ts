// "ConvLens: Convolve selection" on the examples, through executeCommand, as the palette runs it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ConvView } from '../../src/protocol/messages';
import { note } from '../host/mochaRun';
import {
  logMatch,
  openExample,
  openText,
  pickFirstKernel,
  rangeOf,
  resultsOf,
  select,
  selectAll,
  values,
} from './support';
import { SEED_SPEC } from '../support/seed';

/** The command's outcome (see src/extension/convolveSelection.ts). */
interface Outcome {
  view?: ConvView;
  error?: { message: string; range: { offset: number; length: number } };
}

const convolve = () => vscode.commands.executeCommand<Outcome>('convlens.convolveSelection');

describe('Convolve selection', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('computes the seed spec: output and reconstruction (the kernel matrix is the page’s to build)', async () => {
    const editor = await openExample('seed.json');
    selectAll(editor);
    const { view } = await convolve();
    assert.ok(view);
    const { output, reconstruction } = resultsOf(view);
    assert.deepStrictEqual(values(output.data), [37, 47, 67, 77]);
    assert.deepStrictEqual(values(reconstruction.data), [37, 121, 94, 178, 500, 342, 201, 499, 308]);
    assert.ok(!('kernelMatrix' in view), 'the host builds no kernel matrix');
    assert.strictEqual(view.source, 'seed.json:1:1');
  });

  it('uses the spec around the cursor when nothing is selected', async () => {
    const editor = await openExample('transposed-stride2.json');
    const inside = rangeOf(editor, '"stride": 2').start;
    select(editor, new vscode.Range(inside, inside));
    const { view } = await convolve();
    assert.ok(view);
    const { output } = resultsOf(view);
    assert.deepStrictEqual([output.channels, output.height, output.width], [1, 6, 6]);
    // Output (0,0) = input(0,0) * kernel(1,1) with padding 1: 1 * 4.
    assert.strictEqual(output.data[0], 4);
  });

  it('takes input then kernel from two selections (multi-cursor) in Python', async () => {
    const editor = await openExample('numpy_literals.py');
    const image = rangeOf(
      editor,
      'np.array([[1, 2, 3],\n                  [4, 5, 6],\n                  [7, 8, 9]], dtype=np.float64)',
    );
    select(editor, image, rangeOf(editor, 'np.array([[1, 2],\n                   [3, 4]])'));
    const { view } = await convolve();
    assert.ok(view);
    const { output } = resultsOf(view);
    assert.deepStrictEqual(values(output.data), [37, 47, 67, 77]);
  });

  it('computes a grouped multi-channel spec written in JSONC', async () => {
    const editor = await openExample('grouped-multichannel.jsonc');
    selectAll(editor);
    const { view } = await convolve();
    assert.ok(view);
    const { output } = resultsOf(view);
    assert.deepStrictEqual([output.channels, output.height, output.width], [4, 2, 4]);
    // Channel 1, bias 1: padded windows of input channels 0 and 1 with [[1,1],[1,1]] and [[1,-1],[-1,1]].
    assert.deepStrictEqual(values(output.data.subarray(8, 12)), [2, 5, 5, 4]);
  });

  it('points at a ragged row, selects it, and leaves the document untouched', async () => {
    const editor = await openExample('mistakes/ragged-rows.json');
    const before = editor.document.getText();
    selectAll(editor);
    const { error, view } = await convolve();
    assert.strictEqual(view, undefined);
    assert.ok(error);
    assert.match(error.message, /input\[1\] has 2 elements, but input\[0\] has 3/);
    const ragged = rangeOf(editor, '[4, 5]');
    assert.ok(
      editor.selection.isEqual(new vscode.Selection(ragged.start, ragged.end)),
      `selection is ${JSON.stringify(editor.selection)}`,
    );
    assert.strictEqual(editor.document.getText(), before);
    assert.strictEqual(editor.document.isDirty, false);
  });

  it('explains an impossible output_padding at its value', async () => {
    const editor = await openExample('mistakes/output-padding.json');
    selectAll(editor);
    const { error } = await convolve();
    assert.ok(error);
    assert.match(
      error.message,
      /output_padding width \(2\) must be smaller than either stride \(2\) or dilation \(1\)/,
    );
    const at = rangeOf(editor, '2]}');
    assert.strictEqual(error.range.offset, editor.document.offsetAt(at.start));
  });

  it('logs the time it computed, not the time the user spent choosing a kernel', async function () {
    this.timeout(60_000);
    const editor = await openText('[[1, 2, 3], [4, 5, 6], [7, 8, 9]]\n');
    selectAll(editor);
    const outcome = convolve();
    // The user looks at the kernels for a second; the pick has long been open (a 3x3 matrix reads in milliseconds).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    let chosen = 0;
    // Down to the first kernel (the first row asks for one to be typed) and Enter; again if the pick was not up yet.
    await pickFirstKernel(outcome, () => (chosen = Date.now()));
    const sinceChosen = Date.now() - chosen;
    const { view } = await outcome;
    assert.ok(view);
    const source = view.source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const logged = Number((await logMatch(new RegExp(`${source}: conv2d computed in (\\d+) ms`)))[1]);
    // The figure covers the computation only, all of which happened after the kernel was chosen.
    assert.ok(logged <= sinceChosen, `logged ${logged} ms, but the kernel was chosen only ${sinceChosen} ms before`);
    note(this.test, `logged ${logged} ms; ${sinceChosen} ms from choosing the kernel to the command's end`);
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('convlens.open computes a spec passed as an argument, wrapped or bare', async () => {
    const wrapped = await vscode.commands.executeCommand<Outcome>('convlens.open', {
      spec: {
        input: [
          [1, 2],
          [3, 4],
        ],
        kernel: [[1]],
        bias: [10],
      },
      source: 'from a test',
    });
    assert.ok(wrapped.view);
    const { output: wrappedOutput } = resultsOf(wrapped.view);
    assert.deepStrictEqual(values(wrappedOutput.data), [11, 12, 13, 14]);
    assert.strictEqual(wrapped.view.source, 'from a test');
    const bare = await vscode.commands.executeCommand<Outcome>('convlens.open', SEED_SPEC);
    assert.ok(bare.view);
    const { output: bareOutput } = resultsOf(bare.view);
    assert.deepStrictEqual(values(bareOutput.data), [37, 47, 67, 77]);
  });
});
