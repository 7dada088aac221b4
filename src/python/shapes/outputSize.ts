/**
 * What a ConvTranspose's forward makes of `output_size=`: PyTorch 1.13's `_output_padding`. It takes the spatial
 * sizes (or the whole shape, batch and channels first), and picks the output_padding that gives them, between the
 * output with none and the output with `stride - 1`; outside that window it refuses, in these words.
 */
import { outputLength } from '../../engine/geometry';
import type { ConvLayer, OutputSizeRequest, Shape } from '../layer';
import { convAxes } from './conv';
import { dimsText } from './dims';

/** How Python prints the sizes in the message. */
function pythonText(sizes: readonly number[], form: OutputSizeRequest['form']): string {
  if (form === 'list') return `[${sizes.join(', ')}]`;
  return sizes.length === 1 ? `(${sizes[0]},)` : `(${sizes.join(', ')})`;
}

export type RequestedPadding = { ok: true; outputPadding: number[] } | { ok: false; message: string };

/** The output_padding PyTorch picks for `request` on `input`, or its message (the sizes must be known). */
export function requestedOutputPadding(layer: ConvLayer, input: Shape, request: OutputSizeRequest): RequestedPadding {
  const r = layer.rank;
  const written = request.sizes ?? [];
  if (request.form === 'int') return { ok: false, message: "object of type 'int' has no len()" };
  const nonSpatial = input.length === r + 2 ? 2 : 1;
  const sizes = written.length === nonSpatial + r ? written.slice(nonSpatial) : written;
  if (sizes.length !== r) {
    return {
      ok: false,
      message: `ConvTranspose${r}D: for ${input.length}D input, output_size must have ${r} or ${nonSpatial + r} elements (got ${sizes.length})`,
    };
  }
  const axes = convAxes(layer);
  const ranges: { min: number | null; max: number | null }[] = [];
  for (const [a, axis] of axes.entries()) {
    const index = a + nonSpatial;
    if (index >= input.length) {
      const n = input.length;
      return {
        ok: false,
        message: `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${index})`,
      };
    }
    const size = input[index];
    const length = (outputPadding: number) =>
      size === null ? null : outputLength(true, { ...axis, input: size, outputPadding });
    ranges.push({ min: length(0), max: length(axis.stride - 1) });
  }
  const outside = sizes.some((s, a) => {
    const { min, max } = ranges[a];
    return min !== null && max !== null && (s < min || s > max);
  });
  if (outside) {
    return {
      ok: false,
      message: `requested an output size of ${pythonText(sizes, request.form)}, but valid sizes range from [${dimsText(ranges.map((x) => x.min))}] to [${dimsText(ranges.map((x) => x.max))}] (for an input of torch.Size([${dimsText(input.slice(2))}]))`,
    };
  }
  // An axis whose input size the code does not say keeps no output_padding: its output stays unknown.
  return {
    ok: true,
    outputPadding: sizes.map((s, a) => {
      const { min } = ranges[a];
      return min === null ? 0 : s - min;
    }),
  };
}
