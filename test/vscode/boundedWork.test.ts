// Tiny specs with huge parameters through the user's paths: Convolve selection, convlens.open with a spec value, a
// restored panel, and the hover. Each is refused by a named limit or computed with work the limits bound; the
// spec values and kept specs are computed on the worker, never on the extension host's thread.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ConvolveDeps } from '../../src/extension/convolvePieces';
import { openSpec } from '../../src/extension/openSpec';
import { restoreView } from '../../src/extension/restoreView';
import { ConvolveClient } from '../../src/extension/worker/convolveClient';
import type { ConvView } from '../../src/protocol/messages';
import { convlensExtension, copiedResults, hoverText, openText, rangeOf, selectAll } from './support';
import { SEED_SPEC } from '../support/seed';

interface Outcome {
  view?: ConvView;
  error?: { message: string; range: { offset: number; length: number } } | string;
}

const convolve = () => vscode.commands.executeCommand<Outcome>('convlens.convolveSelection');

/** The extension's worker client, counting the jobs handed to it: what runs there does not run on this thread. */
class CountingClient extends ConvolveClient {
  jobs = 0;
  override run(...args: Parameters<ConvolveClient['run']>): ReturnType<ConvolveClient['run']> {
    this.jobs++;
    return super.run(...args);
  }
  override runSpec(...args: Parameters<ConvolveClient['runSpec']>): ReturnType<ConvolveClient['runSpec']> {
    this.jobs++;
    return super.runSpec(...args);
  }
}

const extensionPath = (): string => convlensExtension().extensionPath;
// The parser refuses it where it is written, the engine where a spec value holds it: both name the field and 2^53 - 1.
const HUGE_STRIDE = /^stride is `?1e\+?300`?.*(9,007,199,254,740,991|9007199254740991)/;
const DILATED = '{"input":[[1,2]],"weight":[[1,2]],"dilation":[1,100000000],"padding":[0,50000000]}';

describe('work bounded by the limits, off the host thread', () => {
  let worker: CountingClient;
  before(() => (worker = new CountingClient(extensionPath())));
  after(() => worker.dispose());
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('Convolve selection refuses a stride of 1e300 at its value', async () => {
    const editor = await openText('{"input":[[1]],"weight":[[1]],"stride":1e300}');
    selectAll(editor);
    const { error } = await convolve();
    assert.ok(error && typeof error === 'object', 'a refusal');
    assert.match(error.message, HUGE_STRIDE);
    assert.strictEqual(error.range.offset, editor.document.offsetAt(rangeOf(editor, '1e300').start));
  });

  it('Convolve selection refuses a dilated, padded spec by the grid its kernel sweeps, naming the setting', async () => {
    const conv = await openText(DILATED);
    selectAll(conv);
    const padded = (await convolve()).error;
    assert.ok(padded && typeof padded === 'object');
    assert.strictEqual(
      padded.message,
      'The padded input would have 1 x 1 x 100,000,002 = 100,000,002 cells, more than the limit of 4,000,000. Raise convlens.limits.maxInputCells to allow it.',
    );
    const transposed = await openText(DILATED.replace('{', '{"op":"conv_transpose2d",'));
    selectAll(transposed);
    const uncropped = (await convolve()).error;
    assert.ok(uncropped && typeof uncropped === 'object');
    // (2 - 1)*1 + 100,000,000*(2 - 1) + 1 columns before the padding of 50,000,000 a side crops them.
    assert.strictEqual(
      uncropped.message,
      'The output before padding crops it would have 1 x 1 x 100,000,002 = 100,000,002 cells, more than the limit of 4,000,000. Raise convlens.limits.maxOutputCells to allow it.',
    );
  });

  it('Convolve selection computes conv_transpose2d with stride 130,000 on a 1 x 2 input', async () => {
    const editor = await openText('{"op":"conv_transpose2d","input":[[1,2]],"weight":[[5]],"stride":130000}');
    selectAll(editor);
    const { view, error } = await convolve();
    assert.ok(view, JSON.stringify(error));
    // Two stamps of the 1 x 1 kernel, 130,000 columns apart.
    assert.deepStrictEqual([view.geometry.output.height, view.geometry.output.width], [1, 130_001]);
    const { output, reconstruction } = await copiedResults(worker, view);
    assert.strictEqual(output.length, 130_001);
    assert.deepStrictEqual([output[0], output[130_000]], [5, 10]);
    assert.strictEqual(output.filter((v) => v !== 0).length, 2);
    assert.deepStrictEqual(reconstruction, [25, 50]);
  });

  it('convlens.open computes a spec value on the worker, and refuses a huge one there', async () => {
    const shown: ConvView[] = [];
    const deps: ConvolveDeps = {
      state: { keys: () => [], get: () => undefined, update: async () => undefined } as vscode.Memento,
      worker,
      show: (view) => shown.push(view),
    };
    const before = worker.jobs;
    const opened = (await openSpec({ spec: SEED_SPEC, source: 'a test' }, deps)) as Outcome;
    assert.ok(opened.view);
    assert.deepStrictEqual(await copiedResults(worker, opened.view), {
      output: [37, 47, 67, 77],
      reconstruction: [37, 121, 94, 178, 500, 342, 201, 499, 308],
    });
    assert.strictEqual(shown.length, 1);
    const refused = (await openSpec({ ...SEED_SPEC, stride: 1e300 }, deps)) as Outcome;
    assert.ok(typeof refused.error === 'string');
    assert.match(refused.error, HUGE_STRIDE);
    assert.strictEqual(worker.jobs - before, 2, 'both specs went to the worker');
    // The command itself answers the same.
    const command = await vscode.commands.executeCommand<Outcome>('convlens.open', { spec: SEED_SPEC });
    assert.deepStrictEqual((await copiedResults(worker, command.view!)).output, [37, 47, 67, 77]);
  });

  it("a restored panel computes the page's kept spec on the worker, and a huge one is a message", async () => {
    const before = worker.jobs;
    const restored = await restoreView({ spec: SEED_SPEC }, worker);
    assert.ok(typeof restored === 'object');
    assert.deepStrictEqual((await copiedResults(worker, restored.view)).output, [37, 47, 67, 77]);
    const huge = await restoreView({ spec: { input: [[1]], weight: [[1]], stride: 1e300 } }, worker);
    assert.match(String(huge), HUGE_STRIDE);
    assert.strictEqual(worker.jobs - before, 2, 'both kept specs went to the worker');
  });

  it('a hover on a spec whose padded input is huge gives the formula and shapes, no computed preview', async () => {
    const editor = await openText(DILATED);
    const text = await hoverText(editor.document.uri, rangeOf(editor, '[1,2]').start);
    assert.match(text, /`conv2d` · input 1×1×2 · weight 1×1×1×2 → output \*\*1×1×2\*\*/);
    assert.ok(text.includes('floor((2 + 2*50000000 - 100000000*(2 - 1) - 1) / 1) + 1 = 2'), text);
    assert.ok(!text.includes('output:'), text);
  });

  it('a hover on a 1 x 1 spec with stride 100,000,000 previews its one output', async () => {
    const editor = await openText('{"input":[[3]],"weight":[[2]],"stride":100000000}');
    const text = await hoverText(editor.document.uri, rangeOf(editor, '[[3]]').start);
    assert.ok(text.includes('output:\n```\n[[6]]\n```'), text);
  });
});
