// The webview is locked down: while the panel opens, renders and is hovered, nothing is fetched from anywhere
// but the local VS Code server (or served by the webview's own service worker); its CSP is nonce-only and nothing
// violates it; and it cannot load files outside the extension's media/ and dist/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Frame, Request } from 'playwright-core';
import { note } from '../mochaRun';
import { repoRoot } from '../paths';
import { workbench } from '../uiSuite';

const COMMAND = 'ConvLens: Convolve selection';
const LOCAL_SCHEMES = ['data:', 'blob:', 'vscode-webview:', 'about:'];
/** VS Code's extension gallery API (open-vsx here), which the workbench queries on its own. */
const MARKETPLACE_API = /^https:\/\/[^/]+\/vscode\/gallery\//;

interface Seen {
  url: string;
  /** Answered by a service worker (VS Code serves webview resources that way), never sent to the network. */
  fromServiceWorker: boolean;
  /** Asked for by a webview frame or the webview's service worker (not by the workbench itself). */
  byWebview: boolean;
}

function byWebview(request: Request): boolean {
  if (request.serviceWorker()) return true;
  try {
    return request.frame().url().includes('/webview/');
  } catch {
    return false;
  }
}

/** What the page, its frames and its service workers ask for, and which of those reached the network. */
class RequestLog {
  readonly seen: Seen[] = [];
  readonly sockets: string[] = [];
  private readonly pending = new Set<Promise<void>>();

  record(request: Request): void {
    const entry: Seen = { url: request.url(), fromServiceWorker: false, byWebview: byWebview(request) };
    this.seen.push(entry);
    const done = request
      .response()
      .then((response) => void (entry.fromServiceWorker = response?.fromServiceWorker() ?? false))
      .catch(() => undefined);
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  settled(): Promise<unknown> {
    return Promise.all([...this.pending]);
  }
}

/** What these checks use of the page's DOM (this file compiles without the DOM library). */
interface ElementLike {
  tagName: string;
  getAttributeNames(): string[];
}
interface NodeLike {
  id: string;
  nonce: string;
  getAttribute(name: string): string | null;
  compareDocumentPosition(other: NodeLike): number;
}
interface ImageLike {
  onload: () => void;
  onerror: () => void;
  src: string;
  naturalWidth: number;
}

/** The page's Content-Security-Policy directives, by name. */
async function cspOf(frame: Frame): Promise<Map<string, string[]>> {
  const content: string = await frame.$eval(
    'meta[http-equiv="Content-Security-Policy"]',
    (meta) => (meta as unknown as { content: string }).content,
  );
  const directives = content
    .split(';')
    .map((d: string) => d.trim().split(/\s+/))
    .filter((d: string[]) => d[0]);
  return new Map(directives.map(([name, ...values]): [string, string[]] => [name, values]));
}

describe('webview security', () => {
  const log = new RequestLog();
  const violations: string[] = [];
  let origin: string;
  let panel: Frame;

  before(async function () {
    this.timeout(90_000);
    const wb = workbench();
    origin = new URL(wb.page.url()).origin;
    // From here on, every request of the page, its frames and its workers is logged.
    wb.page.context().on('request', (request) => log.record(request));
    wb.page.on('websocket', (socket) => log.sockets.push(socket.url()));
    wb.page.on('console', (message) => {
      if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text()))
        violations.push(message.text());
    });
    await wb.runCommandFromPalette('View: Close All Editors');
    await wb.openFile('seed.json');
    await wb.page.keyboard.press('Control+A');
    await wb.runCommandFromPalette(COMMAND);
    panel = await wb.findWebviewFrame(
      async (f) => (await f.locator('[data-matrix="reconstruction"]').count()) > 0,
      30_000,
    );
    // Use it as a person would: hover cells in each matrix, then give late loads a moment.
    for (const matrix of ['output', 'input', 'kernel_matrix']) {
      await panel.locator(`table[data-matrix="${matrix}"] td[data-row="0"][data-col="0"]`).hover();
    }
    await wb.page.waitForTimeout(1000);
    await log.settled();
  });

