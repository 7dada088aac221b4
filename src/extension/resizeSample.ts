import { titledView } from '../convolve';
import { ConvView } from '../protocol/messages';
import { isLayerSample, resizedSample, sampleSizesProblem } from '../python/shapes/layerSpec';
import { withDelayedProgress } from './delayedProgress';
import { readSettings } from './settings';
import { ConvolveClient } from './worker/convolveClient';
import { resultOrSentence } from './workerOutcome';

/**
 * A layer's sample (a view "Open in ConvLens" made) on an input of `sizes`, computed on the worker under the limits
 * like any spec: the resized view, or why not (the layer's output would be empty, a limit, a cancel) for the panel
 * to say by its sample size control, leaving the view shown as it is.
 */
export async function resizeSample(
  view: ConvView,
  sizes: number[],
  worker: ConvolveClient,
): Promise<ConvView | string> {
  if (!view.spec || !isLayerSample(view.spec)) return 'Only a layer opened from code has a sample to resize.';
  const problem = sampleSizesProblem(sizes, view.geometry.rank);
  if (problem) return problem;
  const settings = readSettings();
  const spec = resizedSample(view.spec, view.geometry.input.channels, sizes);
  const solved = await resultOrSentence(
    withDelayedProgress('ConvLens: computing…', (token) => worker.runSpec({ spec, limits: settings }, token)),
    {
      cancelled: 'Cancelled: the sample keeps its size.',
      failed: (reason) => `Could not resize the sample: ${reason}`,
    },
  );
  if (typeof solved === 'string') return solved;
  if (!solved.ok) return solved.error.message;
  return titledView(solved.view, view.source, settings.format);
}
