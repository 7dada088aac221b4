// Helpers for suites that report timings: how long a call took, and what ConvLens's own hover provider took.
import * as assert from 'assert';
import type { PerformanceMeasure } from 'perf_hooks';
import { HOVER_MEASURE, HoverTimingDetail } from '../../src/extension/hover/hoverTiming';

export async function timed<T>(run: () => Thenable<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** What ConvLens's provider itself did in the last hover: the User Timing measure it leaves
 * (src/extension/hover/hoverTiming.ts). */
export function providerTiming(): { ms: number } & HoverTimingDetail {
  const [measure] = performance.getEntriesByName(HOVER_MEASURE, 'measure') as PerformanceMeasure[];
  assert.ok(measure, 'the ConvLens hover provider did not run');
  return { ms: measure.duration, ...(measure.detail as HoverTimingDetail) };
}
