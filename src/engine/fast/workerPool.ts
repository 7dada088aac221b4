import { nodeBuiltin } from './nodeBuiltin';
import { WasmMemory, WasmModule } from './wasmApi';

/** Words of the control block shared with the workers. */
const TICKET = 0; // (generation << 16) | next job index; index CLOSED while the main thread rewrites the jobs
const COUNT = 1;
const DONE = 2;
const FAILED = 3;
const READY = 4;
const JOBS = 8; // then [descriptor, rowBegin, rowEnd] per job
const CLOSED = 0xffff;

/** Jobs one run can hand out; more run on this thread alone. */
export const MAX_JOBS = 4096;

interface NodeWorker {
  unref(): void;
  on(event: 'message' | 'error' | 'exit', listener: (value: unknown) => void): void;
}
interface WorkerThreads {
  Worker: new (source: string, options: { eval: true; workerData: unknown }) => NodeWorker;
}

/**
 * The worker's whole program. Every thread, this one included, claims jobs by compare-and-swap on TICKET and
 * counts them in DONE; the generation in TICKET's high bits keeps a late thread from claiming a job of a run
 * that has ended.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
const { module, memory, control } = workerData;
const run = new WebAssembly.Instance(module, { env: { memory } }).exports.run;
const ctl = new Int32Array(control);
Atomics.add(ctl, ${READY}, 1);
parentPort.postMessage('ready');
for (;;) {
  const ticket = Atomics.load(ctl, ${TICKET});
  const count = Atomics.load(ctl, ${COUNT});
  const job = ticket & 0xffff;
  if (job >= count) { Atomics.wait(ctl, ${TICKET}, ticket); continue; }
  if (Atomics.compareExchange(ctl, ${TICKET}, ticket, ticket + 1) !== ticket) continue;
  const at = ${JOBS} + 3 * job;
  try { run(ctl[at], ctl[at + 1], ctl[at + 2]); } catch (e) { Atomics.store(ctl, ${FAILED}, 1); }
  if (Atomics.add(ctl, ${DONE}, 1) + 1 === count) Atomics.notify(ctl, ${DONE});
}`;

/**
 * Worker threads that run the kernels on the same shared wasm memory, driven synchronously: the caller's thread
 * works through the jobs too and then blocks (Atomics.wait) until the last one is done. Node only; workers are
 * unref'd, so they never keep a process alive.
 */
export class WorkerPool {
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * (JOBS + 3 * MAX_JOBS)));
  private generation = 0;
  readonly whenReady: Promise<void>;

  private constructor(
    readonly workers: number,
    threads: WorkerThreads,
    module: WasmModule,
    memory: WasmMemory,
  ) {
    const started: Promise<void>[] = [];
    for (let i = 0; i < workers; i++) {
      const worker = new threads.Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory, control: this.control.buffer } });
      worker.unref();
      started.push(
        new Promise((resolve, reject) => {
          worker.on('message', () => resolve());
          worker.on('error', reject);
          worker.on('exit', reject);
        }),
      );
    }
    this.whenReady = Promise.all(started).then(() => undefined);
    // A worker that fails to start just leaves the pool unready; the work then runs on one thread.
    this.whenReady.catch(() => undefined);
  }

  static start(workers: number, module: WasmModule, memory: WasmMemory): WorkerPool | undefined {
    const threads = nodeBuiltin<WorkerThreads>('worker_threads');
    if (!threads || workers < 1) return undefined;
    try {
      return new WorkerPool(workers, threads, module, memory);
    } catch {
      return undefined;
    }
  }

  get ready(): boolean {
    return Atomics.load(this.control, READY) === this.workers;
  }

  /** Runs `count` jobs (triples in `jobs`) on this thread and the workers; returns when all are done. */
  run(jobs: Int32Array, count: number, run: (descriptor: number, rowBegin: number, rowEnd: number) => void): void {
    const ctl = this.control;
    Atomics.store(ctl, TICKET, (this.generation << 16) | CLOSED);
    ctl.set(jobs.subarray(0, 3 * count), JOBS);
    Atomics.store(ctl, COUNT, count);
    Atomics.store(ctl, DONE, 0);
    Atomics.store(ctl, FAILED, 0);
    this.generation = (this.generation + 1) & 0x7fff;
    Atomics.store(ctl, TICKET, this.generation << 16);
    Atomics.notify(ctl, TICKET);
    for (;;) {
      const ticket = Atomics.load(ctl, TICKET);
      const job = ticket & 0xffff;
      if (job >= count) break;
      if (Atomics.compareExchange(ctl, TICKET, ticket, ticket + 1) !== ticket) continue;
      const at = JOBS + 3 * job;
      run(ctl[at], ctl[at + 1], ctl[at + 2]);
      Atomics.add(ctl, DONE, 1);
    }
    for (let done = Atomics.load(ctl, DONE); done < count; done = Atomics.load(ctl, DONE)) Atomics.wait(ctl, DONE, done);
    if (Atomics.load(ctl, FAILED) !== 0) throw new Error('a fast-engine worker failed');
  }
}
