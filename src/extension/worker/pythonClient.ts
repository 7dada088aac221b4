import * as path from 'path';
import { Worker } from 'worker_threads';
import { PythonDocuments, pythonParser, PythonReading } from '../../python';
import type { PythonReply, PythonRequest } from './pythonMessage';

type ReadRequest = Extract<PythonRequest, { kind: 'read' }>;

interface Pending {
  request: ReadRequest;
  resolve(reading: PythonReading): void;
  reject(error: Error): void;
}

/**
 * Reads Python programs on the Python worker thread (`pythonWorker.ts`), which keeps their trees between versions:
 * the extension host only sends the text and receives the reading. Started by `warmUp` (a Python document opened) or
 * the first read; where no worker can start, it reads in-process, as the worker would.
 */
export class PythonClient {
  private worker: Worker | undefined;
  /** Whether the worker has answered yet: one that fails before its first answer cannot start here. */
  private answered = false;
  private readonly pending = new Map<number, Pending>();
  private requests = 0;
  /** Set where no worker thread can start: programs are then read in-process. */
  private here = false;
  private inProcess: Promise<PythonDocuments> | undefined;

  /** `workerFile`: the bundled worker (dist/pythonWorker.js); `warn` says why reading falls back in-process. */
  constructor(
    private readonly workerFile: string,
    private readonly warn: (message: string) => void,
  ) {}

  static bundled(extensionPath: string, warn: (message: string) => void): PythonClient {
    return new PythonClient(path.join(extensionPath, 'dist', 'pythonWorker.js'), warn);
  }

  /** Starts the worker, which loads the parser while the program is still being opened. */
  warmUp(): void {
    this.start();
  }

  /** The reading of a program's version (`uri`: its key; a new version is read incrementally from the last). */
  read(uri: string, version: number, text: string): Promise<PythonReading> {
    const worker = this.start();
    if (!worker) return this.readInProcess(uri, version, text);
    const request: ReadRequest = { kind: 'read', id: ++this.requests, uri, version, text };
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { request, resolve, reject });
      worker.postMessage(request);
    });
  }

  forget(uri: string): void {
    const request: PythonRequest = { kind: 'forget', uri };
    if (this.worker) this.worker.postMessage(request);
    else void this.inProcess?.then((documents) => documents.forget(uri));
  }

  private start(): Worker | undefined {
    if (this.worker || this.here) return this.worker;
    try {
      const worker = new Worker(this.workerFile);
      // An idle worker must not keep the extension host alive at shutdown.
      worker.unref();
      worker.on('message', (reply: PythonReply) => this.settle(reply));
      worker.on('error', (error) => this.stopped(worker, error));
      worker.on('exit', (code) => this.stopped(worker, new Error(`the Python worker exited with code ${code}`)));
      this.worker = worker;
      this.answered = false;
    } catch (error) {
      this.readHere(error);
    }
    return this.worker;
  }

  private settle(reply: PythonReply): void {
    this.answered = true;
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if ('reading' in reply) pending?.resolve(reply.reading);
    else pending?.reject(new Error(reply.failure));
  }

  /**
   * A worker that died fails what it was asked, and the next read starts a fresh one (whose trees start afresh); one
   * that died before answering anything cannot start here, and what it was asked is read in-process.
   */
  private stopped(worker: Worker, error: Error): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    const pending = [...this.pending.values()];
    this.pending.clear();
    if (this.answered) return pending.forEach((p) => p.reject(error));
    this.readHere(error);
    for (const { request, resolve, reject } of pending)
      this.readInProcess(request.uri, request.version, request.text).then(resolve, reject);
  }

  private readHere(why: unknown): void {
    this.warn(`no worker thread for Python (${String(why)}); reading on the extension host`);
    this.here = true;
  }

  private async readInProcess(uri: string, version: number, text: string): Promise<PythonReading> {
    const documents = (this.inProcess ??= pythonParser().then((parser) => new PythonDocuments(parser)));
    try {
      return (await documents).read(uri, version, text);
    } catch (error) {
      // The parser failed to load (tried again next time) or to read: the next read starts afresh.
      this.inProcess = undefined;
      void documents.then(
        (d) => d.dispose(),
        () => undefined,
      );
      throw error;
    }
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const pending of this.pending.values()) pending.reject(new Error('ConvLens is shutting down'));
    this.pending.clear();
    void this.inProcess?.then((documents) => documents.dispose());
  }
}
