import { ConvolveJobResult, runWorkerJob, Solved, WorkerJob } from '../../convolve';
import { matricesPicture, PictureJob } from '../../picture/matricesPicture';

/** What the worker thread is asked to do: a convolve job, or a view's SVG for "Save as SVG". */
export type WorkerMessage = WorkerJob | { kind: 'picture'; job: PictureJob };

export type WorkerResult = ConvolveJobResult | Solved | string;

/** Runs one message; the worker thread calls it, and so does the host where no worker can start. */
export function runWorkerMessage(message: WorkerMessage): WorkerResult {
  if (message.kind !== 'picture') return runWorkerJob(message);
  const { view, colors, font } = message.job;
  return matricesPicture(view, colors, font);
}
