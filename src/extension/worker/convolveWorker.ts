/** The worker thread behind "Convolve selection", `convlens.open` and panel restore: parses and computes off the
 * extension host's thread. */
import { parentPort } from 'worker_threads';
import { warmUpOutputSizeFormulas } from '../../engine';
import { fastEngineAvailable } from '../../engine/fast';
import { runWorkerJob, transferables, WorkerJob } from '../../job/convolveJob';

parentPort?.on('message', (work: WorkerJob) => {
  try {
    const result = runWorkerJob(work);
    parentPort!.postMessage({ result }, transferables(result));
  } catch (error) {
    parentPort!.postMessage({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

// Every job needs the engine and the output-size formulas: set them up while the thread waits for its first job
// (see ../warmUp.ts).
fastEngineAvailable();
warmUpOutputSizeFormulas();
