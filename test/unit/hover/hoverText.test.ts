import * as assert from 'assert';
import { DEFAULT_FORMAT } from '../../../src/format/numberText';
import { describeLiteral } from '../../../src/hover/hoverText';
import { matrixText } from '../../../src/format/matrixText';
import { GoldenNdCase, goldenSpecText, loadGoldenCases, loadGoldenNdCases, NestedNumbers } from '../../support/golden';

describe('hover previews', () => {
  it('a matrix: shape, min, max and its values', () => {
    const hover = describeLiteral('[[1, 2, 3], [4, 5, 6]]', DEFAULT_FORMAT);
    assert.ok(hover);
    assert.match(hover.markdown, /matrix 2×3 · min 1 · max 6/);
    assert.ok(hover.markdown.includes('```\n[[1 2 3]\n [4 5 6]]\n```'), hover.markdown);
    assert.strictEqual(hover.opensInPanel, false);
  });

  it('a numpy literal with decimals', () => {
    const hover = describeLiteral('np.array([[0.5, -1.25]])', { decimals: 2, exactFractions: false });
    assert.ok(hover);
    assert.match(hover.markdown, /matrix 1×2 · min -1.25 · max 0.5/);
    assert.ok(hover.markdown.includes('[[  0.5 -1.25]]'), hover.markdown);
  });

  it('numbers read as in the panel: integers as integers, others without padded zeros', () => {
    const hover = describeLiteral('[[12, 1.5]]', DEFAULT_FORMAT);
    assert.ok(hover);
    assert.ok(hover.markdown.includes('```\n[[ 12 1.5]]\n```'), hover.markdown);
    assert.match(hover.markdown, /· min 1\.5 · max 12$/m);
  });

  it('min, max and cells are rounded to the decimals; dust and -0 read 0', () => {
    const hover = describeLiteral('[[-0.0, 1e-17, -0.333333333]]', DEFAULT_FORMAT);
    assert.ok(hover);
    assert.ok(hover.markdown.includes('[[      0       0 -0.3333]]'), hover.markdown);
    assert.match(hover.markdown, /· min -0\.3333 · max 0$/m);
  });

  it('a large matrix is truncated to its top-left corner', () => {
    const rows = Array.from({ length: 20 }, (_, r) => Array.from({ length: 30 }, (_, c) => r * 30 + c));
    const hover = describeLiteral(JSON.stringify(rows), { decimals: 0, exactFractions: false });
    assert.ok(hover);
    assert.match(hover.markdown, /matrix 20×30 · min 0 · max 599/);
    assert.ok(hover.markdown.includes('[[  0   1   2   3   4   5   6   7 ...]'), hover.markdown);
    assert.ok(hover.markdown.includes(' ...]\n```'));
  });

  it('a conv spec: output shape, both formulas with numbers, the output, and the spec for the panel link', () => {
    const text = '{"input": [[1,2,3],[4,5,6],[7,8,9]], "kernel": [[1,2],[3,4]]}';
    const hover = describeLiteral(text, DEFAULT_FORMAT);
    assert.ok(hover);
    assert.match(hover.markdown, /`conv2d` · input 1×3×3 · weight 1×1×2×2 → output \*\*1×2×2\*\*/);
    assert.ok(hover.markdown.includes('- `H_out = floor((3 + 2*0 - 1*(2 - 1) - 1) / 1) + 1 = 2`'), hover.markdown);
    assert.ok(hover.markdown.includes('[[37 47]\n [67 77]]'), hover.markdown);
    assert.strictEqual(hover.opensInPanel, true);
  });

  it('an impossible spec says why', () => {
    const hover = describeLiteral('{"input": [[1, 2]], "kernel": [[1, 2, 3]]}', DEFAULT_FORMAT);
    assert.ok(hover);
    assert.match(hover.markdown, /kernel width spans 3 cells .* padded input width is only 2/);
    assert.strictEqual(hover.opensInPanel, false);
  });

  it('text that is no literal gets no hover', () => {
    assert.strictEqual(describeLiteral('hello world', DEFAULT_FORMAT), undefined);
  });
});

