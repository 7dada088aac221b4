// The user's text in a hover is text: no link, image, HTML, autolink or code span may come from it.
import * as assert from 'assert';
import { describeLiteral, LARGE_LITERAL_CHARACTERS } from '../../../src/hover/hoverText';

const HOSTILE =
  '![](https://example.invalid/b.png) [Fix](https://example.invalid/fix) <img src=x onerror=alert(1)> ' +
  'www.example.invalid a@example.invalid `x` &lt; [r]: https://example.invalid';

/** What could still be Markdown syntax: the text with each backslash-escaped punctuation character taken out. */
const unescaped = (markdown: string): string => markdown.replace(/\\[!-/:-@[-`{-~]/g, '');

function assertInert(text: string): void {
  const hover = describeLiteral(text, { decimals: 4, exactFractions: false });
  assert.ok(hover, text.slice(0, 80));
  assert.ok(hover.markdown.includes('example'), hover.markdown.slice(0, 400));
  assert.doesNotMatch(unescaped(hover.markdown), /\]\(|!\[|<|>|https?:|www\.|@|`|&|\]:/, hover.markdown.slice(0, 400));
}

describe('hover Markdown: user text stays text', () => {
  it('a spec with a hostile op', () => {
    assertInert(`{"input": [[1, 2], [3, 4]], "kernel": [[1]], "op": ${JSON.stringify(HOSTILE)}}`);
  });

  it('a hostile padding, and a matrix holding a hostile string', () => {
    assertInert(`{"input": [[1, 2], [3, 4]], "kernel": [[1]], "padding": ${JSON.stringify(HOSTILE)}}`);
    assertInert(`[[1, 2], [3, ${JSON.stringify(HOSTILE)}]]`);
  });

  it('a spec too large to parse in a hover, with a hostile op', () => {
    const row = `[${Array.from({ length: 1000 }, () => '0.5').join(', ')}]`;
    const rows = Array.from({ length: Math.ceil(LARGE_LITERAL_CHARACTERS / row.length) + 1 }, () => row);
    assertInert(`{"input": [${rows.join(', ')}], "kernel": [[1]], "op": ${JSON.stringify(HOSTILE)}}`);
  });
});
