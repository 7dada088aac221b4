/** What `nn.Upsample` / `F.interpolate` make of an input shape: each spatial size set, or scaled and rounded down. */
import { scaledLength } from '../../engine/geometry';
import type { Dim, LayerOutcome, Shape, UpsampleLayer } from '../layer';
import { dimsText, mapDim, refused, shaped } from './dims';

/** The input rank each mode needs; nearest (and area, nearest-exact) take any of 3-D to 5-D. */
const MODE_RANK: Readonly<Record<string, number>> = { linear: 3, bilinear: 4, bicubic: 4, trilinear: 5 };

/** A Python float as Python prints it (`3.0`, `1.5`). */
const pythonFloat = (x: number): string => (Number.isInteger(x) ? `${x}.0` : String(x));
/** A Python tuple as Python prints it (`(3.0,)`, `(11, 9)`). */
const pythonTuple = (items: string[]): string => `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;

export function upsampleOutputShape(layer: UpsampleLayer, input: Shape): LayerOutcome {
  const axes = input.length - 2;
  const spatial = input.slice(2);
  const spatialText = `[${dimsText(spatial)}]`;
  let sizes: Dim[];
  if (layer.size !== undefined) {
    const size = layer.size;
    if (Array.isArray(size) && size.length !== axes) {
      return refused(
        `Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of ${spatialText} and output size of ${pythonTuple(size.map(String))}. Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.`,
      );
    }
    sizes = spatial.map((_, a) => (Array.isArray(size) ? size[a] : size));
  } else if (layer.scaleFactor !== undefined) {
    const scale = layer.scaleFactor;
    if (Array.isArray(scale) && scale.length !== axes) {
      return refused(
        `Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of ${spatialText} and scale_factor of shape ${pythonTuple(scale.map(pythonFloat))}. Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.`,
      );
    }
    sizes = spatial.map((d, a) => mapDim(d, (n) => scaledLength(n, Array.isArray(scale) ? scale[a] : scale)));
  } else return refused('either size or scale_factor should be defined');

  const needs = MODE_RANK[layer.mode];
  if (needs !== undefined && input.length >= 3 && input.length <= 5 && input.length !== needs)
    return refused(`Got ${input.length}D input, but ${layer.mode} mode needs ${needs}D input`);
  if (input.length < 3 || input.length > 5) {
    return refused(
      `Input Error: Only 3D, 4D and 5D input Tensors supported (got ${input.length}D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got ${layer.mode})`,
    );
  }
  return shaped([...input.slice(0, 2), ...sizes]);
}
