import { type FromWebviewMessage, type WebviewState } from '../src/protocol/messages';
import { parseKeptState } from '../src/protocol/guards';

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

/** What the page kept before it was hidden or the window reloaded, checked as the host will check it (`{}` if not
 * valid). */
export function keptState(): WebviewState {
  return parseKeptState(api.getState()) ?? {};
}

export function keepState(state: WebviewState): void {
  api.setState(state);
}
