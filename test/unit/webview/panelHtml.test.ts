import * as assert from 'assert';
import { makeNonce, panelHtml } from '../../../src/extension/panel/panelHtml';

describe('panel HTML', () => {
  const resources = {
    cspSource: 'https://webview.test',
    scriptUri: 'https://webview.test/dist/webview.js',
    styleUri: 'https://webview.test/media/panel.css',
  };

  it('locks the page down with a CSP: scripts by nonce only, WebAssembly may compile', () => {
    const html = panelHtml(resources, 'NONCE');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    assert.strictEqual(
      csp,
      "default-src 'none'; img-src https://webview.test data:; style-src https://webview.test; script-src 'nonce-NONCE' 'wasm-unsafe-eval'; font-src https://webview.test",
    );
    assert.match(html, /<script nonce="NONCE" src="https:\/\/webview\.test\/dist\/webview\.js"><\/script>/);
    assert.match(html, /<link href="https:\/\/webview\.test\/media\/panel\.css" rel="stylesheet">/);
  });

  it('has no inline styles or handlers, which the CSP would block', () => {
    const html = panelHtml(resources);
    assert.doesNotMatch(html, /style="|<style|\son[a-z]+=/i);
  });

  it('makes a fresh nonce each time', () => {
    assert.notStrictEqual(makeNonce(), makeNonce());
    assert.match(makeNonce(), /^[A-Za-z0-9+/]{24}$/);
  });
});
