// A notebook's Python cells read as one program; offsets map back to each cell.
import * as assert from 'assert';
import { cellAt, joinCells } from '../../../src/extension/python/notebookText';

describe('notebook cells as one program', () => {
  const cells = ['import torch.nn as nn\nC = 3', '%matplotlib inline\nnet = nn.Conv2d(C, 8, 3)', ''];

  it('cells follow each other, each on its own lines; IPython lines are blanked in place', () => {
    const joined = joinCells(cells);
    assert.deepStrictEqual(joined.starts, [0, 28, 72]);
    assert.strictEqual(joined.text.slice(28, 46), ' '.repeat(18));
    assert.strictEqual(joined.text.slice(47, 71), 'net = nn.Conv2d(C, 8, 3)');
    assert.strictEqual(joined.text.length, 73);
  });

  it('an offset maps back to its cell and the offset within it', () => {
    const joined = joinCells(cells);
    const conv = joined.text.indexOf('nn.Conv2d');
    assert.deepStrictEqual(cellAt(joined, conv), { cell: 1, offset: cells[1].indexOf('nn.Conv2d') });
    assert.deepStrictEqual(cellAt(joined, 0), { cell: 0, offset: 0 });
    assert.deepStrictEqual(cellAt(joined, 27), { cell: 0, offset: 27 });
    assert.deepStrictEqual(cellAt(joined, 72), { cell: 2, offset: 0 });
  });
});
