import { randomBytes } from 'crypto';

/** What the page needs from the host: already webview-safe URIs and the webview's CSP source. */
export interface PanelResources {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
}

/** A fresh nonce per render, so a stale or injected `<script>` can never run. */
export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The panel's page: an empty `<main>` that `dist/webview.js` fills. No inline styles or handlers anywhere
 * (the CSP forbids them); the script sets what it needs through classes and the CSSOM.
 */
export function panelHtml({ cspSource, scriptUri, styleUri }: PanelResources, nonce: string = makeNonce()): string {
  const csp = [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    // WebAssembly may compile (the page computes with the engine's fast path); JavaScript eval stays forbidden.
    `script-src 'nonce-${nonce}' 'wasm-unsafe-eval'`,
    `font-src ${cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link href="${styleUri}" rel="stylesheet">
  <title>ConvLens</title>
</head>
<body>
  <main id="convlens" class="convlens" aria-busy="true"></main>
  <script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}
