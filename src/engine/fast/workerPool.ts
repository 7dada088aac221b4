import { nodeBuiltin } from './nodeBuiltin';
import { FastRuntime } from './runtime';

/** Words of the control block shared with the workers. */
const TICKET = 0; // (generation << 16) | next job index; index CLOSED while the main thread rewrites the jobs
const COUNT = 1;
const DONE = 2;
const FAILED = 3;
const READY = 4;
const JOBS = 8; // then [descriptor, rowBegin, rowEnd] per job
const CLOSED = 0xffff;

/** Jobs the control block holds; a longer list runs in batches. */
const MAX_JOBS = 4096;
/** How long a thread polls a shared word before it sleeps on it (ms): a sleeping thread takes tens of microseconds to
 * wake. */
const SPIN_MS = 1;

interface NodeWorker {
  unref(): void;
  terminate(): Promise<number>;
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
  if (job >= count) {
    // Runs come back to back while a user works: poll a while before sleeping, as waking up costs more.
    const until = performance.now() + ${SPIN_MS};
    while (Atomics.load(ctl, ${TICKET}) === ticket && performance.now() < until);
    if (Atomics.load(ctl, ${TICKET}) === ticket) Atomics.wait(ctl, ${TICKET}, ticket);
    continue;
  }
  if (Atomics.compareExchange(ctl, ${TICKET}, ticket, ticket + 1) !== ticket) continue;
  const at = ${JOBS} + 3 * job;
  try { run(ctl[at], ctl[at + 1], ctl[at + 2]); } catch (e) { Atomics.store(ctl, ${FAILED}, 1); }
  if (Atomics.add(ctl, ${DONE}, 1) + 1 === count) Atomics.notify(ctl, ${DONE});
}`;

/**
 * Worker threads that run the kernels on the same shared wasm memory, driven synchronously: the caller's thread
 * works through the jobs too and then blocks (Atomics.wait) until the last one is done. Node only; once started,
 * workers are unref'd, so they never keep a process alive.
 */
export class WorkerPool {
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * (JOBS + 3 * MAX_JOBS)));
  private generation = 0;
  private readonly threads: NodeWorker[] = [];
  readonly whenReady: Promise<void>;

  private constructor(
    readonly workers: number,
    threads: WorkerThreads,
    /** The shared-memory runtime the workers instantiate too; the caller computes through it. */
    readonly runtime: FastRuntime,
  ) {
    const { module, memory } = runtime;
    const started: Promise<void>[] = [];
    for (let i = 0; i < workers; i++) {
      const worker = new threads.Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { module, memory, control: this.control.buffer },
      });
      this.threads.push(worker);
      started.push(
        new Promise((resolve, reject) => {
          // Referenced while starting, so awaiting `whenReady` keeps the process alive; unref'd once up (after the
          // 'message' listener, which would ref it again).
          worker.on('message', () => {
            worker.unref();
            resolve();
          });
          worker.on('error', reject);
          worker.on('exit', reject);
        }),
      );
    }
    this.whenReady = Promise.all(started).then(() => undefined);
    // A worker that fails to start just leaves the pool unready; the work then runs on one thread.
    this.whenReady.catch(() => undefined);
  }

  static start(workers: number, runtime: FastRuntime): WorkerPool | undefined {
    const threads = nodeBuiltin<WorkerThreads>('worker_threads');
    if (!threads || workers < 1 || !runtime.shared) return undefined;
    try {
      return new WorkerPool(workers, threads, runtime);
    } catch {
      return undefined;
    }
  }

  /** Ends the workers, which lets their shared memory be collected. */
  dispose(): void {
    for (const worker of this.threads) void worker.terminate().catch(() => undefined);
  }

  get ready(): boolean {
    return Atomics.load(this.control, READY) === this.workers;
  }

  /**
   * Runs `count` jobs (triples in `jobs`) on the workers and this thread, which first does `sideWork`; returns
   * when all are done.
   */
  run(
    jobs: Int32Array,
    count: number,
    run: (descriptor: number, rowBegin: number, rowEnd: number) => void,
    sideWork?: () => void,
  ): void {
    for (let first = 0; first < count; first += MAX_JOBS) {
      const batch = Math.min(MAX_JOBS, count - first);
      this.runBatch(jobs.subarray(3 * first, 3 * (first + batch)), batch, run, first === 0 ? sideWork : undefined);
    }
  }

  private runBatch(
    jobs: Int32Array,
    count: number,
    run: (descriptor: number, rowBegin: number, rowEnd: number) => void,
    sideWork?: () => void,
  ): void {
    const ctl = this.control;
    Atomics.store(ctl, TICKET, (this.generation << 16) | CLOSED);
    ctl.set(jobs.subarray(0, 3 * count), JOBS);
    Atomics.store(ctl, COUNT, count);
    Atomics.store(ctl, DONE, 0);
    Atomics.store(ctl, FAILED, 0);
    this.generation = (this.generation + 1) & 0x7fff;
    Atomics.store(ctl, TICKET, this.generation << 16);
    Atomics.notify(ctl, TICKET);
    sideWork?.();
    for (;;) {
      const ticket = Atomics.load(ctl, TICKET);
      const job = ticket & 0xffff;
      if (job >= count) break;
      if (Atomics.compareExchange(ctl, TICKET, ticket, ticket + 1) !== ticket) continue;
      const at = JOBS + 3 * job;
      run(ctl[at], ctl[at + 1], ctl[at + 2]);
      Atomics.add(ctl, DONE, 1);
    }
    // The workers' last jobs end soon: poll before sleeping.
    const until = performance.now() + SPIN_MS;
    while (Atomics.load(ctl, DONE) < count && performance.now() < until);
    for (let done = Atomics.load(ctl, DONE); done < count; done = Atomics.load(ctl, DONE))
      Atomics.wait(ctl, DONE, done);
    if (Atomics.load(ctl, FAILED) !== 0) throw new Error('a fast-engine worker failed');
  }
}
