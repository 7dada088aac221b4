import * as assert from 'assert';
import { readNumericArray } from '../../src/engine';

/** The error of reading `value` as the input, or fails when it reads. */
function errorOf(value: unknown): { message: string; path: (string | number)[] } {
  const read = readNumericArray(value, 'input', ['input']);
  if (read.ok) return assert.fail(`expected an error for ${JSON.stringify(value)}`);
  return read.error;
}

describe('engine: readNumericArray', () => {
  it('reads nested arrays row-major into a flat Float64Array', () => {
    const read = readNumericArray(
      [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6.5],
          [-7, 8e-3],
        ],
      ],
      'input',
      ['input'],
    );
    assert.ok(read.ok);
    assert.deepStrictEqual(read.value.shape, [2, 2, 2]);
    assert.deepStrictEqual(Array.from(read.value.data), [1, 2, 3, 4, 5, 6.5, -7, 8e-3]);
  });

  it('reads rows shared by reference (zeros built to a shape) as that many rows', () => {
    const row = Array.from({ length: 1000 }, (_, j) => j % 7);
    const read = readNumericArray(new Array(1000).fill(row), 'input', ['input']);
    assert.ok(read.ok);
    assert.deepStrictEqual(read.value.shape, [1000, 1000]);
    assert.strictEqual(read.value.data.length, 1_000_000);
    assert.deepStrictEqual(Array.from(read.value.data.subarray(999_000, 999_010)), [0, 1, 2, 3, 4, 5, 6, 0, 1, 2]);
  });

  it('names the first bad cell, also when its row is shared', () => {
    const row = [1, NaN];
    assert.deepStrictEqual(errorOf([row, row]), {
      message: 'input[0][1] is NaN; only finite numbers are allowed.',
      path: ['input', 0, 1],
    });
    assert.deepStrictEqual(
      errorOf([
        [1, 2],
        [3, 'x'],
      ]),
      { message: 'input[1][1] must be a number, but it is the string "x".', path: ['input', 1, 1] },
    );
  });

  it('names the first ragged or missing row, at any depth', () => {
    assert.deepStrictEqual(
      errorOf([
        [
          [1, 2],
          [3, 4],
        ],
        [[5, 6], [7]],
      ]),
      {
        message: 'input[1][1] has 1 element, but input[0][0] has 2: input must be rectangular (no ragged rows).',
        path: ['input', 1, 1],
      },
    );
    assert.deepStrictEqual(errorOf([[1, 2], 3]), {
      message: 'input[1] must be an array of length 2 (input has 2 dimensions), but it is number 3.',
      path: ['input', 1],
    });
  });
});
