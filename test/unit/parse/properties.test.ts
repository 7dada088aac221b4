import * as assert from 'assert';
import fc from 'fast-check';
import { findLiteralAt, readSelection, SelectionContent, TextRange } from '../../../src/parse';
import { parseLiterals } from '../../../src/parse/literalParser';
import { nodeValue } from '../../../src/parse/locate';
import { problemFromText, within } from './helpers';

type Cell = [number, number];
type Styled = Cell[][] | Cell[][][];

const finite = fc
  .oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  )
  .map((v) => (Object.is(v, -0) ? 0 : v));

/** A rectangular 2-D or 3-D array; each number comes with a style index for its Python spelling. */
const matrix = fc
  .record({
    depth: fc.constantFrom(2, 3),
    c: fc.integer({ min: 1, max: 3 }),
    h: fc.integer({ min: 1, max: 5 }),
    w: fc.integer({ min: 1, max: 5 }),
  })
  .chain(({ depth, c, h, w }) => {
    const row = fc.array(fc.tuple(finite, fc.nat(3)), { minLength: w, maxLength: w });
    const plane = fc.array(row, { minLength: h, maxLength: h });
    return depth === 2
      ? plane.map((x): Styled => x)
      : fc.array(plane, { minLength: c, maxLength: c }).map((x): Styled => x);
  });

const values = (m: Styled): unknown =>
  (m as unknown[]).map((x) => (Array.isArray(x) && typeof x[0] === 'number' ? x[0] : values(x as Styled)));

/** Python's ways of writing a number: `1.`, `1.0`, `.5`, `-.5`, `1e-07` style exponents as JS prints them. */
function pythonNumber([v, style]: Cell): string {
  const s = String(v);
  if (Number.isInteger(v) && !s.includes('e')) return [s, `${s}.`, `${s}.0`, s][style];
  if (style === 1 && /^-?0\./.test(s)) return s.replace('0.', '.');
  if (style === 2) return `${s.startsWith('-') ? '- ' : ''}${s.replace(/^-/, '')}`;
  return s;
}

interface Layout {
  space: string;
  trailingComma: boolean;
  call: string;
  dtype: boolean;
  name: string;
}
const layout = fc.record({
  space: fc.constantFrom('', ' ', '\n    ', '  '),
  trailingComma: fc.boolean(),
  call: fc.constantFrom('np.array', 'numpy.array', 'np.asarray', 'torch.tensor', 'torch.Tensor'),
  dtype: fc.boolean(),
  name: fc.constantFrom('', 'x = ', 'kernel_2 = '),
});

function pythonList(m: unknown, l: Layout): string {
  if (!Array.isArray(m)) return pythonNumber(m as Cell);
  if (typeof m[0] === 'number') return pythonNumber(m as unknown as Cell);
  const items = (m as unknown[]).map((x) => pythonList(x, l));
  return `[${l.space}${items.join(`,${l.space}`)}${l.trailingComma ? ',' : ''}]`;
}
const pythonArray = (m: Styled, l: Layout): string =>
  `${l.name}${l.call}(${pythonList(m, l)}${l.dtype ? ', dtype=np.float64' : ''})  # values`;

function allRanges(content: SelectionContent): TextRange[] {
  switch (content.kind) {
    case 'spec':
      return [
        content.spec.range,
        content.spec.locate(['input', 0, 0]),
        content.spec.locate(['kernel']),
        content.spec.locate(['nope', 3]),
      ];
    case 'pair':
      return [content.input.range, content.kernel.range, content.input.locate([0, 0]), content.kernel.locate([9, 9])];
    case 'single':
      return [content.matrix.range, content.matrix.locate([0, 0, 0]), content.matrix.locate([])];
  }
}

const FRAGMENTS = [
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  ',',
  ':',
  '=',
  ';',
  '-',
  '+',
  '.',
  ' ',
  '\n',
  '1',
  '2.5',
  '.5',
  '1e',
  '1e3',
  '"',
  "'",
  '"input"',
  "'kernel'",
  'input',
  'nan',
  'np.nan',
  'inf',
  'True',
  'None',
  'np.array(',
  'torch.tensor(',
  'dict(',
  'float(',
  'dtype=',
  'x',
  '#',
  '//',
  '/*',
  '*/',
  '```',
  '\\',
  '@',
  'é',
  '\u{1F600}',
];
const garbage = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')),
);

