import type { FromWebviewMessage, WebviewState } from '../src/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

// VS Code allows one call per page load.
const api = acquireVsCodeApi();

export function post(message: FromWebviewMessage): void {
  api.postMessage(message);
}

/** What the page kept before it was hidden or the window reloaded. */
export function keptState(): WebviewState {
  const state = api.getState();
  if (typeof state !== 'object' || state === null) return {};
  const spec = (state as WebviewState).spec;
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? { spec } : {};
}

export function keepState(state: WebviewState): void {
  api.setState(state);
}
