// Hover previews through VS Code's own hover pipeline (vscode.executeHoverProvider).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { note } from '../host/mochaRun';
import { matrixText } from '../../src/format/matrixText';
import { DEFAULT_FORMAT } from '../../src/format/numberText';
import { loadGoldenNdCases } from '../support/golden';
import { hoverText, openExample, openText, rangeOf } from './support';
import { providerTiming, timed } from './timing';

describe('hover previews', () => {
  it('a conv spec shows the output shape, the formula with numbers, the output and a panel link', async () => {
    const editor = await openExample('seed.json');
    const text = await hoverText(editor.document.uri, rangeOf(editor, '[4,5,6]').start);
    assert.match(text, /`conv2d` · input 1×3×3 · weight 1×1×2×2 → output \*\*1×2×2\*\*/);
    assert.ok(text.includes('floor((3 + 2*0 - 1*(2 - 1) - 1) / 1) + 1 = 2'), text);
    assert.ok(text.includes('[[37 47]\n [67 77]]'), text);
    assert.match(text, /\[Open in ConvLens panel\]\(command:convlens\.open\?/);
  });

  it('a numpy literal shows its shape, range and values', async () => {
    const editor = await openExample('numpy_literals.py');
    const text = await hoverText(editor.document.uri, rangeOf(editor, '5, 6').start);
    assert.match(text, /matrix 3×3 · min 1 · max 9/);
    assert.ok(text.includes('[[1 2 3]\n [4 5 6]\n [7 8 9]]'), text);
  });

  it('a matrix in a Markdown code block', async () => {
    const editor = await openExample('notes.md');
    const text = await hoverText(editor.document.uri, rangeOf(editor, '-4, 1').start);
    assert.match(text, /matrix 3×3 · min -4 · max 1/);
  });

  it('numbers read as in the panel, with its number settings', async () => {
    const editor = await openText('m = [[12, 1.5, 0.1]]\n', 'python');
    const at = rangeOf(editor, '1.5').start;
    const plain = await hoverText(editor.document.uri, at);
    assert.ok(plain.includes('[[ 12 1.5 0.1]]'), plain);
    const config = vscode.workspace.getConfiguration('convlens');
    await config.update('exactFractions', true, vscode.ConfigurationTarget.Global);
    try {
      const exact = await hoverText(editor.document.uri, at);
      assert.ok(exact.includes('[[  12  3/2 1/10]]'), exact);
    } finally {
      await config.update('exactFractions', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('nothing outside literals', async () => {
    const editor = await openExample('numpy_literals.py');
    assert.strictEqual(await hoverText(editor.document.uri, rangeOf(editor, 'import numpy').start), '');
  });

  describe('every rank', () => {
    const golden = loadGoldenNdCases();
    const goldenCase = (name: string) => {
      const found = golden.find((c) => c.name === name);
      assert.ok(found, name);
      return found;
    };

    it('a 1-D list in Python: its length and values as numpy prints them', async () => {
      const editor = await openText('signal = [3, -1, 4, 1, 5]\n', 'python');
      const text = await hoverText(editor.document.uri, rangeOf(editor, '4, 1').start);
      assert.match(text, /list 5 · min -1 · max 5/);
      assert.ok(text.includes('[ 3 -1  4  1  5]'), text);
    });

    it('a conv1d spec with reflect padding: op, mode, layouts, L_out and the output PyTorch computes', async () => {
      const c = goldenCase('conv1d reflect padding 2');
      const spec = { op: c.op, input: c.input, weight: c.weight, padding: c.padding, padding_mode: c.padding_mode };
      const editor = await openText(`${JSON.stringify(spec)}\n`);
      const text = await hoverText(editor.document.uri, rangeOf(editor, '"padding"').start);
      const expected = c.expected as number[][];
      assert.ok(
        text.includes(
          `\`conv1d\` · padding_mode \`reflect\` · input 1×5 · weight 1×1×3 → output **1×${expected[0].length}**`,
        ),
        text,
      );
      assert.ok(text.includes('input `[C_in][L]` · weight `[C_out][C_in/groups][k]` · output `[C_out][L]`'), text);
      assert.match(text, new RegExp(`- \`L_out = floor\\(.*\\) \\+ 1 = ${expected[0].length}\``));
      assert.ok(text.includes(matrixText(expected[0], 1, expected[0].length, DEFAULT_FORMAT)), text);
      assert.match(text, /\[Open in ConvLens panel\]\(command:convlens\.open\?/);
    });

    it('a conv3d spec in Python: D_out, H_out, W_out and the first depth slices, labelled', async () => {
      const c = goldenCase('conv3d padding 1');
      const editor = await openText(
        `layer = dict(op="conv3d", input=np.array(${JSON.stringify(c.input)}), weight=${JSON.stringify(c.weight)}, padding=1)\n`,
        'python',
      );
      const text = await hoverText(editor.document.uri, rangeOf(editor, 'padding=1').start);
      assert.ok(text.includes('`conv3d` · input 1×2×3×3 · weight 1×1×2×2×2 → output **1×3×4×4**'), text);
      for (const [symbol, size] of [
        ['D', 3],
        ['H', 4],
        ['W', 4],
      ] as const)
        assert.match(text, new RegExp(`- \`${symbol}_out = .* = ${size}\``));
      const [slices] = c.expected as number[][][][];
      const slice = (d: number) => matrixText(slices[d].flat(), 4, 4, DEFAULT_FORMAT);
      assert.ok(
        text.includes(`# channel 0, depth 0\n${slice(0)}\n# channel 0, depth 1\n${slice(1)}\n# … 1 more slice\n`),
        text,
      );
    });
  });

  describe('hostile files do not freeze the extension host', () => {
    const files: [name: string, text: string, language: string][] = [
      ['100,000 `{` then `}` (200 KB JSON)', '{'.repeat(100_000) + '}'.repeat(100_000), 'json'],
      ['100,000 `[` then `]` (200 KB JSON)', '['.repeat(100_000) + ']'.repeat(100_000), 'json'],
      ['40,000 `dict(` then `)` (240 KB Python)', 'dict('.repeat(40_000) + ')'.repeat(40_000), 'python'],
    ];
    for (const [name, text, language] of files) {
      it(`${name}: the hover in the middle answers (with nothing to show), and again from the cache`, async function () {
        const editor = await openText(text, language);
        const middle = editor.document.positionAt(text.length >> 1);
        const first = await timed(() => hoverText(editor.document.uri, middle));
        assert.strictEqual(first.value, '');
        const firstProvider = providerTiming();
        assert.strictEqual(firstProvider.cached, false);
        const again = await timed(() => hoverText(editor.document.uri, middle));
        assert.strictEqual(again.value, '');
        assert.strictEqual(providerTiming().cached, true, 'a second hover on the same spot searches again');
        note(
          this.test,
          `${name}: first hover ${first.ms.toFixed(0)} ms (ConvLens ${firstProvider.ms.toFixed(0)} ms), again ${again.ms.toFixed(0)} ms (ConvLens ${providerTiming().ms.toFixed(1)} ms)`,
        );
      });
    }

    it('4,000 minus signs in a row: the hover answers instead of throwing', async () => {
      const text = `x = [[${'-'.repeat(4000)}1, 2]]\n`;
      const editor = await openText(text, 'python');
      const shown = await hoverText(editor.document.uri, editor.document.positionAt(text.indexOf('2]]')));
      assert.match(shown, /matrix 1×2 · min 1 · max 2/);
    });
  });
});
