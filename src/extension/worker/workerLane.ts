import * as path from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import { log } from '../log';
import { runWorkerMessage, WorkerMessage, WorkerResult } from './workerMessage';

type Reply = { result: WorkerResult } | { failure: string };

/**
 * One worker thread and the jobs queued for it, one at a time: a second job waits for the first rather than racing it
 * on the same worker. The worker starts with the first job (or `start`); cancelling a job terminates it, and the next
 * job starts a fresh one. Where no worker can start, jobs run in-process.
 */
export class WorkerLane implements vscode.Disposable {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly extensionPath: string) {}

  run(work: WorkerMessage, token: vscode.CancellationToken): Promise<WorkerResult | 'cancelled'> {
    const next = this.queue.then(() => this.runNow(work, token));
    this.queue = next.catch(() => undefined);
    return next;
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

  /** The lane's worker, started if it is not running. */
  start(): Worker | undefined {
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
