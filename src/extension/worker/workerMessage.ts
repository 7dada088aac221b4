import { ConvolveJobResult, runWorkerJob, Solved, WorkerJob } from '../../convolve';
import { matricesPicture, PictureJob } from '../../picture/matricesPicture';
import type { ClipboardContent, ConvView } from '../../protocol/messages';
import { clipboardText } from '../../view/clipboardText';

/** A view's text for a copy button (its results computed for it, or its numbers written out as code). */
export interface ClipboardJob {
  view: ConvView;
  what: ClipboardContent;
}

/** What the worker thread is asked to do: a convolve job, a view's SVG for "Save as SVG", or a copy's text. */
export type WorkerMessage = WorkerJob | { kind: 'picture'; job: PictureJob } | { kind: 'clipboard'; job: ClipboardJob };

export type WorkerResult = ConvolveJobResult | Solved | string;

/** Runs one message; the worker thread calls it, and so does the host where no worker can start. */
export function runWorkerMessage(message: WorkerMessage): WorkerResult {
  switch (message.kind) {
    case 'picture':
      return matricesPicture(message.job.view, message.job.colors, message.job.font);
    case 'clipboard':
      return clipboardText(message.job.view, message.job.what);
    default:
      return runWorkerJob(message);
  }
}
