// Hover previews through VS Code's own hover pipeline (vscode.executeHoverProvider).
import * as assert from 'assert';
import { hoverText, openExample, rangeOf } from './support';

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

  it('nothing outside literals', async () => {
    const editor = await openExample('numpy_literals.py');
    assert.strictEqual(await hoverText(editor.document.uri, rangeOf(editor, 'import numpy').start), '');
  });
});
