// "Save as SVG / PNG" from the (untrusted) page: no markup of the page reaches the disk. The host builds the SVG
// from the view it holds and the page's four colours; a PNG is written only when its bytes are exactly a PNG.
import * as assert from 'assert';
import * as zlib from 'zlib';
import { DEFAULT_LIMITS } from '../../../src/engine';
import { matricesPicture } from '../../../src/picture/matricesPicture';
import { convolveSpec, titledView } from '../../../src/convolve';
import { ConvView, MAX_IMAGE_CHARACTERS, PictureColors } from '../../../src/protocol/messages';
import { parseFromWebview } from '../../../src/protocol/guards';
import { SEED_SPEC } from '../../support/seed';

/** A real 1 x 1 PNG, as a canvas writes one. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const COLORS = {
  background: [30, 30, 30],
  foreground: [204, 204, 204],
  positive: [55, 148, 255],
  negative: [241, 76, 76],
};

/** Markup that runs script, or reaches out, once the saved file is opened in a browser. */
const HOSTILE = [
  '<svg xmlns="http://www.w3.org/2000/svg"><s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg"><h:foreignObject xmlns:h="http://www.w3.org/2000/svg"><iframe src="https://example.invalid"/></h:foreignObject></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="data:text/html,<script>alert(1)</script>"><text>x</text></a></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<!DOCTYPE svg [<!ENTITY s "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg xmlns="http://www.w3.org/2000/svg">&s;</svg>',
  '<svg xmlns="http://www.w3.org/2000/svg"><![CDATA[<script>alert(1)</script>]]></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg"><use href="https://example.invalid/sprite.svg#a"/></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://example.invalid/a.css);</style></svg>',
  '<svg><a href="&#x6A;avascript:alert(1)"><text>x</text></a></svg>',
  '<svg><a href="java&#x09;script:alert(1)"><text>x</text></a></svg>',
  '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
];

const base64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const pngBytes = Buffer.from(PNG, 'base64');

/** The PNG with one more chunk (of any type) before its IEND, with a valid checksum. */
function withChunk(type: string, data: string): string {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), Buffer.from(data, 'utf8')]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), body.length + 4);
  return base64(Buffer.concat([pngBytes.subarray(0, pngBytes.length - 12), chunk, pngBytes.subarray(-12)]));
}

/** CRC-32 as PNG uses it: zlib's, independent of the host's own. */
const crc32 = (bytes: Buffer): number => zlib.crc32(bytes);

function seedView(source = 'seed.json:1:1'): ConvView {
  const solved = convolveSpec(SEED_SPEC, DEFAULT_LIMITS);
  assert.ok(solved.ok);
  return titledView(solved.view, source, { decimals: 4, exactFractions: false });
}

