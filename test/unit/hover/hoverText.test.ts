import * as assert from 'assert';
import { DEFAULT_FORMAT } from '../../../src/format/numberText';
import { describeLiteral } from '../../../src/hover/hoverText';

describe('hover previews', () => {
  it('a matrix: shape, min, max and its values', () => {
    const hover = describeLiteral('[[1, 2, 3], [4, 5, 6]]', DEFAULT_FORMAT);
    assert.ok(hover);
    assert.match(hover.markdown, /matrix 2×3 · min 1 · max 6/);
    assert.ok(hover.markdown.includes('```\n[[1 2 3]\n [4 5 6]]\n```'), hover.markdown);
    assert.strictEqual(hover.opensInPanel, false);
  });

  it('a numpy literal with decimals', () => {
    const hover = describeLiteral('np.array([[0.5, -1.25]])', { decimals: 2, exactFractions: false });
    assert.ok(hover);
    assert.match(hover.markdown, /matrix 1×2 · min -1.25 · max 0.5/);
    assert.ok(hover.markdown.includes('[[  0.5 -1.25]]'), hover.markdown);
  });

  it('numbers read as in the panel: integers as integers, others without padded zeros', () => {
    const hover = describeLiteral('[[12, 1.5]]', DEFAULT_FORMAT);
    assert.ok(hover);
    assert.ok(hover.markdown.includes('```\n[[ 12 1.5]]\n```'), hover.markdown);
    assert.match(hover.markdown, /· min 1\.5 · max 12$/m);
  });

  it('min, max and cells are rounded to the decimals; dust and -0 read 0', () => {
    const hover = describeLiteral('[[-0.0, 1e-17, -0.333333333]]', DEFAULT_FORMAT);
    assert.ok(hover);
    assert.ok(hover.markdown.includes('[[      0       0 -0.3333]]'), hover.markdown);
    assert.match(hover.markdown, /· min -0\.3333 · max 0$/m);
  });

  it('a large matrix is truncated to its top-left corner', () => {
    const rows = Array.from({ length: 20 }, (_, r) => Array.from({ length: 30 }, (_, c) => r * 30 + c));
    const hover = describeLiteral(JSON.stringify(rows), { decimals: 0, exactFractions: false });
    assert.ok(hover);
    assert.match(hover.markdown, /matrix 20×30 · min 0 · max 599/);
    assert.ok(hover.markdown.includes('[[  0   1   2   3   4   5   6   7 ...]'), hover.markdown);
    assert.ok(hover.markdown.includes(' ...]\n```'));
  });

  it('a conv spec: output shape, both formulas with numbers, the output, and the spec for the panel link', () => {
    const text = '{"input": [[1,2,3],[4,5,6],[7,8,9]], "kernel": [[1,2],[3,4]]}';
    const hover = describeLiteral(text, DEFAULT_FORMAT);
    assert.ok(hover);
    assert.match(hover.markdown, /`conv2d` · input 1×3×3 · weight 1×1×2×2 → output \*\*1×2×2\*\*/);
    assert.ok(hover.markdown.includes('- height: `floor((3 + 2*0 - 1*(2 - 1) - 1) / 1) + 1 = 2`'));
    assert.ok(hover.markdown.includes('[[37 47]\n [67 77]]'), hover.markdown);
    assert.strictEqual(hover.opensInPanel, true);
  });

  it('an impossible spec says why', () => {
    const hover = describeLiteral('{"input": [[1, 2]], "kernel": [[1, 2, 3]]}', DEFAULT_FORMAT);
    assert.ok(hover);
    assert.match(hover.markdown, /kernel width spans 3 cells .* padded input width is only 2/);
    assert.strictEqual(hover.opensInPanel, false);
  });

  it('text that is no literal gets no hover', () => {
    assert.strictEqual(describeLiteral('hello world', DEFAULT_FORMAT), undefined);
  });
});
