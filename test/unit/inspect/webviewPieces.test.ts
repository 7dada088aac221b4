import * as assert from 'assert';
import { contactsOfSmall, normalizeSpec } from '../../../src/engine';
import { windowGaps } from '../../../media/highlight/windowGaps';
import { matricesSvg, MAX_SVG_CELLS } from '../../../src/picture/matricesSvg';

const colors = {
  background: '#fff',
  foreground: '#000',
  muted: '#777',
  grid: '#ccc',
  cell: () => '#eef',
  font: 'monospace',
};

describe('inspect: webview pieces without a DOM', () => {
  it('windowGaps: the cells a dilated window spans but skips, none without dilation', () => {
    const dilated = normalizeSpec({ input: [[1, 2, 3, 4, 5]], kernel: [[1, 1, 1]], dilation: 2 });
    assert.ok(dilated.ok);
    assert.deepStrictEqual(windowGaps(contactsOfSmall(dilated.value, 0)), [
      { channel: 0, y: 0, x: 1 },
      { channel: 0, y: 0, x: 3 },
    ]);
    const plain = normalizeSpec({ input: [[1, 2, 3]], kernel: [[1, 1]] });
    assert.ok(plain.ok);
    assert.deepStrictEqual(windowGaps(contactsOfSmall(plain.value, 0)), []);
  });

  it('matricesSvg: a standalone SVG with escaped titles and the numbers written in', () => {
    const svg = matricesSvg(
      [{ heading: 'input <x> & "y"', matrices: [{ title: 'a', rows: 2, cols: 2, valueAt: (r, c) => r * 2 + c }] }],
      colors,
      String,
      'ConvLens · seed.json:1:1',
    );
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.includes('input &#60;x&#62; &#38; &#34;y&#34;'));
    assert.strictEqual((svg.match(/<text [^>]*text-anchor="end"[^>]*>\d<\/text>/g) ?? []).length, 4);
  });

  it('matricesSvg: a sparse matrix draws only its stored entries; one too large is named, not drawn', () => {
    const sparse = {
      title: 'M',
      rows: 1000,
      cols: 1000,
      valueAt: () => 0,
      visit: (f: (r: number, c: number, v: number) => void) => f(3, 4, 2),
    };
    const huge = { title: 'huge', rows: 1000, cols: 1000, valueAt: () => 1 };
    const svg = matricesSvg(
      [
        { heading: 'M', matrices: [sparse] },
        { heading: 'big', matrices: [huge] },
      ],
      colors,
      String,
      't',
    );
    assert.strictEqual((svg.match(/fill="#eef"/g) ?? []).length, 1);
    assert.ok(svg.includes(`Left out (more than ${MAX_SVG_CELLS.toLocaleString('en-US')} cells): huge`));
  });
});
