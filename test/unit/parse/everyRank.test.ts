// Literals of every rank in every syntax the parser reads, in specs and as selected pairs, checked against PyTorch
// (golden-convnd.json); and where each mistake in them is reported.
import * as assert from 'assert';
import { compute } from '../../../src/engine';
import { findLiteralAt, LocatedProblem, Parsed, problemFromContent, readSelection } from '../../../src/parse';
import { GoldenNdCase, loadGoldenNdCases, NestedNumbers } from '../../support/golden';
import { expectError, expectOk, rangeIn, rangeOf } from './helpers';

/** How a user writes nested numbers: JSON, a numpy call, a torch call, or nested tuples. */
const SYNTAXES: Record<string, (v: NestedNumbers) => string> = {
  json: (v) => JSON.stringify(v),
  numpy: (v) => `np.array(${JSON.stringify(v)}, dtype=np.float64)`,
  torch: (v) => `torch.tensor(${JSON.stringify(v)})`,
  tuples: function tuple(v: NestedNumbers): string {
    if (!Array.isArray(v)) return String(v);
    const items = (v as NestedNumbers[]).map((x) => tuple(x));
    return `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;
  },
};

function problemOf(text: string): Parsed<LocatedProblem> {
  const content = readSelection(text);
  return content.ok ? problemFromContent(content.value) : content;
}

const flat = (v: NestedNumbers): number[] => (v as unknown[]).flat(Infinity) as number[];

function assertOutput(text: string, c: GoldenNdCase): void {
  const located = expectOk(problemOf(text));
  assert.strictEqual(located.problem.geometry.op, c.op, text);
  const actual = compute(located.problem).output.data;
  const expected = flat(c.expected);
  assert.strictEqual(actual.length, expected.length, text);
  expected.forEach((e, i) => assert.ok(Math.abs(actual[i] - e) <= 1e-9 * Math.max(1, Math.abs(e)), `${text}: [${i}]`));
}

const golden = loadGoldenNdCases();
const named = (name: string): GoldenNdCase => {
  const found = golden.find((c) => c.name === name);
  assert.ok(found, name);
  return found;
};

describe('parse: every rank, every syntax', () => {
  const specCases = [
    'conv1d 2 channels in, 3 out, bias, stride 2',
    'conv1d reflect padding same, kernel 3, bias',
    'conv3d 2 in, 3 out, stride [2, 1, 2], padding 1',
    'conv3d replicate padding [1, 2, 0]',
    'conv_transpose1d groups 2, 2 outputs per group, bias, output_padding',
    'conv_transpose3d stride, padding, dilation and output_padding per axis',
  ];
  for (const name of specCases) {
    it(`a spec with a ${name.split(' ')[0]} weight in every syntax: ${name}`, () => {
      const c = named(name);
      const rest = `"stride": ${JSON.stringify(c.stride)}, "padding": ${JSON.stringify(c.padding)}, "dilation": ${JSON.stringify(c.dilation)}, "output_padding": ${JSON.stringify(c.output_padding)}, "groups": ${c.groups}, "padding_mode": "${c.padding_mode}"`;
      for (const write of Object.values(SYNTAXES)) {
        const bias = c.bias ? `, "bias": ${write(c.bias)}` : '';
        assertOutput(`{"op": "${c.op}", "input": ${write(c.input)}, "weight": ${write(c.weight)}${bias}, ${rest}}`, c);
        // A Python dict of keywords, its tensors written the same way.
        const keywords = rest.replace(/"(\w+)": /g, '$1=');
        const pythonBias = c.bias ? `, bias=${write(c.bias)}` : '';
        assertOutput(
          `dict(op="${c.op}", input=${write(c.input)}, weight=${write(c.weight)}${pythonBias}, ${keywords})`,
          c,
        );
      }
    });
  }

  // Ranks that fit one op only: [L] with [k], [C][L] with [out][in][k], [D][H][W] with [kd][kh][kw], 4-D with 5-D.
  const pairs: [name: string, strip: boolean][] = [
    ['conv1d seed-like', true],
    ['conv1d 3 channels in, 1 out', false],
    ['conv3d seed-like', true],
    ['conv3d 2 channels in, 1 out', false],
  ];
  for (const [name, strip] of pairs) {
    it(`a selected pair${strip ? ' without channels' : ''}, every syntax, one or two lines: ${name}`, () => {
      const c = named(name);
      // One channel in and out: the literals a user selects are [L] and [k], or [D][H][W] and [kd][kh][kw].
      const input = strip ? (c.input as NestedNumbers[])[0] : c.input;
      const weight = strip ? ((c.weight as NestedNumbers[][])[0][0] as NestedNumbers) : c.weight;
      for (const write of Object.values(SYNTAXES)) {
        assertOutput(`${write(input)} ${write(weight)}`, c);
        assertOutput(`x = ${write(input)}\nk = ${write(weight)}\n`, c);
      }
    });
  }
});

describe('parse: mistakes in literals of every rank, each at its place', () => {
  it('a ragged row deep in a 5-D weight, written as tuples in a dict', () => {
    const text = 'dict(op="conv3d", input=((((1, 2), (3, 4)),),), weight=(((((1, 0), (0, 1)), ((1, 0), (0,))),),))';
    expectError(
      problemOf(text),
      'weight[0][0][1][1] has 1 element, but weight[0][0][0][0] has 2',
      rangeOf(text, '(0,)'),
    );
  });

  it('NaN deep in a 5-D numpy weight, at the number', () => {
    const text = '{"op": "conv3d", "input": [[[[1]]]], "weight": np.array([[[[[1, 0], [0, np.nan]]]]])}';
    expectError(problemOf(text), 'weight[0][0][0][1][1] is NaN', rangeOf(text, 'np.nan'));
  });

  it('a 4-D weight for conv3d: the op its shapes fit, at the weight', () => {
    const text = '{"op": "conv3d", "input": [[[[1, 2], [3, 4]]]], "weight": torch.tensor([[[[1]]]])}';
    expectError(
      problemOf(text),
      'conv3d reads weight as [kd][kh][kw] (one channel in and out) or [out][in/groups][kd][kh][kw], but it has shape [1, 1, 1, 1]. For these shapes set "op": "conv2d".',
      rangeOf(text, 'torch.tensor([[[[1]]]])'),
    );
  });

  it('a conv1d input of three dimensions, at the input', () => {
    const text = "{'op': 'conv1d', 'input': [[[1, 2]]], 'kernel': [1]}";
    expectError(
      problemOf(text),
      'conv1d reads input as a list [L] or channels [C][L], but it has 3 dimensions [1, 1, 2]',
      rangeOf(text, '[[[1, 2]]]'),
    );
  });

  it('per-axis parameters: a list of the wrong length, and a bad entry of a right one', () => {
    const spec = '{"op": "conv3d", "input": [[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]], "kernel": [[[1]]]';
    const short = `${spec}, "padding": [1, 2]}`;
    expectError(
      problemOf(short),
      'padding must be an integer or a list [depth, height, width] of 3 integers',
      rangeIn(short, '"padding": [1, 2]', '[1, 2]'),
    );
    const zero = `${spec}, "dilation": [1, 1, 0]}`;
    expectError(problemOf(zero), 'dilation width must be at least 1, but it is 0', rangeIn(zero, '[1, 1, 0]', '0'));
    const reflect = `${spec}, "padding": [2, 0, 0], "padding_mode": "reflect"}`;
    expectError(
      problemOf(reflect),
      'padding_mode "reflect" needs padding smaller than the input along each axis, but the depth pads 2 on an input of 2',
      rangeIn(reflect, '[2, 0, 0]', '2'),
    );
  });

  it('a pair of lists whose kernel is longer than the input, at the kernel', () => {
    const text = 'x = [1, 2]\nk = (1, 2, 3)';
    expectError(
      problemOf(text),
      'The kernel length spans 3 cells (dilation included) but the padded input length is only 2',
      rangeOf(text, '(1, 2, 3)'),
    );
  });

  it('a 5-D input has no op: the message says what an input may be, at the input', () => {
    const text = '[[[[[1]]]]] [1]';
    expectError(
      problemOf(text),
      'input must be a list [L], a matrix [H][W], a volume [D][H][W] or channels [C] of one, but it has 5 dimensions',
      rangeOf(text, '[[[[[1]]]]]'),
    );
  });

  it('a 5-D weight inside a spec inside a Markdown fence is found from its innermost number, and read', () => {
    const spec =
      '{"op": "conv3d", "input": [[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]], "weight": [[[[[1, 0], [0, 1]], [[2, 0], [0, 2]]]]]}';
    const text = `Some notes.\n\n\`\`\`json\n${spec}\n\`\`\`\n`;
    const found = findLiteralAt(text, text.indexOf('[[2, 0]') + 2);
    assert.deepStrictEqual(found, rangeOf(text, spec));
    const python = `layer = dict(op="conv3d", input=np.array([[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]]), weight=(((((1,),),),),))\n`;
    const call = python.slice(python.indexOf('dict('), python.lastIndexOf(')') + 1);
    assert.deepStrictEqual(findLiteralAt(python, python.indexOf('(1,)') + 1), rangeOf(python, call));
    assert.strictEqual(expectOk(problemOf(call)).problem.geometry.op, 'conv3d');
  });
});
