// Every span a reading gives is checked by slicing the text at it: a quick fix edits exactly what a span covers.
import * as assert from 'assert';
import { fixture, loadParser, read, textAt } from './helpers';

const FILES = ['small_cnn.py', 'lenet.py', 'unet_decoder.py', 'audio_1d.py'];

describe('python: spans point at the text they describe', () => {
  before(loadParser);

  for (const file of FILES) {
    it(`${file}: each call, its callee and its arguments`, () => {
      const text = fixture(file);
      const { layers } = read(text);
      assert.ok(layers.length >= 6, `${file}: ${layers.length} layers`);
      for (const call of layers) {
        const written = textAt(text, call.span) ?? '';
        const callee = textAt(text, call.calleeSpan) ?? '';
        assert.ok(callee.endsWith(call.torchName), `${callee} names ${call.torchName}`);
        assert.ok(written.startsWith(`${callee}(`) && written.endsWith(')'), written);
        for (const [name, argument] of Object.entries(call.args))
          assert.strictEqual(textAt(text, argument.span), argument.text, `${written}: ${name}`);
      }
    });
  }

  it('an unresolved argument written with non-ASCII text before it is spanned in UTF-16 units, as editors count', () => {
    const text = 'import torch.nn as nn\ntitle = "é😀 ünïcode"\nconv = nn.Conv2d(3, größe, 3)\n';
    const [call] = read(text).layers;
    assert.ok('unresolved' in call.layer);
    assert.strictEqual(textAt(text, call.layer.span), 'größe');
    assert.strictEqual(textAt(text, call.span), 'nn.Conv2d(3, größe, 3)');
  });
});