  it('every request goes to the local VS Code server, a service worker, or a data:/blob:/vscode-webview: URL', function () {
    const remote = log.seen.filter(
      ({ url, fromServiceWorker }) =>
        !url.startsWith(`${origin}/`) && !LOCAL_SCHEMES.some((s) => url.startsWith(s)) && !fromServiceWorker,
    );
    assert.ok(
      log.seen.some((r) => r.byWebview),
      'no request of the webview was recorded at all',
    );
    assert.deepStrictEqual(
      remote.filter((r) => r.byWebview).map((r) => r.url),
      [],
      `requests of the webview that left the machine (origin ${origin})`,
    );
    // The workbench itself asks its extension marketplace about a file type it opens (recommendations); that is
    // VS Code's, not the panel's, and the only thing allowed off the machine.
    const marketplace = remote.filter((r) => MARKETPLACE_API.test(r.url));
    assert.deepStrictEqual(
      remote.filter((r) => !marketplace.includes(r)).map((r) => r.url),
      [],
      `requests that left the machine (origin ${origin})`,
    );
    const sockets = log.sockets.filter((url) => new URL(url).host !== new URL(origin).host);
    assert.deepStrictEqual(sockets, [], 'web sockets to anywhere but the VS Code server');
    const count = (test: (r: Seen) => boolean) => log.seen.filter(test).length;
    note(
      this.test,
      `${log.seen.length} requests while the panel opened and rendered: ${count((r) => r.url.startsWith(`${origin}/`))} to ${origin}, ` +
        `${count((r) => r.fromServiceWorker)} answered by the webview's service worker, ${count((r) => LOCAL_SCHEMES.some((p) => r.url.startsWith(p)))} data:/blob:/vscode-webview:; ` +
        `${count((r) => r.byWebview)} from the webview; ${log.sockets.length} web socket(s); ` +
        `${marketplace.length ? `${marketplace.length} by the workbench to its marketplace (${[...new Set(marketplace.map((r) => new URL(r.url).host))].join(', ')})` : '0 elsewhere'}`,
    );
  });

  it("the webview's own resources come from the extension's media/ and dist/ only", () => {
    const resources = log.seen
      .filter((r) => r.byWebview)
      .map((r) => r.url)
      .filter((url) => url.includes(encodeURI(repoRoot)) || url.includes(repoRoot));
    assert.ok(
      resources.some((url) => url.endsWith('/dist/webview.js')),
      `webview.js was not loaded: ${resources.join(', ')}`,
    );
    for (const url of resources) assert.match(new URL(url).pathname, /\/(media|dist)\/[^/]+$/, url);
  });

  it("CSP: default-src 'none', scripts by nonce only, WebAssembly may compile, nothing else allowed to run or connect", async () => {
    const csp = await cspOf(panel);
    assert.deepStrictEqual(csp.get('default-src'), ["'none'"]);
    const scripts = csp.get('script-src') ?? [];
    assert.strictEqual(scripts.length, 2, `script-src ${scripts.join(' ')}`);
    assert.match(scripts[0], /^'nonce-[A-Za-z0-9+/]{16,}={0,2}'$/);
    // The page computes with the engine's WebAssembly: compiling it is allowed, JavaScript eval is not.
    assert.strictEqual(scripts[1], "'wasm-unsafe-eval'");
    for (const [name, values] of csp) {
      for (const value of values.filter((v) => !(name === 'script-src' && v === "'wasm-unsafe-eval'")))
        assert.doesNotMatch(
          value,
          /unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|^\*$|^https?:$|^http:\/\//,
          `${name} ${value}`,
        );
    }
    for (const name of ['connect-src', 'frame-src', 'child-src', 'worker-src', 'object-src', 'form-action'])
      assert.ok(!csp.has(name), `${name} is allowed`);
  });

