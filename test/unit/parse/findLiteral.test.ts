import * as assert from 'assert';
import { DEFAULT_MAX_LITERAL_CHARS, findLiteralAt, readSelection } from '../../../src/parse';
import { charactersScanned, rangeOf } from './helpers';

/** The text findLiteralAt finds with the cursor on the `nth` occurrence of `cursor` (plus `shift`). */
function found(
  text: string,
  cursor: string,
  options: { nth?: number; shift?: number; maxChars?: number } = {},
): string | undefined {
  const at = rangeOf(text, cursor, options.nth).offset + (options.shift ?? 0);
  const range = findLiteralAt(text, at, options.maxChars);
  return range && text.slice(range.offset, range.offset + range.length);
}

describe('parse: findLiteralAt', () => {
  describe('JSON', () => {
    const text = [
      '{"cases": [',
      '  {"name": "a [tricky} name", "input": [[1, 2], [3, 4]], "kernel": [[1]], "expected": [[1, 2], [3, 4]]},',
      '  {"name": "no input", "stride": [2, 2], "inner": {"input": [[5]], "kernel": [[6]]}}',
      ']}',
    ].join('\n');
    const first =
      '{"name": "a [tricky} name", "input": [[1, 2], [3, 4]], "kernel": [[1]], "expected": [[1, 2], [3, 4]]}';

    it('finds the innermost spec object around the cursor, wherever in it the cursor is', () => {
      for (const cursor of ['"name"', 'tricky', '3, 4]]', '"expected"', '[[1]]', 'kernel'])
        assert.strictEqual(found(text, cursor), first, cursor);
      assert.strictEqual(found(text, first), first); // on its opening brace
      assert.strictEqual(found(text, '}', { nth: 1 }), first); // on its closing brace (the first } is in the string)
    });

    it('finds a nested spec object rather than the object around it', () => {
      assert.strictEqual(found(text, '[[5]]'), '{"input": [[5]], "kernel": [[6]]}');
    });

    it('falls back to the outermost numeric array when no spec object encloses the cursor', () => {
      assert.strictEqual(found(text, '2, 2]'), '[2, 2]');
    });

    it('is undefined outside any spec or numeric array', () => {
      assert.strictEqual(found(text, '"no input"'), undefined);
      assert.strictEqual(found(text, '"cases"'), undefined);
      assert.strictEqual(findLiteralAt('[[1, 2]]', 8), undefined); // past the end
      assert.strictEqual(findLiteralAt('[[1, 2]]', -1), undefined);
      assert.strictEqual(findLiteralAt('', 0), undefined);
    });

    it('handles JSONC comments holding brackets', () => {
      const jsonc = '{\n  // not [ a bracket\n  "input": [[1, 2]], /* ] } */ "kernel": [[1]]\n}';
      assert.strictEqual(found(jsonc, '2]]'), jsonc);
    });
  });

  describe('Python', () => {
    const text = [
      'import numpy as np',
      "x = np.array([[1, 2], [3, 4]], dtype=np.float64)  # it's the input",
      'k = torch.tensor([[1., 0.], [0., -1.]])',
      'print(x[0], foo([5, 6]))',
      'spec = dict(input=[[1, 2], [3, 4]], kernel=[[1]], stride=(2, 2))',
      "rows = [(1, 2), (3, float('inf'))]",
      'doc = """ [ not a list """',
      'm = [[1, 2],',
      '     [3, 4]]  # a [ comment',
    ].join('\n');
    const x = 'np.array([[1, 2], [3, 4]], dtype=np.float64)';

    it('includes the np.array(...) / torch.tensor(...) call around the array', () => {
      for (const cursor of ['[[1, 2], [3, 4]], d', '4]], d', 'dtype', 'float64)', 'np.array'])
        assert.strictEqual(found(text, cursor), x, cursor);
      assert.strictEqual(found(text, '-1.'), 'torch.tensor([[1., 0.], [0., -1.]])');
    });

    it('finds dict(input=...) as a spec', () => {
      const spec = 'dict(input=[[1, 2], [3, 4]], kernel=[[1]], stride=(2, 2))';
      for (const cursor of ['stride', '(2, 2)', 'dict']) assert.strictEqual(found(text, cursor), spec, cursor);
    });

    it('finds lists of tuples and a multi-line list, ignoring brackets in comments and strings', () => {
      assert.strictEqual(found(text, "'inf'"), "[(1, 2), (3, float('inf'))]");
      assert.strictEqual(found(text, '3, 4]]  #'), '[[1, 2],\n     [3, 4]]');
    });

    it('skips indexing and calls that are not arrays', () => {
      assert.strictEqual(found(text, '0]'), undefined); // x[0]
      assert.strictEqual(found(text, '5, 6'), '[5, 6]');
      assert.strictEqual(found(text, 'foo'), undefined);
      assert.strictEqual(found(text, 'not a list'), undefined);
      assert.strictEqual(found(text, 'import'), undefined);
    });
  });

  describe('Markdown', () => {
    const text = [
      "Prose (with [links](x)) and don't forget [1] things.",
      '',
      '```python',
      'w = np.array([[1, 2],',
      '              [3, 4]])',
      '```',
      '',
      '```json',
      '{"input": [[9]], "kernel": [[1]]}',
      '```',
      'A stray ( opens nothing.',
    ].join('\n');

    it('finds literals inside code fences', () => {
      assert.strictEqual(found(text, '3, 4]'), 'np.array([[1, 2],\n              [3, 4]])');
      assert.strictEqual(found(text, '9]]'), '{"input": [[9]], "kernel": [[1]]}');
    });

    it('finds nothing in prose links and text', () => {
      assert.strictEqual(found(text, 'links'), undefined);
      assert.strictEqual(found(text, 'stray'), undefined);
    });
  });

  describe('long rows, scientific notation, other scripts', () => {
    it('finds a call whose rows are long, in 1e-07 notation, past brackets in strings and comments', () => {
      const row = (r: number) =>
        `[${Array.from({ length: 40 }, (_, c) => ((r * 40 + c) * 1e-7).toExponential(3)).join(', ')}]`;
      const call = `np.array([${[0, 1, 2].map(row).join(',\n          ')}], dtype=np.float64)`;
      const text = `note = "a ] and a [ in a string, then a long line of words with no brackets at all"\nx = ${call}  # it's [ done\n`;
      for (const cursor of ['1.000e-7', '1.190e-5', 'dtype', 'np.array'])
        assert.strictEqual(found(text, cursor), call, cursor);
    });

    it('finds a JSON spec whose key after its long rows holds brackets', () => {
      const text = `{"input": [[${'0.125, '.repeat(300)}1]], "name": "conv [3x3] {x}", "kernel": [[1, 2]]}`;
      assert.strictEqual(found(text, '0.125, 0.125', { nth: 200 }), text);
      assert.strictEqual(found(text, '[3x3]'), text);
    });

    it('finds a list in prose of other scripts, and nothing around it', () => {
      const text = 'Größe: die Matrix — [1, 2, 3] — ist klein; “[” zählt nicht ohne Schluss.';
      assert.strictEqual(found(text, '2, 3'), '[1, 2, 3]');
      assert.strictEqual(found(text, 'Größe'), undefined);
    });
  });

  describe('bounds', () => {
    it('does not find a literal bigger than maxChars', () => {
      const row = `[${Array.from({ length: 50 }, (_, i) => i).join(', ')}]`;
      const text = `x = [${Array.from({ length: 50 }, () => row).join(',\n')}]`;
      const cursor = text.length >> 1;
      assert.strictEqual(findLiteralAt(text, cursor)?.length, text.length - 4);
      // the row is within reach, the matrix not
      assert.strictEqual(findLiteralAt(text, cursor, 1000)?.length, row.length);
      assert.strictEqual(findLiteralAt(text, cursor, 10), undefined);
    });

    it('is fast on a large document: a spec hover in a 7 MB JSON file', () => {
      const spec = JSON.stringify({
        name: 'case',
        input: Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => i * j + 0.5)),
        kernel: [
          [1, 2],
          [3, 4],
        ],
      });
      const text = `[\n${Array.from({ length: 20000 }, () => spec).join(',\n')}\n]`;
      const cursor = text.indexOf('"kernel"', text.length >> 1);
      const work = charactersScanned(() => assert.strictEqual(findLiteralAt(text, cursor)?.length, spec.length));
      // The short first scan finds it: its window and the spec check, not the 1,000,000 characters around.
      assert.ok(work <= 2 * (2 * 65_536 + 1), `${work} characters scanned`);
    });

    it('finds the row under the cursor in a 5 MB spec, whose own brackets are out of reach, in a few milliseconds', () => {
      const rows = Array.from(
        { length: 860 },
        (_, i) => `[${Array.from({ length: 860 }, (_, j) => ((i * 31 + j * 17) % 1000) / 1000).join(', ')}]`,
      );
      const text = `{"input": [\n${rows.join(',\n')}\n], "kernel": [[1, 0], [0, -1]]}\n`;
      const row430 = text.indexOf(rows[430]);
      for (let i = 0; i < 10; i++) {
        const work = charactersScanned(() =>
          assert.deepStrictEqual(findLiteralAt(text, row430 + 100 * i), { offset: row430, length: rows[430].length }),
        );
        // Each character of the window once, the short scan's and the row's twice at most.
        const window = 2 * DEFAULT_MAX_LITERAL_CHARS + 1;
        assert.ok(work <= window + 2 * (2 * 65_536 + 1) + 2 * rows[430].length, `${work} characters scanned`);
      }
    });

    it('reads no more than its window when nothing is found in a large document', () => {
      const text = 'lorem ipsum (dolor) sit amet\n'.repeat(200_000);
      const work = charactersScanned(() => assert.strictEqual(findLiteralAt(text, text.length - 10), undefined));
      assert.ok(work <= DEFAULT_MAX_LITERAL_CHARS + 2 * 65_536 + 20, `${work} characters scanned`);
    });

    it('reads each character a bounded number of times however deep the brackets nest', () => {
      for (const [open, close, found] of [
        ['{', '}', false],
        ['[', ']', true],
        ['dict(', ')', false],
        ['(', ')', false],
        ['[', '}', false],
      ] as const) {
        const text = open.repeat(50_000) + close.repeat(50_000);
        let range: ReturnType<typeof findLiteralAt>;
        const work = charactersScanned(() => (range = findLiteralAt(text, text.length >> 1)));
        assert.ok(work <= 6 * text.length, `${open}${close}: ${work} characters scanned for ${text.length}`);
        assert.deepStrictEqual(range, found ? { offset: 0, length: text.length } : undefined, `${open}${close}`);
      }
    });
  });

  it('what it finds, readSelection reads', () => {
    const text = "a = 1\nx = np.array([[1, 2], [3, 4]])\nspec = {'input': [[1]], 'kernel': [[2]]}\n";
    const matrix = findLiteralAt(text, text.indexOf('3'));
    const spec = findLiteralAt(text, text.indexOf('kernel'));
    assert.ok(matrix && spec);
    const readMatrix = readSelection(text.slice(matrix.offset, matrix.offset + matrix.length));
    const readSpec = readSelection(text.slice(spec.offset, spec.offset + spec.length));
    assert.ok(readMatrix.ok && readMatrix.value.kind === 'single');
    assert.ok(readSpec.ok && readSpec.value.kind === 'spec');
  });
});
