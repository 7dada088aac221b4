import * as assert from 'assert';
import { compute } from '../../../src/engine';
import { MatrixLiteral, problemFromContent, readSelection } from '../../../src/parse';
import { expectError, expectOk, problemFromText, rangeIn, rangeOf, read } from './helpers';
import { SEED_OUTPUT, SEED_SPEC } from '../../support/seed';

const nested = (t: { channels: number; height: number; width: number; data: Float64Array }): number[][][] =>
  Array.from({ length: t.channels }, (_, c) =>
    Array.from({ length: t.height }, (_, y) =>
      Array.from(t.data.subarray((c * t.height + y) * t.width, (c * t.height + y + 1) * t.width)),
    ),
  );

describe('parse: problemFromText', () => {
  it('the seed example computes [[37, 47], [67, 77]]', () => {
    const located = expectOk(problemFromText('{"input": [[1,2,3],[4,5,6],[7,8,9]], "kernel": [[1,2],[3,4]]}'));
    assert.deepStrictEqual(nested(compute(located.problem).output), [SEED_OUTPUT]);
    assert.deepStrictEqual(located.spec, SEED_SPEC);
  });

  it('the same problem from two np.array lines and from a Python dict', () => {
    for (const text of [
      'x = np.array([[1., 2, 3], [4, 5, 6], [7, 8, 9]])\nk = np.array([[1, 2], [3, 4]], dtype=np.float64)',
      "{'input': [[1, 2, 3], [4, 5, 6], [7, 8, 9]], 'kernel': ((1, 2), (3, 4)),}",
      'dict(input=[[1, 2, 3], [4, 5, 6], [7, 8, 9]], weight=torch.tensor([[[[1, 2], [3, 4]]]]))',
    ]) {
      assert.deepStrictEqual(nested(compute(expectOk(problemFromText(text)).problem).output), [SEED_OUTPUT], text);
    }
  });

  it('passes hyper-parameters through: stride 2', () => {
    const located = expectOk(
      problemFromText('{"input": [[1,2,3],[4,5,6],[7,8,9]], "kernel": [[1,2],[3,4]], "stride": 2}'),
    );
    assert.deepStrictEqual(nested(compute(located.problem).output), [[[37]]]);
  });

  it('a pair locates input and kernel paths in their own literals', () => {
    const text = '[[1,2],[3,4]]\n[[5,6],[7,8]]';
    const located = expectOk(problemFromText(text));
    assert.deepStrictEqual(located.locate(['input', 1, 0]), rangeOf(text, '3'));
    assert.deepStrictEqual(located.locate(['kernel', 0, 1]), rangeOf(text, '6'));
    assert.deepStrictEqual(located.locate([]), { offset: 0, length: text.length });
  });

  it('locate falls back to the nearest existing ancestor', () => {
    const text = '{"input": [[1,2],[3,4]], "kernel": [[1]]}';
    const located = expectOk(problemFromText(text));
    assert.deepStrictEqual(located.locate(['input', 1, 7]), rangeOf(text, '[3,4]'));
    assert.deepStrictEqual(located.locate(['input', 'x']), rangeOf(text, '[[1,2],[3,4]]'));
    assert.deepStrictEqual(located.locate(['stride', 0]), { offset: 0, length: text.length });
  });

  it('a repeated key is located where its value was read from: the last one', () => {
    const text = '{"input": [[1, 2]], "kernel": [[1]], "stride": 1, "stride": 0}';
    expectError(problemFromText(text), 'stride must be at least 1', rangeIn(text, '"stride": 0', '0'));
  });
});

