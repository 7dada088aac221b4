import * as assert from 'assert';
import { readSelection } from '../../../src/parse';
import { SEED_SPEC } from '../../support/seed';
import { expectError, rangeIn, rangeOf, read } from './helpers';

describe('parse: readSelection formats', () => {
  it('reads a JSON spec object with its fields as written', () => {
    const text =
      '{"input": [[1,2,3],[4,5,6],[7,8,9]], "kernel": [[1,2],[3,4]], "stride": [1, 2], "padding": "same", "name": "x"}';
    const { spec } = read(text, 'spec');
    assert.deepStrictEqual(spec.spec, {
      ...SEED_SPEC,
      stride: [1, 2],
      padding: 'same',
      name: 'x',
    });
    assert.deepStrictEqual(spec.range, { offset: 0, length: text.length });
    assert.deepStrictEqual(spec.locate(['input', 1, 2]), rangeOf(text, '6'));
    assert.deepStrictEqual(spec.locate(['stride', 1]), rangeIn(text, '[1, 2]', '2'));
  });

  it('reads JSONC: comments and trailing commas', () => {
    const text = '// case\n{\n  "input": [[1, 2], [3, 4],], /* rows */\n  "weight": [[1]], // weight\n}\n';
    const { spec } = read(text, 'spec');
    assert.deepStrictEqual(spec.spec, {
      input: [
        [1, 2],
        [3, 4],
      ],
      weight: [[1]],
    });
    assert.deepStrictEqual(spec.range, rangeOf(text, text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)));
  });

  it('reads a Python dict literal with single-quoted keys, tuples, True and comments', () => {
    const text =
      "{'input': [[1, 2], [3, 4]],  # rows\n 'kernel': [[1.]], 'stride': (2, 2), 'padding': 'valid', 'extra': True,}";
    assert.deepStrictEqual(read(text, 'spec').spec.spec, {
      input: [
        [1, 2],
        [3, 4],
      ],
      kernel: [[1]],
      stride: [2, 2],
      padding: 'valid',
      extra: true,
    });
  });

  it('reads dict(input=..., kernel=..., stride=2)', () => {
    const text = 'spec = dict(input=np.array([[1, 2], [3, 4]]), kernel=[[1]], stride=2, op="conv_transpose2d")';
    const { spec } = read(text, 'spec');
    assert.deepStrictEqual(spec.spec, {
      input: [
        [1, 2],
        [3, 4],
      ],
      kernel: [[1]],
      stride: 2,
      op: 'conv_transpose2d',
    });
    assert.deepStrictEqual(spec.range, rangeOf(text, text.slice(text.indexOf('dict'))));
    assert.deepStrictEqual(spec.locate(['stride']), rangeIn(text, 'stride=2', '2'));
    assert.deepStrictEqual(spec.locate(['input']), rangeOf(text, 'np.array([[1, 2], [3, 4]])'));
  });

  it('reads a selected JSON property "name": {...} as its spec', () => {
    const text = '"case 1": {"input": [[1]], "kernel": [[2]]},';
    assert.deepStrictEqual(read(text, 'spec').spec.range, rangeOf(text, '{"input": [[1]], "kernel": [[2]]}'));
  });

  it('reads one JSON matrix, and a 3-D one', () => {
    const single = read('[[1, -2.5], [3e2, 4]]', 'single');
    assert.deepStrictEqual(single.matrix.value, [
      [1, -2.5],
      [300, 4],
    ]);
    assert.deepStrictEqual(single.matrix.range, { offset: 0, length: 21 });
    assert.deepStrictEqual(read('[[[1]], [[2]]]', 'single').matrix.value, [[[1]], [[2]]]);
  });

  it('reads Python numbers: 1., .5, -3e2, +1, - 2, 1_000, -.5', () => {
    assert.deepStrictEqual(read('[[1., .5, -3e2], [+1, - 2, 1_000], [-.5, 1.e1, 0]]', 'single').matrix.value, [
      [1, 0.5, -300],
      [1, -2, 1000],
      [-0.5, 10, 0],
    ]);
  });

  it('reads a multi-line Python list with comments and trailing commas', () => {
    const text = 'x = [\n  [1, 2,],  # first row\n  [3, 4,],\n]  # done';
    const { matrix } = read(text, 'single');
    assert.deepStrictEqual(matrix.value, [
      [1, 2],
      [3, 4],
    ]);
    assert.strictEqual(matrix.name, 'x');
    assert.deepStrictEqual(matrix.range, rangeOf(text, text.slice(4, text.indexOf(']  #') + 1)));
    assert.deepStrictEqual(matrix.locate([1, 0]), rangeOf(text, '3'));
  });

  it('reads np.array / numpy.array / np.asarray / torch.tensor / torch.Tensor, ignoring dtype and other keywords', () => {
    const cases: [string, string][] = [
      ['np.array([[1, 2], [3, 4]], dtype=np.float64)', 'np.array([[1, 2], [3, 4]], dtype=np.float64)'],
      ['numpy.array([[1, 2], [3, 4]])', 'numpy.array([[1, 2], [3, 4]])'],
      ['a = np.asarray([[1, 2], [3, 4]], np.float32)', 'np.asarray([[1, 2], [3, 4]], np.float32)'],
      [
        't = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float32, requires_grad=True)',
        'torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float32, requires_grad=True)',
      ],
      ['torch.Tensor(((1, 2), (3, 4)))', 'torch.Tensor(((1, 2), (3, 4)))'],
      ['torch.tensor(data=[[1, 2], [3, 4]])', 'torch.tensor(data=[[1, 2], [3, 4]])'],
      [
        "torch.tensor([[1, 2], [3, 4]], device=torch.device('cuda', 0), requires_grad=True)",
        "torch.tensor([[1, 2], [3, 4]], device=torch.device('cuda', 0), requires_grad=True)",
      ],
    ];
    for (const [text, literal] of cases) {
      const { matrix } = read(text, 'single');
      assert.deepStrictEqual(
        matrix.value,
        [
          [1, 2],
          [3, 4],
        ],
        text,
      );
      assert.deepStrictEqual(matrix.range, rangeOf(text, literal), text);
      assert.deepStrictEqual(matrix.locate([]), matrix.range, text);
    }
  });

  it('reads two matrices separated by whitespace, a comma, a newline or a semicolon', () => {
    for (const sep of [' ', ',', '\n', ', \n', ';', '\n\n  ']) {
      const text = `[[1,2],[3,4]]${sep}[[1,0],[0,1]]`;
      const pair = read(text, 'pair');
      assert.deepStrictEqual(pair.input.value, [
        [1, 2],
        [3, 4],
      ]);
      assert.deepStrictEqual(pair.kernel.value, [
        [1, 0],
        [0, 1],
      ]);
      assert.deepStrictEqual(pair.kernel.range, rangeOf(text, '[[1,0],[0,1]]'));
    }
  });

  it('reads two Python assignment lines as input then kernel, with their names', () => {
    const text =
      'x = np.array([[1, 2, 3], [4, 5, 6]])  # input\nk = torch.tensor([[1, 0], [0, -1]], dtype=torch.float64)\n';
    const pair = read(text, 'pair');
    assert.deepStrictEqual(
      [pair.input.name, pair.input.value],
      [
        'x',
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ],
    );
    assert.deepStrictEqual(
      [pair.kernel.name, pair.kernel.value],
      [
        'k',
        [
          [1, 0],
          [0, -1],
        ],
      ],
    );
    assert.deepStrictEqual(pair.kernel.locate([1, 1]), rangeOf(text, '-1'));
  });

  it('reads the contents of a Markdown code fence', () => {
    const text = '```python\nx = [[1, 2], [3, 4]]\n```';
    assert.deepStrictEqual(read(text, 'single').matrix.value, [
      [1, 2],
      [3, 4],
    ]);
  });

  it('keeps strings with escapes and a "__proto__" key as plain data', () => {
    const { spec } = read(`{'input': [[1]], 'kernel': [[1]], 'name': 'it\\'s "x"', "__proto__": 1}`, 'spec');
    assert.strictEqual(spec.spec.name, 'it\'s "x"');
    assert.strictEqual(Object.getPrototypeOf(spec.spec), Object.prototype);
    assert.ok(Object.prototype.hasOwnProperty.call(spec.spec, '__proto__'));
  });
});

