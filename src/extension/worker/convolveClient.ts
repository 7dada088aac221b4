import * as path from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import { ConvolveJob, ConvolveJobResult, Solved, SpecJob } from '../../convolve';
import { PictureJob } from '../../picture/matricesPicture';
import type { ConvView } from '../../protocol/messages';
import { log } from '../log';
import { ClipboardJob, runWorkerMessage, WorkerMessage, WorkerResult } from './workerMessage';

type Reply = { result: WorkerResult } | { failure: string };

/**
 * Runs convolve jobs on one worker thread, started by `warmUp` or else by the first job, so a large selection
 * never blocks the extension host. Cancelling terminates the worker (the next job starts a fresh one); where no
 * worker can start, jobs run in-process.
 */
export class ConvolveClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly extensionPath: string) {}

  run(job: ConvolveJob, token: vscode.CancellationToken): Promise<ConvolveJobResult | 'cancelled'> {
    return this.enqueue({ kind: 'text', job }, token) as Promise<ConvolveJobResult | 'cancelled'>;
  }

  /** A spec given as a value, computed like a selection's. */
  runSpec(job: SpecJob, token: vscode.CancellationToken): Promise<Solved | 'cancelled'> {
    return this.enqueue({ kind: 'spec', job }, token) as Promise<Solved | 'cancelled'>;
  }

  /** The SVG of a view's matrices (seconds of string building for a large view), drawn on the worker. */
  picture(job: PictureJob): Promise<string | 'cancelled'> {
    return this.text({ kind: 'picture', job: { ...job, view: withoutSpec(job.view) } });
  }

  /** A copy button's text, whose results and numbers are computed and written out on the worker. */
  clipboard(job: ClipboardJob): Promise<string | 'cancelled'> {
    return this.text({ kind: 'clipboard', job: { ...job, view: withoutSpec(job.view) } });
  }

  private text(work: WorkerMessage): Promise<string | 'cancelled'> {
    const { token } = new vscode.CancellationTokenSource();
    return this.enqueue(work, token) as Promise<string | 'cancelled'>;
  }

  private enqueue(work: WorkerMessage, token: vscode.CancellationToken): Promise<WorkerResult | 'cancelled'> {
    // One job at a time: a second command waits for the first rather than racing it on the same worker.
    const next = this.queue.then(() => this.runNow(work, token));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Starts the worker ahead of the first job, which then finds its engine compiled. */
  warmUp(): void {
    this.start();
  }

  private runNow(work: WorkerMessage, token: vscode.CancellationToken): Promise<WorkerResult | 'cancelled'> {
    if (token.isCancellationRequested) return Promise.resolve('cancelled');
    const worker = this.start();
    if (!worker) return Promise.resolve(runWorkerMessage(work));
    return new Promise((resolve, reject) => {
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        cancel.dispose();
      };
      const onMessage = (reply: Reply) => {
        done();
        if ('result' in reply) resolve(reply.result);
        else reject(new Error(`ConvLens worker failed: ${reply.failure}`));
      };
      const onError = (error: Error) => {
        done();
        this.worker = undefined;
        reject(error);
      };
      // A worker that stops without an error (killed, out of memory, process.exit) must not leave this job and
      // every one queued behind it waiting for good.
      const onExit = (code: number) => {
        done();
        this.worker = undefined;
        reject(new Error(`ConvLens worker stopped (exit code ${code}) before it answered`));
      };
      const cancel = token.onCancellationRequested(() => {
        done();
        this.stop();
        resolve('cancelled');
      });
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(work);
    });
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(path.join(this.extensionPath, 'dist', 'convolveWorker.js'));
      // An idle worker must not keep the extension host alive at shutdown.
      worker.unref();
      // One that stopped between jobs is replaced by the next job, which would otherwise post to it for ever.
      worker.once('exit', () => {
        if (this.worker === worker) this.worker = undefined;
      });
      this.worker = worker;
    } catch (error) {
      log().warn(`no worker thread (${String(error)}); computing on the extension host`);
      this.worker = undefined;
    }
    return this.worker;
  }

  private stop(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  dispose(): void {
    this.stop();
  }
}

/** Neither a picture nor a copy reads the spec; leaving it out spares copying it to the worker. */
const withoutSpec = (view: ConvView): ConvView => ({ ...view, spec: undefined });
