// The inlay hints of a model: one per line, a line that applies several layers naming them in the order they apply.
// The shapes are torch's, forward's steps applied one by one to LeNet on 1x1x32x32 (lenet.hints.json).
import * as assert from 'assert';
import { shapeHints, stepShapes } from '../../../src/hover/modelShapes';
import { loadLenetHints } from '../../support/golden';
import { fixture, loadParser, read } from '../python/helpers';

describe('shape hints, one per line', () => {
  before(loadParser);

  it('LeNet: a line applying conv1, bn1, relu and pool gets one hint naming them, each shape in its tooltip', () => {
    const text = fixture('lenet.py');
    const [model] = read(text).models;
    const hints = shapeHints(stepShapes(model, model.input!.shape));
    const lineOf = (at: number) => text.slice(text.lastIndexOf('\n', at - 1) + 1, at).trim();
    const expected = loadLenetHints();
    assert.deepStrictEqual(
      hints.map((h) => [lineOf(h.at), h.label]),
      expected.hints,
    );
    assert.strictEqual(hints[0].tooltip, expected.firstTooltip);
    assert.strictEqual(hints[2].tooltip, 'Shape after flatten, batch first: 1×400');
  });

  it('a Sequential keeps a hint per layer, and the hints stop at the first step that refuses its input', () => {
    const [model] = read(fixture('small_cnn.py')).models;
    const labels = shapeHints(stepShapes(model, [1, 3, 32, 32])).map((h) => h.label);
    // torch, step by step on 1x3x32x32
    assert.deepStrictEqual(labels, [
      '→ 16×32×32',
      '→ 16×32×32',
      '→ 16×32×32',
      '→ 16×16×16',
      '→ 32×16×16',
      '→ 32×16×16',
      '→ 32×4×4',
      '→ 512',
      '→ 10',
    ]);
    // 1 channel reaches a Conv2d(3, ...): no hint at all
    assert.deepStrictEqual(shapeHints(stepShapes(model, [1, 1, 32, 32])), []);
  });
});
