// Reading a document edit by edit (tree-sitter's incremental parse, the reader's kept statements) must give what a
// fresh read of the same text gives: the fresh read is the reference.
import * as assert from 'assert';
import fc from 'fast-check';
import { PythonDocuments } from '../../../src/python';
import { fixture, loadParser, read, textAt, theParser } from './helpers';

const DOCUMENT = ['small_cnn.py', 'lenet.py', 'unet_decoder.py', 'audio_1d.py', 'upsampler.py'].map(fixture).join('\n');

/** Pieces an edit inserts: code that makes or breaks layers, constants, models, comments, and non-ASCII text. */
const PIECE = fc.constantFrom(
  '',
  '3',
  '-',
  ', ',
  '(',
  ')',
  '\n',
  '    ',
  'K',
  'K = 5\n',
  'CHANNELS = (8, 4)\n',
  'nn.Conv2d(1, 2, 3)',
  'nn.Sequential(nn.ReLU(), ',
  'x = self.pool(x)\n        ',
  '# convlens: input 1x2x3\n',
  '  # convlens: output 8x8',
  ', output_size=[4, 4]',
  'import torch.nn as tnn\n',
  'class A(nn.Module):\n',
  '"é😀"',
);

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(40), insert: PIECE });

function applied(text: string, { at, remove, insert }: { at: number; remove: number; insert: string }): string {
  let start = Math.floor(at * text.length);
  // keep UTF-16 surrogate pairs whole, as an editor does
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start])) start--;
  let end = Math.min(text.length, start + remove);
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end++;
  return text.slice(0, start) + insert + text.slice(end);
}

describe('python: an edited document reads as a fresh read of its text', () => {
  before(loadParser);

  it('random edits of the model fixtures: each version equals a fresh read', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const documents = new PythonDocuments(theParser());
        let text = DOCUMENT;
        documents.read('file:///model.py', 1, text);
        edits.forEach((e, i) => {
          text = applied(text, e);
          assert.deepStrictEqual(documents.read('file:///model.py', i + 2, text), read(text));
        });
        documents.dispose();
      }),
      { numRuns: 40 },
    );
  });

  it('a constant changed above a model changes its layers; an import changed changes what names mean', () => {
    const documents = new PythonDocuments(theParser());
    const before = fixture('small_cnn.py');
    const first = documents.read('a.py', 1, before);
    assert.deepStrictEqual(first.layers.map((l) => l.torchName).slice(0, 2), ['Conv2d', 'BatchNorm2d']);
    const kernel5 = documents.read('a.py', 2, before.replace('K = 3', 'K = 5'));
    const conv = kernel5.models[0].steps[0].call.layer;
    assert.ok(!('unresolved' in conv) && conv.kind === 'conv');
    assert.deepStrictEqual(conv.kernel, [5, 5]);
    const otherNn = documents.read('a.py', 3, before.replace('import torch.nn as nn', 'import mylib as nn'));
    assert.deepStrictEqual(otherNn.layers, []);
  });

  it('statements sharing the first line keep their own readings after an edit elsewhere', () => {
    const documents = new PythonDocuments(theParser());
    const text = 'import torch.nn as nn; conv = nn.Conv2d(1, 2, 3)\nrelu = nn.ReLU()\nK = 3\n';
    documents.read('d.py', 1, text);
    const edited = text.replace('K = 3', 'K = 4');
    const reading = documents.read('d.py', 2, edited);
    assert.deepStrictEqual(
      reading.layers.map((l) => l.torchName),
      ['Conv2d', 'ReLU'],
    );
    assert.deepStrictEqual(reading, read(edited));
  });

  it('after an edit above them, kept readings point at their text where it moved to', () => {
    const documents = new PythonDocuments(theParser());
    const text = fixture('lenet.py');
    documents.read('b.py', 1, text);
    const moved = '# a comment\n# and another, é😀\n' + text;
    const reading = documents.read('b.py', 2, moved);
    const conv1 = reading.models[0].steps[0].call;
    assert.strictEqual(textAt(moved, conv1.span), 'nn.Conv2d(1, 6, 5)');
    assert.strictEqual(textAt(moved, conv1.args.kernel_size.span), '5');
    assert.strictEqual(textAt(moved, reading.models[0].input?.span), '1x1x32x32');
    assert.strictEqual(reading.models[0].steps[0].call, reading.layers[0]); // moved copies stay shared
  });

  it('the same text is read once, whatever its version (a save, an undo back to it)', () => {
    const documents = new PythonDocuments(theParser());
    const text = fixture('audio_1d.py');
    const first = documents.read('c.py', 7, text);
    assert.strictEqual(documents.read('c.py', 7, text), first);
    assert.strictEqual(documents.read('c.py', 8, text), first);
    assert.notStrictEqual(documents.read('c.py', 9, text + '\n'), first);
  });
});
