// Expected values are numpy 2.4's (np.array(..., dtype=...).tolist()) and Python's own literal rules.
import * as assert from 'assert';
import { compute } from '../../../src/engine';
import { readSelection } from '../../../src/parse';
import { expectError, problemFromText, read, rangeOf } from './helpers';

describe("parse: an array call's dtype is honoured, as numpy and torch build the array", () => {
  it('an integer dtype truncates toward zero (numpy: [[1, 2]], [[-1, 2]], [[1, -2, 3]])', () => {
    assert.deepStrictEqual(read('np.array([[1.5, 2.7]], dtype=int)', 'single').matrix.value, [[1, 2]]);
    assert.deepStrictEqual(read('np.array([[-1.5, 2.7]], int)', 'single').matrix.value, [[-1, 2]]);
    assert.deepStrictEqual(read("np.array([[1.5, -2.7, 3.99]], dtype='int32')", 'single').matrix.value, [[1, -2, 3]]);
    assert.deepStrictEqual(read('torch.tensor([[1.5, -2.7]], dtype=torch.long)', 'single').matrix.value, [[1, -2]]);
  });

  it('float32 rounds to the nearest float32 (numpy: 0.10000000149011612); float and float64 keep the number', () => {
    assert.deepStrictEqual(read('np.array([[0.1]], dtype=np.float32)', 'single').matrix.value, [[0.10000000149011612]]);
    assert.deepStrictEqual(read('torch.tensor([[0.1]], dtype=torch.float)', 'single').matrix.value, [
      [0.10000000149011612],
    ]);
    assert.deepStrictEqual(read('np.array([[0.1]], dtype=float)', 'single').matrix.value, [[0.1]]);
    assert.deepStrictEqual(read('np.array([[0.1]], dtype=None)', 'single').matrix.value, [[0.1]]);
  });

  it('the command computes with the numbers the dtype makes: [1, 2, 3] * [1, 1] = [3, 5]', () => {
    const located = problemFromText('dict(input=np.array([[1.5, 2.7, 3.2]], dtype=int), kernel=[[1, 1]])');
    assert.ok(located.ok, !located.ok ? located.error.message : '');
    assert.deepStrictEqual(Array.from(compute(located.value.problem).output.data), [3, 5]);
  });

  it('an unknown dtype, or a number its dtype cannot hold, is refused where it is written', () => {
    const complex = 'np.array([[1]], dtype=np.complex64)';
    expectError(readSelection(complex), 'Unknown dtype `np.complex64`', rangeOf(complex, 'np.complex64'));
    const half = 'torch.tensor([[1]], dtype=torch.float16)';
    expectError(readSelection(half), 'Unknown dtype `torch.float16`', rangeOf(half, 'torch.float16'));
    const int8 = 'np.array([[1, 300]], dtype=np.int8)'; // numpy: OverflowError, 300 out of bounds for int8
    expectError(readSelection(int8), '`300` does not fit in int8', rangeOf(int8, '300'));
  });
});

describe('parse: an integer with a leading zero is refused, as Python refuses it', () => {
  it('`007` is an error at the number (Python: SyntaxError, leading zeros in decimal integer literals)', () => {
    for (const text of ['[[1, 007]]', '{"input": [[007]], "kernel": [[1]]}', 'x = [[0_7]]'])
      expectError(
        readSelection(text),
        'an integer cannot start with 0',
        rangeOf(text, text.includes('0_7') ? '0_7' : '007'),
      );
  });

  it('`00`, `007.5` and `0e1` are numbers (Python: 0, 7.5, 0.0)', () => {
    assert.deepStrictEqual(read('[[00, 007.5, 0e1]]', 'single').matrix.value, [[0, 7.5, 0]]);
  });
});
