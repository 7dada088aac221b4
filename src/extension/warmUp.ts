import * as vscode from 'vscode';
import { warmUpOutputSizeFormulas } from '../engine';
import { fastEngineAvailable } from '../engine/fast';
import { ConvolveClient } from './worker/convolveClient';

/** Long enough for activation and the editor that triggered it to settle; short next to a user's first hover. */
const IDLE_DELAY_MS = 500;

/**
 * Once activation is over, does what the first hover and the first command would otherwise wait for: starts the
 * convolve worker (it compiles its engine on its own thread), compiles the host's engine (hovers compute on the
 * host; compiling takes some 10-50 ms) and builds the output-size formulas (mathjs sets itself up on first use).
 * Disposing before it fires skips it.
 */
export function scheduleWarmUp(worker: ConvolveClient): vscode.Disposable {
  const timer = setTimeout(() => {
    worker.warmUp();
    fastEngineAvailable();
    warmUpOutputSizeFormulas();
  }, IDLE_DELAY_MS);
  return { dispose: () => clearTimeout(timer) };
}
