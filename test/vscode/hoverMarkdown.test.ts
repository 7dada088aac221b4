// The user's text in a hover, through VS Code's hover pipeline: it stays text, with no link, image or HTML of its
// own; the only link is ConvLens's own "Open in ConvLens panel".
import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoverText, openText, rangeOf } from './support';

const HOSTILE =
  '![](https://example.invalid/b.png) [Fix](https://example.invalid/fix) <img src=x onerror=alert(1)> ' +
  'www.example.invalid a@example.invalid `x` &lt; [r]: https://example.invalid';

/** The hover at `text` in `editor`, asking again while it is empty (the first one may come before activation). */
async function hoverAt(editor: vscode.TextEditor, text: string): Promise<string> {
  let hover = '';
  for (let i = 0; i < 20 && !hover; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    hover = await hoverText(editor.document.uri, rangeOf(editor, text).start);
  }
  return hover;
}

/** What could still be Markdown syntax: the text with each backslash-escaped punctuation character taken out. */
const unescaped = (markdown: string): string => markdown.replace(/\\[!-/:-@[-`{-~]/g, '');

describe('hover Markdown: user text stays text', () => {
  it('a spec whose op is a Markdown image and link: the hover says why, with neither', async () => {
    const editor = await openText(`{"input": [[1, 2], [3, 4]], "kernel": [[1]], "op": ${JSON.stringify(HOSTILE)}}`);
    const text = await hoverAt(editor, '[3, 4]');
    assert.match(text, /op must be/);
    assert.ok(text.includes('example'), text);
    assert.doesNotMatch(unescaped(text), /\]\(|!\[|<|>|https?:|www\.|@|`|&|\]:/, text);
  });

  it('a spec whose input holds such a string', async () => {
    const editor = await openText(`{"input": [[1, 2], [3, ${JSON.stringify(HOSTILE)}]], "kernel": [[1]]}`);
    const text = await hoverAt(editor, '"kernel"');
    assert.match(text, /must be a number/);
    assert.ok(text.includes('example'), text);
    assert.doesNotMatch(unescaped(text), /\]\(|!\[|<|>|https?:|www\.|@|`|&|\]:/, text);
  });
});
