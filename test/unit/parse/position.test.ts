import * as assert from 'assert';
import fc from 'fast-check';
import { clampRange, lineLocator, rangeEnd, readSelection, shiftRange, unionRange } from '../../../src/parse';
import { charactersScanned } from './helpers';

describe('parse: positions', () => {
  it('lineLocator is 1-based and counts \\n, \\r\\n and a lone \\r as line ends', () => {
    const locate = lineLocator('ab\ncd\r\nef\rgh');
    assert.deepStrictEqual(locate(0), { line: 1, column: 1 });
    assert.deepStrictEqual(locate(2), { line: 1, column: 3 });
    assert.deepStrictEqual(locate(3), { line: 2, column: 1 });
    assert.deepStrictEqual(locate(5), { line: 2, column: 3 }); // on the \r of \r\n
    assert.deepStrictEqual(locate(7), { line: 3, column: 1 });
    assert.deepStrictEqual(locate(10), { line: 4, column: 1 });
    assert.deepStrictEqual(locate(12), { line: 4, column: 3 });
  });

  /** Counts line ends before the offset, one character at a time: the reference. */
  function countLines(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  }

  it('lineLocator agrees with counting line ends up to the offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' ') }), fc.nat(), (text, at) => {
        const offset = at % (text.length + 1);
        assert.deepStrictEqual(lineLocator(text)(offset), countLines(text, offset));
      }),
      { seed: 20_260_611, numRuns: 1000 },
    );
  });

  it('lineLocator reads the text once; each position after that is a search, not a rescan', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `line ${i}${i % 2 ? '\r\n' : '\n'}`).join('');
    let locate: ReturnType<typeof lineLocator> | undefined;
    assert.strictEqual(
      charactersScanned(() => (locate = lineLocator(text))),
      text.length,
    );
    const offsets = Array.from({ length: 1000 }, (_, i) => Math.floor((i * text.length) / 1000));
    const work = charactersScanned(() =>
      offsets.forEach((offset) => assert.deepStrictEqual(locate!(offset), countLines(text, offset))),
    );
    assert.strictEqual(work, 0);
  });

  it('lineLocator clamps offsets outside the text', () => {
    assert.deepStrictEqual(lineLocator('ab\nc')(-5), { line: 1, column: 1 });
    assert.deepStrictEqual(lineLocator('ab\nc')(99), { line: 2, column: 2 });
    assert.deepStrictEqual(lineLocator('')(0), { line: 1, column: 1 });
  });

  it("lineLocator places an error range's start, as the CLI reports it", () => {
    const text = '{\n  "input": [[1, 2] [3, 4]]\n}';
    const read = readSelection(text);
    assert.ok(!read.ok);
    assert.deepStrictEqual(lineLocator(text)(read.error.range.offset), { line: 2, column: 20 });
  });

  it('shiftRange adds a base offset; the other helpers combine and bound ranges', () => {
    assert.deepStrictEqual(shiftRange({ offset: 3, length: 4 }, 100), { offset: 103, length: 4 });
    assert.strictEqual(rangeEnd({ offset: 3, length: 4 }), 7);
    assert.deepStrictEqual(unionRange({ offset: 5, length: 2 }, { offset: 1, length: 1 }), { offset: 1, length: 6 });
    assert.deepStrictEqual(clampRange({ offset: 8, length: 10 }, 12), { offset: 8, length: 4 });
    assert.deepStrictEqual(clampRange({ offset: -3, length: 2 }, 12), { offset: 0, length: 0 });
    assert.deepStrictEqual(clampRange({ offset: 20, length: 2 }, 12), { offset: 12, length: 0 });
  });
});