describe('hover previews of every rank', () => {
  const golden = loadGoldenNdCases();
  const named = (name: string): GoldenNdCase => {
    const found = golden.find((c) => c.name === name);
    assert.ok(found, name);
    return found;
  };
  const shapeOfNested = (v: NestedNumbers): number[] => {
    const shape: number[] = [];
    for (let x: unknown = v; Array.isArray(x); x = x[0]) shape.push(x.length);
    return shape;
  };
  const flat = (v: NestedNumbers): number[] => (v as unknown[]).flat(Infinity) as number[];
  const SYMBOL = { 1: ['L'], 2: ['H', 'W'], 3: ['D', 'H', 'W'] } as const;

  it('a 1-D list: its length, range and values as numpy prints them', () => {
    const hover = describeLiteral('[3, -1, 4, 1, 5]', DEFAULT_FORMAT);
    assert.ok(hover);
    assert.match(hover.markdown, /list 5 · min -1 · max 5/);
    assert.ok(hover.markdown.includes('```\n[ 3 -1  4  1  5]\n```'), hover.markdown);
  });

  it('a 4-D and a 5-D literal: each plane titled with its leading indices', () => {
    const four = describeLiteral('np.array([[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]])', DEFAULT_FORMAT);
    assert.ok(four);
    assert.match(four.markdown, /array 1×2×2×2 · min 1 · max 8/);
    assert.ok(four.markdown.includes('# [0, 0]\n[[1 2]\n [3 4]]\n# [0, 1]\n[[5 6]\n [7 8]]'), four.markdown);
    const five = describeLiteral('torch.tensor([[[[[1]], [[2]], [[3]]]]])', DEFAULT_FORMAT);
    assert.ok(five);
    assert.match(five.markdown, /array 1×1×3×1×1 · min 1 · max 3/);
    assert.ok(five.markdown.includes('# [0, 0, 0]\n[[1]]\n# [0, 0, 1]\n[[2]]\n# … 1 more'), five.markdown);
  });

  it('a spec of every op and padding mode: op, mode, layouts, one formula per axis, the output PyTorch computes', () => {
    const seen = new Set<string>();
    const planar = loadGoldenCases().map((c): GoldenNdCase => ({ ...c, padding_mode: 'zeros' }));
    for (const c of [...golden, ...planar]) {
      const kind = `${c.op} ${c.padding_mode}`;
      if (seen.has(kind)) continue;
      seen.add(kind);
      const hover = describeLiteral(goldenSpecText(c), DEFAULT_FORMAT);
      assert.ok(hover, c.name);
      const md = hover.markdown;
      const rank = (shapeOfNested(c.input).length - 1) as 1 | 2 | 3;
      const expected = shapeOfNested(c.expected);
      const mode = c.padding_mode === 'zeros' ? '' : ` · padding_mode \`${c.padding_mode}\``;
      assert.ok(md.includes(`\`${c.op}\`${mode} · input ${shapeOfNested(c.input).join('×')}`), `${c.name}: ${md}`);
      assert.ok(md.includes(`weight ${shapeOfNested(c.weight).join('×')} → output **${expected.join('×')}**`), md);
      const spatial = SYMBOL[rank].map((s) => `[${s}]`).join('');
      const kernel = rank === 1 ? '[k]' : SYMBOL[rank].map((s) => `[k${s}]`).join('');
      const lead = c.op.startsWith('conv_transpose') ? '[C_in][C_out/groups]' : '[C_out][C_in/groups]';
      assert.ok(
        md.includes(`input \`[C_in]${spatial}\` · weight \`${lead}${kernel}\` · output \`[C_out]${spatial}\``),
        `${c.name}: ${md}`,
      );
      const formulas = md.split('\n').filter((line) => /^- `[LDHW]_out = /.test(line));
      assert.deepStrictEqual(
        formulas.map((line) => line.slice(3, 8) + line.slice(line.lastIndexOf(' = '))),
        SYMBOL[rank].map((s, a) => `${s}_out = ${expected[a + 1]}\``),
        `${c.name}: ${md}`,
      );
      // The first plane of the output, as PyTorch computed it.
      const [height, width] = rank === 1 ? [1, expected[1]] : expected.slice(-2);
      const plane = flat(c.expected).slice(0, rank === 1 ? expected[0] * width : height * width);
      const rows = rank === 1 ? expected[0] : height;
      assert.ok(
        md.includes(matrixText(plane, rows, width, DEFAULT_FORMAT, 8, rank === 1 ? 16 : 8)),
        `${c.name}: ${md}`,
      );
    }
    assert.strictEqual(seen.size, 6 + 3 * 3, [...seen].join(', '));
  });

  it('a conv3d spec previews the first depth slices of the output, labelled, and counts the rest', () => {
    const c = named('conv3d padding 1');
    const hover = describeLiteral(goldenSpecText(c), DEFAULT_FORMAT);
    assert.ok(hover);
    const [, depth, height, width] = shapeOfNested(c.expected);
    const values = flat(c.expected);
    const slice = (d: number) => matrixText(values.slice(d * height * width), height, width, DEFAULT_FORMAT, 8, 8);
    assert.ok(
      hover.markdown.includes(
        `# channel 0, depth 0\n${slice(0)}\n# channel 0, depth 1\n${slice(1)}\n# … ${depth - 2} more slice${depth === 3 ? '' : 's'}\n\`\`\``,
      ),
      hover.markdown,
    );
  });

  it('a conv3d spec too costly for a hover: its sizes, no output computed', () => {
    // 40 x 40 x 40 cells with a 3x3x3 kernel: 38^3 * 27 = 1,481,544 multiply-adds, past the hover's budget.
    const zeros = JSON.stringify(Array.from({ length: 40 }, () => Array.from({ length: 40 }, () => Array(40).fill(0))));
    const text = `{"op": "conv3d", "input": ${zeros}, "kernel": ${JSON.stringify(
      Array(3).fill([
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ]),
    )}}`;
    const hover = describeLiteral(text, DEFAULT_FORMAT);
    assert.ok(hover);
    assert.match(hover.markdown, /input 1×40×40×40 · weight 1×1×3×3×3 → output \*\*1×38×38×38\*\*/);
    assert.ok(!hover.markdown.includes('output:'), hover.markdown);
  });
});
