import { logDebug } from '../log';

/**
 * The User Timing measure each hover leaves behind (only the latest is kept, so it never grows): profilers of the
 * extension host show it, and the timings suite reads it to tell our time from other providers'.
 */
export const HOVER_MEASURE = 'convlens.hover';

export interface HoverTimingDetail {
  documentCharacters: number;
  /** True when the preview came from the per-version cache. */
  cached: boolean;
}

const megabytes = (characters: number): string => `${(characters / 1e6).toFixed(1)} MB`;

/** Records a hover that began at `started` (performance.now()): a measure and a debug line in the ConvLens log. */
export function recordHoverTime(started: number, detail: HoverTimingDetail): void {
  const duration = performance.now() - started;
  performance.clearMeasures(HOVER_MEASURE);
  performance.measure(HOVER_MEASURE, { start: started, duration, detail });
  logDebug(
    () =>
      `hover: ${duration.toFixed(1)} ms (${megabytes(detail.documentCharacters)} document${detail.cached ? ', cached' : ''})`,
  );
}
