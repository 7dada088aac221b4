/**
 * The fast engine: the forward pass and its adjoint as WebAssembly SIMD kernels (f64x2, register-blocked
 * implicit GEMM), on worker threads too for large problems in Node. Same results as the reference
 * `forward`/`adjoint` in ../convolve.ts up to the order of float64 additions; undefined where it cannot run, so
 * callers fall back to the reference.
 */
import { cellsOf, sweptGrid } from '../geometry';
import { ConvProblem } from '../spec';
import { Tensor, tensorOf } from '../tensor';
import { execute } from './execute';
import { foldPadding, padExplicitly } from './explicitPadding';
import { geometryOf, padsExplicitly } from './geometry';
import { nodeBuiltin } from './nodeBuiltin';
import { Plan, planWork } from './plan';
import { planForGeometry } from './planCache';
import { planGatherBig } from './planGatherBig';
import { planGatherSmall } from './planGatherSmall';
import { FastRuntime, fastRuntime, releaseFastRuntime } from './runtime';
import { WorkerPool } from './workerPool';

export interface FastEngineOptions {
  /** Threads to use at most, the caller's included; 1 keeps all work on the caller's thread. */
  maxThreads: number;
  /**
   * Work (flops) below which a computation stays on one thread: handing it off would cost more than it saves. On a
   * 2-core VM the calls of 10.6 MFLOP and less (0.6 ms) ran faster on one thread, idle or with a core busy (the
   * worker's wake-up, the notify, and its reading the input the caller laid out from the other core's cache).
   * Above it the caller's thread also takes the page faults of the fresh result array while a worker computes.
   */
  parallelMinFlops: number;
  /** WebAssembly memory never shrinks: a runtime whose memory grew past this (a huge problem) is dropped after use. */
  retainedMemoryBytes: number;
  /** Multiply-add in one instruction where the runtime has relaxed SIMD; false forces the plain tiles. */
  fusedMultiplyAdd: boolean;
}

function defaultThreads(): number {
  const os = nodeBuiltin<{ availableParallelism?: () => number; cpus: () => unknown[] }>('os');
  return os ? Math.min(4, os.availableParallelism?.() ?? os.cpus().length) : 1;
}

// Built on first use rather than at load, so bundles that never compute (the webview) can drop this module.
let settings: FastEngineOptions | undefined;
const options = (): FastEngineOptions =>
  (settings ??= {
    maxThreads: defaultThreads(),
    parallelMinFlops: 12_000_000,
    retainedMemoryBytes: 128 * 2 ** 20,
    fusedMultiplyAdd: true,
  });
let pool: WorkerPool | null | undefined;

export function configureFastEngine(changes: Partial<FastEngineOptions>): FastEngineOptions {
  const before = options().fusedMultiplyAdd;
  Object.assign(options(), changes);
  // The workers run the shared runtime's module: a different kernel flavour needs a new pool.
  if (options().fusedMultiplyAdd !== before && pool) {
    pool.dispose();
    pool = undefined;
  }
  return options();
}

/** What the fast engine runs here: whether at all, and whether its tiles multiply-add in one instruction. */
export function fastEngineFeatures(): { available: boolean; fusedMultiplyAdd: boolean } {
  const runtime = fastRuntime(false, options().fusedMultiplyAdd);
  return { available: runtime !== undefined, fusedMultiplyAdd: runtime?.fused ?? false };
}

/** Whether the fast engine can run here (WebAssembly with SIMD). */
export function fastEngineAvailable(): boolean {
  return fastEngineFeatures().available;
}

/** Starts the worker threads now; resolves to how many threads large computations will use once they are up. */
export async function startFastEngineThreads(): Promise<number> {
  const started = workerPool();
  if (!started) return 1;
  try {
    await started.whenReady;
    return started.workers + 1;
  } catch {
    return 1;
  }
}

/** The pool, started on first call, over the shared-memory runtime; undefined where threads are off or impossible. */
function workerPool(): WorkerPool | undefined {
  if (options().maxThreads < 2) return undefined;
  if (pool === undefined) {
    const shared = fastRuntime(true, options().fusedMultiplyAdd);
    pool = (shared && WorkerPool.start(options().maxThreads - 1, shared)) || null;
  }
  return pool ?? undefined;
}

