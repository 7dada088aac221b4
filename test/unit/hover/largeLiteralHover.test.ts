import * as assert from 'assert';
import fc from 'fast-check';
import { DEFAULT_FORMAT } from '../../../src/format/numberText';
import { describeLiteral, LARGE_LITERAL_CHARACTERS } from '../../../src/hover/hoverText';
import { scanArrayShape, scanObjectFields } from '../../../src/parse/shapeScan';

/** A JSON matrix of `rows` x `cols` long decimals, large enough to take the shape-only path. */
function bigMatrix(rows: number, cols: number): string {
  return `[${Array.from({ length: rows }, (_, i) => `[${Array.from({ length: cols }, (_, j) => (i * cols + j) / 7).join(', ')}]`).join(',\n')}]`;
}

describe('shape scan of large literals', () => {
  it('measures nested arrays without reading their numbers', () => {
    assert.deepStrictEqual(scanArrayShape('[[1,2,3,4],[5,6,7,8],[9,10,11,12]]', 0), { shape: [3, 4], end: 33 });
    assert.deepStrictEqual(scanArrayShape('[[[1],[2]],[[3],[4]],[[5],[6]]]', 0)?.shape, [3, 2, 1]);
    assert.deepStrictEqual(scanArrayShape('[[1, 2,], [3, 4,],]', 0)?.shape, [2, 2]);
    assert.deepStrictEqual(scanArrayShape('[["a,]b", 2]]', 0)?.shape, [1, 2]);
    assert.deepStrictEqual(scanArrayShape('[]', 0)?.shape, [0]);
    assert.strictEqual(scanArrayShape('[[1, 2]', 0), undefined);
  });

  it('once a row’s length is known it only looks for brackets and quotes, which measure the same as before', () => {
    assert.deepStrictEqual(scanArrayShape('[[1, 2], [3, "]", 4], [5]]', 0), { shape: [3, 2], end: 25 });
    assert.deepStrictEqual(scanArrayShape('[[1], [2, [3, 4]]]', 0), { shape: [2, 1], end: 17 }); // ragged: measured by first elements
    assert.deepStrictEqual(scanArrayShape('[[1], [[2]]]', 0), { shape: [2, 1, 1], end: 11 });
    assert.deepStrictEqual(scanArrayShape("[(1, 2), (3, ')'), (5, 6),]", 0), { shape: [3, 2], end: 26 });
    const planes = `[${Array.from({ length: 3 }, () => bigMatrix(40, 50)).join(', ')}] tail`;
    assert.deepStrictEqual(scanArrayShape(planes, 0), { shape: [3, 40, 50], end: planes.length - 6 });
  });

  it('agrees with JSON.parse on random rectangular arrays', () => {
    const dims = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(dims, (shape) => {
        const build = (d: number): unknown =>
          d === shape.length ? d * 1.5 : Array.from({ length: shape[d] }, () => build(d + 1));
        const text = JSON.stringify(build(0));
        assert.deepStrictEqual(scanArrayShape(text, 0)?.shape, shape);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('finds a spec object’s fields and measures its arrays in the same pass', () => {
    const text = '{"input": [[1,2],[3,4]], "kernel": [[1]], "stride": 2, "name": "a,}"}';
    const fields = scanObjectFields(text, 0)!;
    assert.deepStrictEqual([...fields.keys()], ['input', 'kernel', 'stride', 'name']);
    assert.deepStrictEqual(fields.get('input')?.shape, [2, 2]);
    assert.strictEqual(text.slice(fields.get('stride')!.start, fields.get('stride')!.end).trim(), '2');
  });
});

describe('hover on a literal of megabytes', () => {
  it('a spec: shapes and the output size with the formula, no values', () => {
    const text = `{"input": ${bigMatrix(300, 300)}, "kernel": [[1, 0], [0, -1]], "stride": 2, "padding": 1}`;
    assert.ok(text.length > LARGE_LITERAL_CHARACTERS);
    const hover = describeLiteral(text, DEFAULT_FORMAT);
    assert.ok(hover);
    assert.match(hover.markdown, /input 1×300×300 · weight 1×1×2×2 → output \*\*1×151×151\*\*/);
    assert.ok(hover.markdown.includes('floor((300 + 2*1 - 1*(2 - 1) - 1) / 2) + 1 = 151'));
    assert.match(hover.markdown, /values not previewed \(\d\.\d MB\)/);
    assert.strictEqual(hover.opensInPanel, true, 'the link carries where the spec is, so big specs get it too');
  });

  it('an impossible large spec still says why, with no link', () => {
    const text = `{"input": ${bigMatrix(300, 300)}, "kernel": [[1]], "groups": 2}`;
    const hover = describeLiteral(text, DEFAULT_FORMAT);
    assert.match(hover?.markdown ?? '', /groups = 2 must divide the input's 1 channel/);
    assert.strictEqual(hover?.opensInPanel, false);
  });

  it('a numpy matrix: its shape, with no link (a lone matrix needs a kernel)', () => {
    const text = `x = np.array(${bigMatrix(250, 400)})`;
    const hover = describeLiteral(text, DEFAULT_FORMAT);
    assert.match(hover?.markdown ?? '', /matrix 250×400 · values not previewed/);
    assert.strictEqual(hover?.opensInPanel, false);
  });

  it('a conv3d spec of every padding mode: shapes, layouts and one formula per axis, D_out first', () => {
    // 1 x 20 x 40 x 40 long decimals: past the hover's parse budget.
    const volume = `[${Array.from({ length: 20 }, () => bigMatrix(40, 40)).join(', ')}]`;
    const text = `{"op": "conv3d", "input": [${volume}], "weight": [[${JSON.stringify([[[1, 2, 3]], [[4, 5, 6]]])}]], "stride": [1, 2, 2], "padding": [1, 0, 1], "padding_mode": "circular"}`;
    assert.ok(text.length > LARGE_LITERAL_CHARACTERS);
    const hover = describeLiteral(text, DEFAULT_FORMAT);
    assert.ok(hover);
    // D: 20 + 2 - 2 + 1 = 21; H: floor((40 - 1) / 2) + 1 = 20; W: floor((40 + 2 - 3) / 2) + 1 = 20.
    assert.match(
      hover.markdown,
      /`conv3d` · padding_mode `circular` · input 1×20×40×40 · weight 1×1×2×1×3 → output \*\*1×21×20×20\*\*/,
    );
    assert.ok(hover.markdown.includes('input `[C_in][D][H][W]` · weight `[C_out][C_in/groups][kD][kH][kW]`'));
    const formulas = hover.markdown.split('\n').filter((line) => line.startsWith('- `'));
    assert.deepStrictEqual(
      formulas.map((line) => line.replace(/ = .* = /, ' = … = ')),
      ['- `D_out = … = 21`', '- `H_out = … = 20`', '- `W_out = … = 20`'],
    );
    assert.match(hover.markdown, /values not previewed/);
  });

  it('a 1-D list and a 4-D array: their word and shape', () => {
    const list = `[${Array.from({ length: 30_000 }, (_, i) => i / 7).join(', ')}]`;
    assert.match(describeLiteral(list, DEFAULT_FORMAT)?.markdown ?? '', /list 30000 · values not previewed/);
    const array = `np.array([[${Array.from({ length: 2 }, () => bigMatrix(100, 100)).join(', ')}]])`;
    assert.match(describeLiteral(array, DEFAULT_FORMAT)?.markdown ?? '', /array 1×2×100×100 · values not previewed/);
  });
});
