/** The worker thread behind "Convolve selection": parses and computes off the extension host's thread. */
import { parentPort } from 'worker_threads';
import { warmUpOutputSizeFormulas } from '../../engine';
import { fastEngineAvailable } from '../../engine/fast';
import { ConvolveJob, runConvolveJob, transferables } from '../../job/convolveJob';

parentPort?.on('message', (job: ConvolveJob) => {
  try {
    const result = runConvolveJob(job);
    parentPort!.postMessage({ result }, transferables(result));
  } catch (error) {
    parentPort!.postMessage({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

// Every job needs the engine and the output-size formulas: set them up while the thread waits for its first job
// (see ../warmUp.ts).
fastEngineAvailable();
warmUpOutputSizeFormulas();