  it("our script carries the page's nonce (only VS Code's own API script precedes the CSP); no inline event handlers", async () => {
    const nonce = ((await cspOf(panel)).get('script-src') ?? [''])[0].replace(/^'nonce-|'$/g, '');
    const scripts = await panel.$$eval('script', (nodes) => {
      const csp = (
        globalThis as unknown as { document: { querySelector(s: string): NodeLike } }
      ).document.querySelector('meta[http-equiv="Content-Security-Policy"]');
      // DOCUMENT_POSITION_PRECEDING: the script comes before the policy, which then does not apply to it.
      return (nodes as unknown as NodeLike[]).map((s) => ({
        id: s.id,
        nonce: s.nonce,
        src: s.getAttribute('src'),
        beforeCsp: (csp.compareDocumentPosition(s) & 2) !== 0,
      }));
    });
    // VS Code prepends its acquireVsCodeApi script to the page's <head>; everything of ours comes after the policy.
    for (const script of scripts.filter((s) => s.beforeCsp))
      assert.strictEqual(script.id, '_vscodeApiScript', `a script before the CSP: ${JSON.stringify(script)}`);
    const ours = scripts.filter((s) => !s.beforeCsp);
    assert.deepStrictEqual(
      ours.map((s) => s.nonce === nonce),
      ours.map(() => true),
      JSON.stringify(ours),
    );
    assert.ok(
      ours.some((s) => s.src?.endsWith('/dist/webview.js')),
      JSON.stringify(ours),
    );
    const handlers = await panel.$$eval('*', (nodes) =>
      (nodes as unknown as ElementLike[]).flatMap((n) =>
        n
          .getAttributeNames()
          .filter((a: string) => a.toLowerCase().startsWith('on'))
          .map((a: string) => `<${n.tagName.toLowerCase()} ${a}>`),
      ),
    );
    assert.deepStrictEqual(handlers, []);
  });

  it('nothing violated the CSP while the panel opened, rendered and was hovered', () => {
    assert.deepStrictEqual(violations, []);
  });

  it("a file outside the extension's media/ and dist/ cannot be loaded into the page", async () => {
    const inside = await panel.$eval('link[rel="stylesheet"]', (link) => (link as unknown as { href: string }).href);
    // The same picture outside the roots: in the temp dir, and in the repo's (ignored) out/ folder.
    const outsideFile = path.join(os.tmpdir(), `convlens-outside-roots-${process.pid}.png`);
    const repoFile = path.join(repoRoot, 'out', `convlens-outside-roots-${process.pid}.png`);
    for (const copy of [outsideFile, repoFile]) fs.copyFileSync(path.join(repoRoot, 'media', 'icon.png'), copy);
    try {
      const at = (file: string) =>
        inside
          .replace(encodeURI(path.join(repoRoot, 'media', 'panel.css')), encodeURI(file))
          .replace(path.join(repoRoot, 'media', 'panel.css'), file);
      const load = (src: string) =>
        panel.evaluate(
          (url) =>
            new Promise<boolean>((resolve) => {
              const img = new (globalThis as unknown as { Image: new () => ImageLike }).Image();
              img.onload = () => resolve(img.naturalWidth > 0);
              img.onerror = () => resolve(false);
              img.src = url;
              setTimeout(() => resolve(false), 5000);
            }),
          src,
        );
      const allowed = at(path.join(repoRoot, 'media', 'icon.png'));
      assert.notStrictEqual(allowed, inside, `could not rewrite ${inside}`);
      assert.strictEqual(await load(allowed), true, `media/icon.png did not load from ${allowed}`);
      assert.strictEqual(await load(at(outsideFile)), false, `${outsideFile} loaded: localResourceRoots is too wide`);
      assert.strictEqual(await load(at(repoFile)), false, 'a file of the repo outside media/ and dist/ loaded');
    } finally {
      for (const copy of [outsideFile, repoFile]) fs.rmSync(copy, { force: true });
    }
  });
});