describe('parse: readSelection syntax errors point at the offending token', () => {
  const cases: [title: string, text: string, message: string, snippet: string, nth?: number][] = [
    [
      'missing comma between properties',
      '{"input": [[1,2],[3,4]] "kernel": [[1]]}',
      'Expected a comma or closing brace',
      '"kernel"',
    ],
    ['missing comma between elements', '[[1, 2] [3, 4]]', 'Expected a comma or closing bracket', '[', 2],
    ['missing comma between numbers', '[1 2]', 'Expected a comma or closing bracket, but found `2`', '2'],
    ['double comma', '[1,,2]', 'Expected a value, but found `,`', ',', 1],
    ['leading comma', '{"input": [,1]}', 'Expected a value', ','],
    ['unquoted key', '{input: [[1]]}', 'Expected a property name in quotes, but found `input`', 'input'],
    ['missing colon', '{"input" [[1]]}', 'Expected a colon after the property name', '['],
    [
      'missing comma in a call',
      'np.array([[1]] dtype=float)',
      'Expected a comma or closing parenthesis, but found `dtype`',
      'dtype',
    ],
    [
      'truncated JSON: the innermost unclosed bracket',
      '{"input": [[1,2],[3,4]], "kernel": [[1',
      'This `[` is never closed',
      '[',
      4,
    ],
    ['truncated JSON: the unclosed brace', '{"input": [[1]], "kernel": [[1]]', 'This `{` is never closed', '{'],
    ['truncated call', 'np.array([[1]]', 'This `(` is never closed', '('],
    ['truncated after a colon', '{"input": ', 'This `{` is never closed', '{'],
    ['unterminated string', '{"input": [[1]], "kernel": [[1]], "name": "ab\n}', 'Unterminated string', '"ab'],
    ['unterminated block comment', '[[1]] /* note', 'Unterminated comment', '/* note'],
    ['complex number', '[[1, 2j]]', 'Invalid number: `2j`', '2j'],
    ['hex number', '[0x1F]', 'Invalid number', '0x1F'],
    ['two dots', '[1.2.3]', 'Invalid number', '1.2.3'],
    ['exponent without digits', '[1e]', 'Incomplete number', '1e'],
    ['stray character', '[[1, @]]', 'Unexpected character: `@`', '@'],
    ['comparison', '[1, 2] == [1, 2]', 'Unexpected character: `==`', '=='],
    ['unmatched closer', '[[1]]]', 'This `]` has no matching opening bracket', ']', 2],
    ['unmatched brace', '}', 'no matching opening brace', '}'],
    ['sign before a string', '[- "x"]', 'Expected a number after `-`, but found `"x"`', '"x"'],
    ['assignment without value', 'x = ', 'Expected a value after `=`', '='],
    ['unknown function', 'np.zeros((3, 3))', 'np.zeros(...) cannot be read', 'np.zeros'],
    ['unknown function inside a list', '[[1, np.sqrt(2)]]', 'np.sqrt(...) cannot be read', 'np.sqrt'],
    ['tuple without comma', '[(1 2)]', 'Expected a comma or closing parenthesis, but found `2`', '2'],
    ['variable in a list', '[[a, 1]]', 'Unknown name `a`', 'a'],
    ['np.array without data', 'np.array(dtype=int)', 'needs the array as its first argument', 'np.array(dtype=int)'],
    ['float() of a word', '[float("abc")]', 'is not a number float() can read', 'float("abc")'],
    ['dict() with a positional argument', 'dict([[1]])', 'keyword arguments only', '['],
    ['variable in dict()', 'dict(input=x, kernel=[[1]])', 'Unknown name `x`', 'x'],
  ];
  for (const [title, text, message, snippet, nth] of cases) {
    it(title, () => expectError(readSelection(text), message, rangeOf(text, snippet, nth)));
  }
});

