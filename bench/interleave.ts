import { ConvProblem } from '../src/engine';
import { Runner, RunnerCase } from './runner';
import { Sample } from './timing';

export interface InterleaveBudget {
  warmups: number;
  /** Rounds at least, and until this much time has passed; then stop after `maxMs`. */
  minRounds: number;
  minMs: number;
  maxMs: number;
  /** Rounds the slow runners take part in. */
  slowRounds: number;
}

export const DEFAULT_INTERLEAVE: InterleaveBudget = {
  warmups: 2,
  minRounds: 7,
  minMs: 1500,
  maxMs: 6000,
  slowRounds: 3,
};

/** Lets threads of the previous call that poll before sleeping (onnxruntime's, OpenMP's) go idle before the next. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 3));

export interface CaseSamples {
  /** Per runner, its samples, or why it cannot compute the case. */
  samples: Map<Runner, Sample[] | string>;
  prepared: Map<Runner, RunnerCase>;
}

/**
 * Times every runner on one problem, round-robin: each round calls each runner once, so a burst of load from other
 * jobs on the machine falls on all of them alike instead of on whichever runner's block it hit.
 */
export async function interleave(
  problem: ConvProblem,
  runners: Runner[],
  budget: InterleaveBudget = DEFAULT_INTERLEAVE,
): Promise<CaseSamples> {
  const samples = new Map<Runner, Sample[] | string>();
  const prepared = new Map<Runner, RunnerCase>();
  for (const runner of runners) {
    const ready = await runner.prepare(problem);
    if (typeof ready === 'string') {
      samples.set(runner, ready);
      continue;
    }
    prepared.set(runner, ready);
    samples.set(runner, []);
    for (let i = 0; i < (runner.slow ? 1 : budget.warmups); i++) await ready.call();
  }
  const start = performance.now();
  for (let round = 0; ; round++) {
    for (const [runner, ready] of prepared) {
      if (runner.slow && round >= budget.slowRounds) continue;
      await settle();
      (samples.get(runner) as Sample[]).push(await ready.call());
    }
    const elapsed = performance.now() - start;
    if ((round + 1 >= budget.minRounds && elapsed >= budget.minMs) || (round >= 2 && elapsed >= budget.maxMs)) break;
  }
  return { samples, prepared };
}