describe('parse: properties', () => {
  it('a random matrix printed as JSON reads back to the same values, each element located at its text', () => {
    fc.assert(
      fc.property(matrix, (m) => {
        const value = values(m);
        const text = JSON.stringify(value);
        const read = readSelection(text);
        assert.ok(read.ok && read.value.kind === 'single', text);
        assert.deepStrictEqual(read.value.matrix.value, value);
        const first = read.value.matrix.locate(Array.isArray((value as unknown[][])[0][0]) ? [0, 0, 0] : [0, 0]);
        assert.strictEqual(
          Number(text.slice(first.offset, first.offset + first.length)),
          (value as unknown[]).flat(2)[0],
        );
      }),
    );
  });

  it('a random matrix printed as np.array / torch.tensor Python reads back to the same values', () => {
    fc.assert(
      fc.property(matrix, layout, (m, l) => {
        const text = pythonArray(m, l);
        const read = readSelection(text);
        assert.ok(read.ok, `${text}: ${read.ok ? '' : read.error.message}`);
        assert.ok(read.value.kind === 'single');
        assert.deepStrictEqual(read.value.matrix.value, values(m));
        assert.strictEqual(read.value.matrix.name, l.name ? l.name.replace(' = ', '') : undefined);
      }),
    );
  });

  it('two random matrices, JSON or Python, with any separator read as input then kernel', () => {
    fc.assert(
      fc.property(
        matrix,
        matrix,
        layout,
        fc.constantFrom(' ', ',', '\n', ';\n', ', '),
        fc.boolean(),
        (a, b, l, separator, python) => {
          const print = (m: Styled): string =>
            python ? pythonArray(m, { ...l, name: '' }).replace('  # values', '') : JSON.stringify(values(m));
          const text = `${print(a)}${separator}${print(b)}`;
          const read = readSelection(text);
          assert.ok(read.ok && read.value.kind === 'pair', text);
          assert.deepStrictEqual([read.value.input.value, read.value.kernel.value], [values(a), values(b)]);
        },
      ),
    );
  });

  it('our parser agrees with JSON.parse on any JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const parsed = parseLiterals(text);
        assert.ok(parsed.ok && parsed.items.length === 1, text);
        assert.deepStrictEqual(nodeValue(parsed.items[0].node), JSON.parse(text));
      }),
    );
  });

  it('readSelection and problemFromText never throw on garbage, and every range lies within the text', () => {
    fc.assert(
      fc.property(garbage, (text) => {
        const read = readSelection(text);
        if (read.ok)
          for (const range of allRanges(read.value)) assert.ok(within(range, text.length), JSON.stringify(range));
        else {
          assert.ok(read.error.message.length > 0);
          assert.ok(within(read.error.range, text.length), `${JSON.stringify(text)} -> ${JSON.stringify(read.error)}`);
        }
        const problem = problemFromText(text);
        if (!problem.ok)
          assert.ok(
            within(problem.error.range, text.length),
            `${JSON.stringify(text)} -> ${JSON.stringify(problem.error)}`,
          );
      }),
      { numRuns: 2000 },
    );
  });

  it('findLiteralAt never throws on garbage, and what it finds contains the cursor', () => {
    fc.assert(
      fc.property(garbage, fc.nat(), fc.integer({ min: 1, max: 100 }), (text, cursor, maxChars) => {
        const offset = text.length ? cursor % text.length : 0;
        for (const bound of [undefined, maxChars]) {
          const range = findLiteralAt(text, offset, bound);
          if (range) {
            assert.ok(within(range, text.length));
            assert.ok(
              range.offset <= offset && offset < range.offset + range.length,
              `${JSON.stringify(text)} @${offset} -> ${JSON.stringify(range)}`,
            );
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('findLiteralAt finds exactly a matrix literal embedded in prose, from anywhere inside it', () => {
    const prose = fc
      .array(fc.constantFrom('a', 'b', ' ', '\n', 'lorem', 'np', '.', ':', '='), { maxLength: 20 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(prose, matrix, layout, fc.boolean(), prose, fc.nat(), (before, m, l, python, after, cursor) => {
        const literal = python
          ? pythonArray(m, { ...l, name: '' }).replace('  # values', '')
          : JSON.stringify(values(m));
        const start = before.length + 1;
        const text = `${before}\n${literal} ${after}`;
        const found = findLiteralAt(text, start + (cursor % literal.length));
        assert.deepStrictEqual(found, { offset: start, length: literal.length }, text);
      }),
    );
  });
});
