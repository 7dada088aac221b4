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

/** One call: wall time, and the process's CPU time over it (all its threads; other processes' load excluded). */
export interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** Times one synchronous call. */
export function timed(run: () => unknown): Sample {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  run();
  const wallMs = performance.now() - wall;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** CPU milliseconds of one synchronous call. */
export const cpuMs = (run: () => unknown): number => timed(run).cpuMs;

export interface Summary {
  wallMedian: number;
  cpuMedian: number;
  fastest: number;
  calls: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export function summarize(samples: Sample[]): Summary {
  return {
    wallMedian: median(samples.map((s) => s.wallMs)),
    cpuMedian: median(samples.map((s) => s.cpuMs)),
    fastest: Math.min(...samples.map((s) => s.wallMs)),
    calls: samples.length,
  };
}

/**
 * The time that holds on a busy machine: for a one-thread runner its CPU time per call (time other jobs take from it
 * does not count), for a threaded one its fastest call (CPU time would add up the threads).
 */
export const steadyMs = (summary: Summary, threads: number): number =>
  threads === 1 ? summary.cpuMedian : summary.fastest;
