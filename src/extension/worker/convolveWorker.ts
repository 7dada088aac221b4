/** The worker thread behind "Convolve selection", `convlens.open`, panel restore and "Save as SVG": parses,
 * computes and draws off the extension host's thread. */
import { parentPort } from 'worker_threads';
import { warmUpOutputSizeFormulas } from '../../engine';
import { fastEngineAvailable } from '../../engine/fast';
import { transferables } from '../../convolve';
import { runWorkerMessage, WorkerMessage } from './workerMessage';

parentPort?.on('message', (message: WorkerMessage) => {
  try {
    const result = runWorkerMessage(message);
    parentPort!.postMessage({ result }, typeof result === 'string' ? [] : transferables(result));
  } catch (error) {
    parentPort!.postMessage({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

// Every job needs the engine and the output-size formulas: set them up while the thread waits for its first job
// (see ../warmUp.ts).
fastEngineAvailable();
warmUpOutputSizeFormulas();
