import * as assert from 'assert';
import { MAX_IMAGE_CHARACTERS, parseFromWebview } from '../../../src/protocol';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('inspect: the saveImage message from the (untrusted) webview', () => {
  it('accepts an SVG and a PNG with matching plain file names', () => {
    assert.deepStrictEqual(
      parseFromWebview({ type: 'saveImage', format: 'svg', fileName: 'convlens seed.svg', data: svg }),
      { type: 'saveImage', format: 'svg', fileName: 'convlens seed.svg', data: svg },
    );
    assert.deepStrictEqual(
      parseFromWebview({ type: 'saveImage', format: 'png', fileName: 'm.png', data: png, extra: 1 }),
      { type: 'saveImage', format: 'png', fileName: 'm.png', data: png },
    );
  });

  it('refuses paths, wrong extensions and unknown formats', () => {
    for (const fileName of ['../m.svg', '/tmp/m.svg', 'a\\b.svg', 'm.png', 'm.svg.exe', '.svg', '']) {
      assert.strictEqual(
        parseFromWebview({ type: 'saveImage', format: 'svg', fileName, data: svg }),
        undefined,
        fileName,
      );
    }
    assert.strictEqual(parseFromWebview({ type: 'saveImage', format: 'gif', fileName: 'm.gif', data: svg }), undefined);
  });

  it('refuses data that is not what it claims, or too large', () => {
    const bad: [string, string][] = [
      ['svg', '<html></html>'],
      ['svg', '<svg><script>alert(1)</script></svg>'],
      ['svg', '<svg onload="x()"></svg>'],
      ['svg', '<svg><foreignObject/></svg>'],
      ['png', 'not base64!'],
      ['png', 'QUJD'],
      ['svg', ''],
      ['svg', `<svg>${' '.repeat(MAX_IMAGE_CHARACTERS)}</svg>`],
    ];
    for (const [format, data] of bad) {
      assert.strictEqual(
        parseFromWebview({ type: 'saveImage', format, fileName: `m.${format}`, data }),
        undefined,
        data.slice(0, 40),
      );
    }
    assert.strictEqual(parseFromWebview({ type: 'saveImage', format: 'svg', fileName: 'm.svg', data: 42 }), undefined);
  });
});