describe('parse: integer parameters past 2^53 - 1 are refused, not rounded', () => {
  const limit = 'integer parameters must lie within ±9007199254740991 (2^53 - 1)';

  it('in JSON (the fast path) and in Python, at the number, naming the field', () => {
    const json =
      '{"op": "conv_transpose2d", "input": [[1]], "kernel": [[1]], "dilation": [1, 18014398509481986], "padding": [0, 9007199254740992]}';
    expectError(
      readSelection(json),
      `dilation[1] is \`18014398509481986\`: ${limit}`,
      rangeOf(json, '18014398509481986'),
    );
    const python = 'dict(input=[[1, 2]], kernel=[[1]], stride=1e300)';
    expectError(readSelection(python), `stride is \`1e300\`: ${limit}`, rangeOf(python, '1e300'));
    const groups = '{"input": [[1]], "kernel": [[1]], "groups": -9007199254740993}';
    expectError(readSelection(groups), `groups is \`-9007199254740993\``, rangeOf(groups, '-9007199254740993'));
  });

  it('2^53 - 1 itself is read exactly, and the engine judges it', () => {
    const spec = read('{"input": [[1]], "kernel": [[1]], "padding": [0, 9007199254740991]}', 'spec');
    assert.deepStrictEqual(spec.spec.spec.padding, [0, 9007199254740991]);
  });
});

describe('parse: a run of signs is read in a loop, whatever its length', () => {
  it('4,000 minus signs make a positive 1 (as in Python), 4,001 a negative one', () => {
    const even = read(`[[${'-'.repeat(4000)}1]] [[1]]`, 'pair');
    assert.deepStrictEqual(even.input.value, [[1]]);
    assert.deepStrictEqual(even.input.locate([0, 0]), { offset: 2, length: 4001 });
    assert.deepStrictEqual(read(`[[${'- '.repeat(4001)}1]]`, 'single').matrix.value, [[-1]]);
    assert.deepStrictEqual(read(`[[${'-+'.repeat(50_000)}2.5]]`, 'single').matrix.value, [[2.5]]);
  });

  it('a run of signs before something that is not a number points at it', () => {
    const text = `[[${'-'.repeat(4000)}"x"]]`;
    expectError(readSelection(text), 'Expected a number after `-`, but found `"x"`', rangeOf(text, '"x"'));
  });
});