describe('inspect: saving a picture of the matrices, from the (untrusted) page', () => {
  it('no message carrying markup of the page passes, whichever field or encoding carries it', () => {
    for (const svg of HOSTILE) {
      const messages: Record<string, unknown>[] = [
        { type: 'saveImage', format: 'svg', fileName: 'a.svg', data: svg },
        { type: 'saveImage', format: 'png', fileName: 'a.png', data: base64(svg) },
        { type: 'saveSvg', colors: svg },
        { type: 'saveSvg', colors: { ...COLORS, background: svg } },
        { type: 'saveSvg', colors: { ...COLORS, foreground: [svg, 0, 0] } },
        { type: 'savePng', png: svg },
        { type: 'savePng', png: base64(svg) },
        { type: 'savePng', png: base64(Buffer.concat([pngBytes, Buffer.from(svg)])) },
        { type: 'savePng', png: withChunk('tEXt', `Comment\0${svg}`) },
        { type: 'savePng', png: withChunk('iTXt', svg) },
      ];
      for (const message of messages) {
        const parsed = parseFromWebview(message);
        assert.ok(
          parsed === undefined || !JSON.stringify(parsed).includes('<'),
          `${JSON.stringify(message).slice(0, 120)} passed as ${String(JSON.stringify(parsed)).slice(0, 120)}`,
        );
      }
    }
  });

  it("the host's SVG has only svg, rect and text elements and plain attributes, whatever the source or the font", () => {
    const source = `${HOSTILE[0]}]]><!-- &amp; &#106;avascript:.json:1:1`;
    const svg = matricesPicture(seedView(source), COLORS as unknown as PictureColors, '" onload="alert(1)');
    const tags = svg.match(/<[^>]*>?/g) ?? [];
    assert.ok(tags.length > 20, svg.slice(0, 200));
    const ATTRIBUTES = ['xmlns', 'width', 'height', 'viewBox', 'font-family', 'font-size', 'font-weight', 'fill'];
    const allowed = new Set([...ATTRIBUTES, 'x', 'y', 'stroke', 'text-anchor']);
    for (const tag of tags) {
      // Each tag is exactly its name and double-quoted attributes of the allow-list.
      const attributes = [...tag.matchAll(/\s([a-zA-Z-]+)="([^"<>]*)"/g)];
      assert.match(tag.replace(/\s([a-zA-Z-]+)="([^"<>]*)"/g, ''), /^<\/?(svg|rect|text)\/?>$/, tag);
      for (const [, name, value] of attributes) {
        assert.ok(allowed.has(name), `${name} in ${tag}`);
        if (name === 'xmlns') assert.strictEqual(value, 'http://www.w3.org/2000/svg');
      }
    }
    assert.ok(svg.includes('&#60;s:script xmlns:s=&#34;'), 'the source is written as text');
    assert.ok(svg.includes('font-family="monospace"'), 'a font list that is not plain CSS names falls back');
    // The seed's numbers (output and reconstruction, computed by PyTorch) are written in.
    for (const n of [37, 47, 67, 77, 121, 500, 342, 499, 308])
      assert.ok(svg.includes(`text-anchor="end" fill="rgb(204, 204, 204)">${n}</text>`), String(n));
  });

  it('an SVG is asked for with four colours of whole numbers 0..255, nothing else', () => {
    assert.deepStrictEqual(parseFromWebview({ type: 'saveSvg', colors: COLORS, data: '<svg/>', fileName: 'x.svg' }), {
      type: 'saveSvg',
      colors: COLORS,
    });
    const bad: unknown[] = [
      { ...COLORS, background: [256, 0, 0] },
      { ...COLORS, background: [-1, 0, 0] },
      { ...COLORS, background: [0.5, 0, 0] },
      { ...COLORS, background: [0, 0] },
      { ...COLORS, background: [0, 0, 0, 0] },
      { ...COLORS, background: '#000' },
      { ...COLORS, extra: [0, 0, 0] },
      { background: COLORS.background, foreground: COLORS.foreground, positive: COLORS.positive },
      [COLORS],
      null,
    ];
    for (const colors of bad)
      assert.strictEqual(parseFromWebview({ type: 'saveSvg', colors }), undefined, JSON.stringify(colors));
  });

  it('a PNG of 20 MiB of base64 passes (and one over the size limit does not), without throwing', () => {
    const idat = (bytes: number) => {
      const image = Buffer.from(withChunk('IDAT', 'x'.repeat(bytes)), 'base64');
      return image.toString('base64');
    };
    const large = idat(15 * 1024 * 1024);
    assert.ok(large.length > 20 * 1024 * 1024);
    assert.deepStrictEqual(parseFromWebview({ type: 'savePng', png: large }), { type: 'savePng', png: large });
    assert.strictEqual(parseFromWebview({ type: 'savePng', png: idat(19 * 1024 * 1024) }), undefined);
  });

  it('a PNG passes when its bytes are exactly a PNG: signature, known chunks, valid checksums, nothing after IEND', () => {
    assert.deepStrictEqual(parseFromWebview({ type: 'savePng', png: PNG, fileName: '../x.png' }), {
      type: 'savePng',
      png: PNG,
    });
    const corrupt = Buffer.from(pngBytes);
    corrupt[40] ^= 1;
    for (const png of [
      '',
      'not base64!',
      `${PNG}\n`,
      ` ${PNG}`,
      base64(pngBytes.subarray(0, 8)),
      base64(pngBytes.subarray(0, pngBytes.length - 1)),
      base64(Buffer.concat([pngBytes, Buffer.from([0])])),
      base64(corrupt),
      withChunk('zzZz', 'x'),
      `${PNG.slice(0, -2)}=`,
      `${'A'.repeat(MAX_IMAGE_CHARACTERS)}AAAA`,
    ])
      assert.strictEqual(parseFromWebview({ type: 'savePng', png }), undefined, png.slice(0, 60));
  });
});
