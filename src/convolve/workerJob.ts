/**
 * One run of "Convolve selection" as plain data in and out, so it can run on a worker thread: document pieces
 * in, a view (typed arrays, transferable) or a located refusal out. A spec given as a value (`convlens.open`, a
 * restored panel) is a job too: whatever its source, nothing is computed on the extension host's thread.
 */
import { Limits, readInputArray } from '../engine';
import { MatrixLiteral, TextRange } from '../parse';
import { convolveContent, convolveSpec } from './convolve';
import { ComputedView } from './convView';
import { Piece, readPieces } from './readPieces';
import { ConvolveError } from './refusal';
import { Solved } from './convolve';

export interface ConvolveJob {
  pieces: Piece[];
  /** The kernel picked for a lone matrix; without it a lone matrix asks for one. */
  kernel?: unknown;
  limits: Limits;
}

export type ConvolveJobResult =
  | { kind: 'done'; view: ComputedView; range: TextRange }
  /** A lone array that can be an input; the kernel pick offers kernels of the rank that fits its rank. */
  | { kind: 'needsKernel'; inputRank: number }
  | { kind: 'refused'; error: ConvolveError };

export function runConvolveJob(job: ConvolveJob): ConvolveJobResult {
  const content = readPieces(job.pieces, job.limits);
  if (!content.ok) return { kind: 'refused', error: content.error };
  let kernel: MatrixLiteral | undefined;
  if (content.value.kind === 'single') {
    const { matrix } = content.value;
    if (job.kernel === undefined) {
      // Ask for a kernel only for a matrix that can be an input: its own mistakes (ragged, empty, 1-D) come first.
      const input = readInputArray(matrix.value);
      return input.ok
        ? { kind: 'needsKernel', inputRank: input.value.shape.length }
        : { kind: 'refused', error: { message: input.error.message, range: matrix.locate(input.error.path.slice(1)) } };
    }
    const at = matrix.range;
    // A picked kernel is not in the document: its problems are shown at the input it was paired with.
    kernel = { value: job.kernel, range: at, locate: () => at };
  }
  // The host titles the view from the range; the worker has no document to count lines in.
  const convolved = convolveContent(content.value, { limits: job.limits, kernel });
  return convolved.ok
    ? { kind: 'done', view: convolved.view, range: convolved.range }
    : { kind: 'refused', error: convolved.error };
}

/** A spec as a value; its refusals have no text to point into. */
export interface SpecJob {
  spec: Record<string, unknown>;
  limits: Limits;
}

export function runSpecJob(job: SpecJob): Solved {
  return convolveSpec(job.spec, job.limits);
}

/** What the worker thread is handed: text to read, or a spec value. */
export type WorkerJob = { kind: 'text'; job: ConvolveJob } | { kind: 'spec'; job: SpecJob };

export function runWorkerJob(work: WorkerJob): ConvolveJobResult | Solved {
  return work.kind === 'text' ? runConvolveJob(work.job) : runSpecJob(work.job);
}
