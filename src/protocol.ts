/**
 * The typed messages between the extension host and the ConvLens webview: one discriminated union each way.
 * Large numbers travel as typed arrays (VS Code transfers them without JSON); nothing here throws.
 */
import type { CsrMatrix, OutputSizeTerms, Tensor3, Weight } from './engine';
import type { ConvParams } from './engine/params';

/** How numbers are shown (settings `convlens.decimals`, `convlens.exactFractions`). */
export interface NumberFormat {
  decimals: number;
  exactFractions: boolean;
}

/** Everything the panel draws for one computation. */
export interface ConvView {
  /** Where the spec came from, e.g. `seed.json:1:1`, for the panel's title line. */
  source: string;
  /** The spec as plain JSON; the webview keeps it in its state so a reload can ask for it again. */
  spec: Record<string, unknown>;
  params: ConvParams;
  outputSize: readonly [OutputSizeTerms, OutputSizeTerms];
  input: Tensor3;
  weight: Weight;
  bias: Float64Array | null;
  output: Tensor3;
  reconstruction: Tensor3;
  /** `vec(out) = vec(in) @ kernelMatrix`; always sparse, the webview densifies only what it shows. */
  kernelMatrix: CsrMatrix;
  format: NumberFormat;
}

/** What the page keeps with `vscode.setState`: VS Code hands it to the panel serializer after a reload. */
export interface WebviewState {
  spec?: Record<string, unknown>;
}

export type ToWebviewMessage =
  | { type: 'show'; view: ConvView }
  | { type: 'error'; message: string; source: string }
  | { type: 'format'; format: NumberFormat };

export type FromWebviewMessage =
  /** The page has loaded and listens; `spec` is what it showed before a reload, if anything. */
  | { type: 'ready'; spec?: Record<string, unknown> }
  /** Jump to the text the current view was computed from. */
  | { type: 'revealSource' }
  /** Copy text the page prepared (results as JSON, a snippet) to the clipboard. */
  | { type: 'copy'; text: string; what: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The webview is untrusted: the host acts only on messages that have exactly the expected shape. */
export function parseFromWebview(message: unknown): FromWebviewMessage | undefined {
  if (!isObject(message)) return undefined;
  switch (message.type) {
    case 'ready':
      return message.spec === undefined ? { type: 'ready' } : isObject(message.spec) ? { type: 'ready', spec: message.spec } : undefined;
    case 'revealSource':
      return { type: 'revealSource' };
    case 'copy':
      return typeof message.text === 'string' && typeof message.what === 'string' && message.text.length <= 10_000_000
        ? { type: 'copy', text: message.text, what: message.what }
        : undefined;
    default:
      return undefined;
  }
}
