export interface Timing {
  /** Median milliseconds per run. */
  median: number;
  runs: number;
}

export interface TimingBudget {
  warmups: number;
  minRuns: number;
  /** Keep repeating until this much time has passed (and minRuns are done)... */
  minMs: number;
  /** ...but stop after this much, once 3 runs are in (slow reference runs). */
  maxMs: number;
}

export const DEFAULT_BUDGET: TimingBudget = { warmups: 3, minRuns: 7, minMs: 400, maxMs: 4000 };

/** Warms up, then times repeated runs and reports the median. */
export function measure(run: () => unknown, budget: Partial<TimingBudget> = {}): Timing {
  const { warmups, minRuns, minMs, maxMs } = { ...DEFAULT_BUDGET, ...budget };
  for (let i = 0; i < warmups; i++) run();
  const times: number[] = [];
  const start = performance.now();
  for (;;) {
    const before = performance.now();
    run();
    times.push(performance.now() - before);
    const elapsed = performance.now() - start;
    if ((times.length >= minRuns && elapsed >= minMs) || (times.length >= 3 && elapsed >= maxMs)) break;
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return { median: times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2, runs: times.length };
}
