/**
 * How much the fuzz suites try. `npm test` uses a fixed seed so a failure reproduces; longer runs come from the
 * environment: CONVLENS_FUZZ_RUNS=20000 CONVLENS_FUZZ_SEED=random (or a number to replay). See docs/testing.md.
 */
export interface FuzzConfig {
  runs: number;
  seed: number;
}

/** The seed of the default run; change it only together with any count a test pins. */
export const DEFAULT_SEED = 20_260_611;

/** A hang detector, not a performance test: no single case may take this long, even on a busy machine. */
export const CASE_TIME_LIMIT_MS = 30_000;

export function fuzzConfig(defaultRuns: number): FuzzConfig {
  const runs = Number(process.env.CONVLENS_FUZZ_RUNS ?? defaultRuns);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`CONVLENS_FUZZ_RUNS must be a positive integer, not ${process.env.CONVLENS_FUZZ_RUNS}`);
  const seedText = process.env.CONVLENS_FUZZ_SEED;
  const seed =
    seedText === undefined
      ? DEFAULT_SEED
      : seedText === 'random'
        ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0
        : Number(seedText);
  if (!Number.isInteger(seed)) throw new Error(`CONVLENS_FUZZ_SEED must be an integer or "random", not ${seedText}`);
  return { runs, seed };
}