function run(
  plan: Plan,
  source: Float64Array,
  weight: Float64Array,
  bias: Float64Array | null,
  into?: Float64Array,
): Float64Array | undefined {
  // The first large computation starts the workers; it and any other until they are up run on this thread.
  const threads = planWork(plan) >= options().parallelMinFlops ? workerPool() : undefined;
  if (threads?.ready) {
    const { runtime } = threads;
    try {
      threads.settle(); // a worker may still run a job of the last call that this thread took over
      const result = execute(
        plan,
        source,
        weight,
        bias,
        runtime,
        (jobs, count, sideWork) => threads.run(jobs, count, runtime.run, sideWork),
        into,
      );
      retireIfHuge(runtime);
      return result;
    } catch {
      // A worker failed: no threads from now on, and this computation falls back to the reference.
      threads.dispose();
      pool = null;
      return undefined;
    }
  }
  const runtime = fastRuntime(false, options().fusedMultiplyAdd);
  if (!runtime) return undefined;
  const result = execute(
    plan,
    source,
    weight,
    bias,
    runtime,
    (jobs, count) => {
      for (let j = 0; j < count; j++) runtime.run(jobs[3 * j], jobs[3 * j + 1], jobs[3 * j + 2]);
    },
    into,
  );
  retireIfHuge(runtime);
  return result;
}

function retireIfHuge(runtime: FastRuntime): void {
  if (runtime.memory.buffer.byteLength <= options().retainedMemoryBytes) return;
  if (runtime.shared) {
    pool?.dispose();
    pool = undefined;
  }
  releaseFastRuntime(runtime);
}

/** How `vec(in) @ M` is laid out and run, for either op. */
export function forwardPlan(problem: ConvProblem): Plan {
  const g = () => geometryOf(problem);
  return problem.geometry.transposed
    ? planForGeometry(planGatherBig, 'gatherBig', problem.geometry, g)
    : planForGeometry(planGatherSmall, 'gatherSmall', problem.geometry, g);
}

/** What the forward pass reads: the input, or under a padding mode its padded copy. */
function forwardSource(problem: ConvProblem): Float64Array {
  const { geometry, input } = problem;
  return !geometry.transposed && padsExplicitly(geometry) ? padExplicitly(geometry, input.data) : input.data;
}

/** How `vec(y) @ M^T` is laid out and run, `y` output-shaped; with a padding mode it ends on the padded grid. */
export function adjointPlan(problem: ConvProblem): Plan {
  const g = () => geometryOf(problem);
  return problem.geometry.transposed
    ? planForGeometry(planGatherSmall, 'gatherSmall', problem.geometry, g)
    : planForGeometry(planGatherBig, 'gatherBig', problem.geometry, g);
}

/** A padded copy at most this many times the grids the limits count (input, output, swept grid). */
const LAYOUT_FACTOR = 8;

/**
 * Whether a plan's copies stay within a few times the grids the limits count. The gather into the big grid pads
 * the small one by the kernel's reach in small-grid steps, for each of its channels: with a long dilation and many
 * small-grid channels that copy outgrows everything counted, and the reference, whose cost is the multiply-adds
 * alone, runs instead. A padding mode adds its padded copy of the input, the swept grid.
 */
export function planAffordable(problem: ConvProblem, plan: Plan): boolean {
  const g = problem.geometry;
  const swept = cellsOf(sweptGrid(g));
  const counted = cellsOf(g.input) + cellsOf(g.output) + swept;
  return plan.inputElements + (padsExplicitly(g) ? swept : 0) <= LAYOUT_FACTOR * counted;
}

/** Whether the fast engine computes this op: PyTorch pads transposed convolutions with zeros only. */
const supported = (problem: ConvProblem): boolean => !(problem.geometry.transposed && padsExplicitly(problem.geometry));

/**
 * `vec(out) = vec(in) @ M` (+ bias) for either op, or undefined when the fast engine cannot run. With `into` (the
 * output's size) the result is written there instead of a new array: a caller that computes again and again reuses
 * one, which saves the fresh array's page faults.
 */
export function fastForward(problem: ConvProblem, into?: Float64Array): Tensor | undefined {
  if (into && into.length !== cellsOf(problem.geometry.output))
    throw new RangeError(`the result needs ${cellsOf(problem.geometry.output)} elements, not ${into.length}`);
  if (!supported(problem)) return undefined;
  const plan = forwardPlan(problem);
  if (!planAffordable(problem, plan)) return undefined;
  const data = run(plan, forwardSource(problem), problem.weight.data, problem.bias, into);
  return data && tensorOf(problem.geometry.output, data);
}

/** `vec(y) @ M^T` in the input's shape (the reconstruction), or undefined when the fast engine cannot run. */
export function fastAdjoint(problem: ConvProblem, outputLike: Tensor): Tensor | undefined {
  if (!supported(problem)) return undefined;
  const g = problem.geometry;
  const plan = adjointPlan(problem);
  if (!planAffordable(problem, plan)) return undefined;
  const data = run(plan, outputLike.data, problem.weight.data, null);
  // With a padding mode the plan ends on the padded grid: each padded cell goes back onto the cell it copies.
  return data && tensorOf(g.input, padsExplicitly(g) ? foldPadding(g, data) : data);
}