describe('parse: engine errors point at the text', () => {
  const cases: [title: string, text: string, message: string, context: string, snippet?: string][] = [
    ['ragged row', '{"input": [[1,2],[3]], "kernel": [[1]]}', 'input[1] has 1 element, but input[0] has 2', '[3]'],
    [
      'a string element',
      '{"input": [[1, "a"]], "kernel": [[1]]}',
      'input[0][1] must be a number, but it is the string "a"',
      '"a"',
    ],
    ['True in a Python matrix', 'x = [[1, True]]\nk = [[1]]', 'input[0][1] must be a number', 'True'],
    ['None in a kernel', '[[1, 2]] [[None]]', 'kernel[0][0] must be a number', 'None'],
    [
      'stride 0',
      '{"input": [[1,2],[3,4]], "kernel": [[1]], "stride": 0}',
      'stride must be at least 1, but it is 0',
      '"stride": 0',
      '0',
    ],
    [
      'stride [1, 0]',
      '{"input": [[1,2],[3,4]], "kernel": [[1]], "stride": [1, 0]}',
      'stride width must be at least 1',
      '[1, 0]',
      '0',
    ],
    [
      'dilation 1.5',
      "{'input': [[1,2],[3,4]], 'kernel': [[1]], 'dilation': 1.5}",
      'dilation must be an integer or a list [height, width] of 2 integers',
      '1.5',
    ],
    [
      'groups not dividing the channels',
      '{"input": [[[1,2],[3,4]], [[1,2],[3,4]], [[1,2],[3,4]]], "weight": [[[[1]]]], "groups": 2}',
      "groups = 2 must divide the input's 3 channels",
      '"groups": 2',
      '2',
    ],
    [
      'groups 0',
      '{"input": [[1]], "kernel": [[1]], "groups": 0}',
      'groups must be a positive integer',
      '"groups": 0',
      '0',
    ],
    [
      'unknown op',
      '{"op": "conv4d", "input": [[1]], "kernel": [[1]]}',
      'op must be one of "conv1d", "conv2d", "conv3d"',
      '"conv4d"',
    ],
    ['missing input: the whole object', '{"kernel": [[1]]}', 'The spec needs an "input"', '{"kernel": [[1]]}'],
    ['missing kernel: the whole object', '  {"input": [[1]]}  ', 'The spec needs a "kernel"', '{"input": [[1]]}'],
    [
      'both weight and kernel',
      '{"input": [[1]], "weight": [[1]], "kernel": [[2]]}',
      'Give either "weight" or "kernel"',
      '[[2]]',
    ],
    [
      'kernel larger than the input',
      '{"input": [[1, 2]], "kernel": [[1, 2, 3]]}',
      'the output would be empty',
      '[[1, 2, 3]]',
    ],
    [
      'kernel larger than the input, in a pair',
      'x = [[1, 2]]\nk = np.array([[1, 2, 3]])',
      'the output would be empty',
      'np.array([[1, 2, 3]])',
    ],
    ['empty rows', '{"input": [[]], "kernel": [[1]]}', 'input is empty', '[]'],
    ['1-D input', '{"input": [1, 2], "kernel": [[1]]}', 'conv2d reads input as a matrix', '[1, 2]'],
    [
      'weight channels',
      '{"input": [[[1]], [[2]]], "weight": [[[[1]]]]}',
      'expects 1 input channel, but the input has 2',
      '[[[[1]]]]',
    ],
    [
      'padding "same" with stride',
      '{"input": [[1, 2]], "kernel": [[1]], "stride": 2, "padding": "same"}',
      'padding "same" is not supported for strided',
      '"same"',
    ],
    [
      'output_padding on conv2d',
      '{"input": [[1, 2]], "kernel": [[1]], "output_padding": 1}',
      'output_padding applies only to transposed convolutions',
      '"output_padding": 1',
      '1',
    ],
    [
      'bias length',
      '{"input": [[1, 2]], "kernel": [[1]], "bias": [1, 2]}',
      'bias must be a list of 1 number',
      '"bias": [1, 2]',
      '[1, 2]',
    ],
  ];
  for (const [title, text, message, context, snippet] of cases) {
    it(title, () =>
      expectError(problemFromText(text), message, snippet ? rangeIn(text, context, snippet) : rangeOf(text, context)),
    );
  }
});

describe('parse: problemFromContent', () => {
  it('a lone matrix needs a kernel', () => {
    const text = 'x = [[1, 2], [3, 4]]';
    expectError(problemFromText(text), 'One matrix is selected: choose a kernel', rangeOf(text, '[[1, 2], [3, 4]]'));
  });

  it('a lone matrix with a picked kernel computes; kernel errors point at the kernel literal given', () => {
    const content = read('[[1,2,3],[4,5,6],[7,8,9]]', 'single');
    const at = content.matrix.range;
    const kernel: MatrixLiteral = {
      value: [
        [1, 2],
        [3, 4],
      ],
      range: at,
      locate: () => at,
    };
    assert.deepStrictEqual(nested(compute(expectOk(problemFromContent(content, kernel)).problem).output), [
      SEED_OUTPUT,
    ]);
    const bad: MatrixLiteral = { value: [[1, 'x']], range: at, locate: () => at };
    expectError(problemFromContent(content, bad), 'kernel[0][1] must be a number', at);
  });

  it('ignores the kernel argument for a spec', () => {
    const content = expectOk(readSelection('{"input": [[1, 2]], "kernel": [[3]]}'));
    const kernel: MatrixLiteral = {
      value: [[100]],
      range: { offset: 0, length: 1 },
      locate: () => ({ offset: 0, length: 1 }),
    };
    assert.deepStrictEqual(nested(compute(expectOk(problemFromContent(content, kernel)).problem).output), [[[3, 6]]]);
  });

  it('problemFromText passes readSelection errors through', () => {
    expectError(problemFromText(''), 'The selection is empty', { offset: 0, length: 0 });
  });
});
