/** The worker thread behind "Convolve selection": parses and computes off the extension host's thread. */
import { parentPort } from 'worker_threads';
import { ConvolveJob, runConvolveJob, transferables } from '../../job/convolveJob';

parentPort?.on('message', (job: ConvolveJob) => {
  try {
    const result = runConvolveJob(job);
    parentPort!.postMessage({ result }, transferables(result));
  } catch (error) {
    parentPort!.postMessage({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
