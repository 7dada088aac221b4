import { nodeBuiltin } from './nodeBuiltin';
import { FastRuntime } from './runtime';

/** Words of the control block shared with the workers. */
const TICKET = 0; // (generation << 16) | next job index; index CLOSED while the main thread rewrites the jobs
const COUNT = 1;
const ACTIVE = 2; // workers inside a claim: between trying one and having finished it
const FAILED = 3;
const READY = 4;
const JOBS = 8; // then [descriptor, rowBegin, rowEnd] per job
const CLOSED = 0xffff;

/** Jobs the control block holds; a longer list runs in batches. */
const MAX_JOBS = 4096;
/** Then one word per job, set once it is done. */
const FINISHED = JOBS + 3 * MAX_JOBS;
/** How long the caller polls a shared word before it sleeps on it (ms): a sleeping thread takes tens of microseconds to
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
 * The worker's whole program. Every thread, this one included, claims jobs by compare-and-swap on TICKET and marks
 * each done in FINISHED; the generation in TICKET's high bits keeps a late thread from claiming a job of a run that
 * has ended. ACTIVE counts the workers inside a claim, so the caller can wait for a job it took over to end before it
 * rewrites the memory.
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
    // Sleeps rather than polls: on cores shared with other processes a polling worker takes the caller's share.
    Atomics.wait(ctl, ${TICKET}, ticket);
    continue;
  }
  Atomics.add(ctl, ${ACTIVE}, 1);
  if (Atomics.compareExchange(ctl, ${TICKET}, ticket, ticket + 1) === ticket) {
    const at = ${JOBS} + 3 * job;
    try { run(ctl[at], ctl[at + 1], ctl[at + 2]); } catch (e) { Atomics.store(ctl, ${FAILED}, 1); }
    Atomics.store(ctl, ${FINISHED} + job, 1);
  }
  if (Atomics.sub(ctl, ${ACTIVE}, 1) === 1) Atomics.notify(ctl, ${ACTIVE});
}`;

/**
 * Worker threads that run the kernels on the same shared wasm memory, driven synchronously: the caller's thread
 * works through the jobs too, then waits for the workers' last jobs, but never longer than a job of its own took: a
 * job still running then (its worker descheduled on a busy machine) it runs again itself. A job writes only its own
 * outputs, from inputs no job writes, so two runs of it write the same values. Node only; once started, workers are
 * unref'd, so they never keep a process alive.
 */
export class WorkerPool {
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * (FINISHED + MAX_JOBS)));
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

  /** Jobs of the current run claimed so far, by any thread. */
  get claimedJobs(): number {
    const job = Atomics.load(this.control, TICKET) & 0xffff;
    return job === CLOSED ? 0 : job;
  }

  /**
   * Waits until no worker runs a job: one this thread took over may still be running, and writes where the next
   * call lays its data out. Call before rewriting the memory the workers read.
   */
  settle(): void {
    const ctl = this.control;
    const until = performance.now() + SPIN_MS;
    while (Atomics.load(ctl, ACTIVE) !== 0 && performance.now() < until);
    for (let active = Atomics.load(ctl, ACTIVE); active !== 0; active = Atomics.load(ctl, ACTIVE))
      Atomics.wait(ctl, ACTIVE, active);
  }

  /**
   * Runs `count` jobs (triples in `jobs`) on the workers and this thread, which first does `sideWork`; returns
   * when all are done, perhaps while a worker still runs one this thread took over (see `settle`).
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
    this.settle();
    Atomics.store(ctl, TICKET, (this.generation << 16) | CLOSED);
    ctl.set(jobs.subarray(0, 3 * count), JOBS);
    ctl.fill(0, FINISHED, FINISHED + count);
    Atomics.store(ctl, COUNT, count);
    Atomics.store(ctl, FAILED, 0);
    this.generation = (this.generation + 1) & 0x7fff;
    Atomics.store(ctl, TICKET, this.generation << 16);
    Atomics.notify(ctl, TICKET);
    sideWork?.();
    const runJob = (job: number) => {
      const at = JOBS + 3 * job;
      run(ctl[at], ctl[at + 1], ctl[at + 2]);
      Atomics.store(ctl, FINISHED + job, 1);
    };
    const started = performance.now();
    let ran = 0;
    for (;;) {
      const ticket = Atomics.load(ctl, TICKET);
      const job = ticket & 0xffff;
      if (job >= count) break;
      if (Atomics.compareExchange(ctl, TICKET, ticket, ticket + 1) !== ticket) continue;
      runJob(job);
      ran++;
    }
    // A worker's last job began before this thread's last ended: a running worker ends it within about a job's time.
    // Past that its thread is most likely descheduled, and this one runs the job rather than wait for the scheduler.
    const patience = ran > 0 ? (performance.now() - started) / ran : SPIN_MS;
    for (let job = 0; job < count; job++) {
      const until = performance.now() + patience;
      while (Atomics.load(ctl, FINISHED + job) === 0 && performance.now() < until);
      if (Atomics.load(ctl, FINISHED + job) === 0) runJob(job);
    }
    if (Atomics.load(ctl, FAILED) !== 0) throw new Error('a fast-engine worker failed');
  }
}