describe('parse: readSelection refuses what is not a spec or one or two matrices', () => {
  it('empty and whitespace-only selections', () => {
    expectError(readSelection(''), 'The selection is empty', { offset: 0, length: 0 });
    expectError(readSelection('  \n\t'), 'The selection is empty', { offset: 0, length: 4 });
  });

  it('only comments', () =>
    expectError(readSelection('# nothing\n// here'), 'only comments', { offset: 0, length: 17 }));

  it('prose', () => {
    const text = 'hello world';
    expectError(
      readSelection(text),
      'Select a JSON spec object, one matrix, or two matrices (input then kernel)',
      rangeOf(text, 'hello'),
    );
  });

  it('a number or string instead of a matrix', () => {
    expectError(readSelection('42'), 'Select a JSON spec object, one matrix, or two matrices', {
      offset: 0,
      length: 2,
    });
    expectError(readSelection('"abc"'), 'found `"abc"`', { offset: 0, length: 5 });
    const text = '[[1]] 5';
    expectError(readSelection(text), 'Select a JSON spec object', rangeOf(text, '5'));
  });

  it('a spec object next to another value', () => {
    const text = '{"input": [[1]], "kernel": [[1]]} [[2]]';
    expectError(readSelection(text), 'spec object on its own', rangeOf(text, '[[2]]'));
  });

  it('three or more matrices: the extra ones', () => {
    const text = '[[1]] [[2]] [[3]] [[4]]';
    expectError(readSelection(text), 'Found 4 matrices', rangeOf(text, '[[3]] [[4]]'));
  });

  it('nesting deeper than any spec, without overflowing the stack', () => {
    for (const text of [
      '['.repeat(100_000),
      `x = ${'['.repeat(101)}${']'.repeat(101)}`,
      '{"a": '.repeat(5000),
      `' \n${'('.repeat(200)}`,
    ]) {
      const offset = [...text.matchAll(/[[{(]/g)][100].index ?? -1;
      expectError(readSelection(text), 'Nested more than 100 levels deep', { offset, length: 1 });
    }
    assert.ok(readSelection(`${'['.repeat(100)}1${']'.repeat(100)}`).ok);
  });

  it('a list of spec objects', () => {
    const text = '[{"input": [[1]], "kernel": [[1]]}]';
    expectError(readSelection(text), 'This list holds objects', rangeOf(text, '{"input": [[1]], "kernel": [[1]]}'));
  });
});

describe('parse: readSelection names non-finite numbers at their token', () => {
  const cases: [text: string, message: string, snippet: string][] = [
    ['[[1, nan]]', 'matrix[0][1] is NaN (written `nan`); only finite numbers are allowed', 'nan'],
    ['[[1, 2], [np.nan, 4]]', 'matrix[1][0] is NaN (written `np.nan`)', 'np.nan'],
    ['x = np.array([[numpy.inf]])', 'x[0][0] is Infinity (written `numpy.inf`)', 'numpy.inf'],
    ['[[1, -np.inf]]', 'is -Infinity (written `-np.inf`)', '-np.inf'],
    ["[[float('inf'), 1]]", "is Infinity (written `float('inf')`)", "float('inf')"],
    ['[[float("nan")]]', 'is NaN', 'float("nan")'],
    ['[[math.nan]]', 'is NaN', 'math.nan'],
    ['[[NaN, 1]]', 'matrix[0][0] is NaN; only finite numbers are allowed', 'NaN'],
    ['[[1, Infinity]]', 'matrix[0][1] is Infinity;', 'Infinity'],
    ['[[1]] [[-Infinity]]', 'kernel[0][0] is -Infinity;', '-Infinity'],
    ['[[1e400]]', 'is Infinity (written `1e400`)', '1e400'],
    ['{"input": [[1, 2], [3, NaN]], "kernel": [[1]]}', 'input[1][1] is NaN; only finite numbers are allowed', 'NaN'],
    ['{"input": [[1]], "weight": [[inf]]}', 'weight[0][0] is Infinity', 'inf'],
    ['{"input": [[1]], "kernel": [[1]], "stride": nan}', 'stride is NaN', 'nan'],
    ['{"input": [[1]], "kernel": [[1]], "padding": [0, inf]}', 'padding[1] is Infinity', 'inf'],
  ];
  for (const [text, message, snippet] of cases) {
    it(text, () => expectError(readSelection(text), message, rangeOf(text, snippet)));
  }

  it('ignores NaN in fields the engine does not read', () => {
    assert.deepStrictEqual(read('{"input": [[1]], "kernel": [[1]], "expected": [[NaN]]}', 'spec').spec.spec.expected, [
      [NaN],
    ]);
  });
});
