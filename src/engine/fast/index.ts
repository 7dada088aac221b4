/**
 * The fast engine: the forward pass and its adjoint as WebAssembly SIMD kernels (f64x2, register-blocked
 * implicit GEMM), on worker threads too for large problems in Node. Same results as the reference
 * `forward`/`adjoint` in ../convolve.ts up to the order of float64 additions; undefined where it cannot run, so
 * callers fall back to the reference.
 */
import { ConvProblem } from '../spec';
import { Tensor3, tensor3 } from '../tensor';
import { execute, JobRunner } from './execute';
import { geometryOf } from './geometry';
import { nodeBuiltin } from './nodeBuiltin';
import { Plan } from './plan';
import { planGatherBig } from './planGatherBig';
import { planGatherSmall } from './planGatherSmall';
import { FastRuntime, fastRuntime } from './runtime';
import { MAX_JOBS, WorkerPool } from './workerPool';

export interface FastEngineOptions {
  /** Threads to use at most, the caller's included; 1 keeps all work on the caller's thread. */
  maxThreads: number;
  /** Work (flops) below which a computation stays on one thread: handing it off would cost more than it saves. */
  parallelMinFlops: number;
}

function defaultThreads(): number {
  const os = nodeBuiltin<{ availableParallelism?: () => number; cpus: () => unknown[] }>('os');
  return os ? Math.min(4, os.availableParallelism?.() ?? os.cpus().length) : 1;
}

const options: FastEngineOptions = { maxThreads: defaultThreads(), parallelMinFlops: 2_000_000 };
let pool: WorkerPool | null | undefined;

export function configureFastEngine(changes: Partial<FastEngineOptions>): FastEngineOptions {
  return Object.assign(options, changes);
}

/** Whether the fast engine can run here (WebAssembly with SIMD). */
export function fastEngineAvailable(): boolean {
  return fastRuntime() !== undefined;
}

/** Starts the worker threads now; resolves to how many threads large computations will use once they are up. */
export async function startFastEngineThreads(): Promise<number> {
  const runtime = fastRuntime();
  const started = runtime && workerPool(runtime);
  if (!started) return 1;
  try {
    await started.whenReady;
    return started.workers + 1;
  } catch {
    return 1;
  }
}

function workerPool(runtime: FastRuntime): WorkerPool | undefined {
  if (options.maxThreads < 2 || !runtime.shared) return undefined;
  if (pool === undefined) pool = WorkerPool.start(options.maxThreads - 1, runtime.module, runtime.memory) ?? null;
  return pool ?? undefined;
}

function run(plan: Plan, weight: Float64Array, bias: Float64Array | null): Float64Array | undefined {
  const runtime = fastRuntime();
  if (!runtime) return undefined;
  const runJobs: JobRunner = (jobs, count, work) => {
    // The first large computation starts the workers; it and any other until they are up run on this thread.
    const threads = work >= options.parallelMinFlops && count > 1 && count <= MAX_JOBS ? workerPool(runtime) : undefined;
    if (threads?.ready) return threads.run(jobs, count, runtime.run);
    for (let j = 0; j < count; j++) runtime.run(jobs[3 * j], jobs[3 * j + 1], jobs[3 * j + 2]);
  };
  return execute(plan, weight, bias, runtime, runJobs);
}

/** `vec(out) = vec(in) @ M` (+ bias) for either op, or undefined when the fast engine cannot run. */
export function fastForward(problem: ConvProblem): Tensor3 | undefined {
  const g = geometryOf(problem);
  const x = problem.input.data;
  const plan = problem.params.op === 'conv2d' ? planGatherSmall(g, x) : planGatherBig(g, x);
  const data = run(plan, g.weight, problem.bias);
  const { channels, height, width } = problem.output;
  return data && tensor3(channels, height, width, data);
}

/** `vec(y) @ M^T` in the input's shape (the reconstruction), or undefined when the fast engine cannot run. */
export function fastAdjoint(problem: ConvProblem, outputLike: Tensor3): Tensor3 | undefined {
  const g = geometryOf(problem);
  const y = outputLike.data;
  const plan = problem.params.op === 'conv2d' ? planGatherBig(g, y) : planGatherSmall(g, y);
  const data = run(plan, g.weight, null);
  const { channels, height, width } = problem.input;
  return data && tensor3(channels, height, width, data);
}
