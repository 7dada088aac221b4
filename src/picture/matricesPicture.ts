/**
 * "Save as SVG / PNG": the picture of a view, built from the view's numbers and the theme's colours alone. The host
 * writes the SVG it builds here (the page sends no markup); the page rasterises the same SVG for a PNG.
 */
import { compute, KernelMatrixRows, planesOf, Tensor } from '../engine';
import { formatNumber } from '../format/numberText';
import type { ConvView, ImageFormat, PictureColors } from '../protocol/messages';
import { cellLabel, MATRIX_TITLES, shapeText } from '../view/labels';
import { problemOf } from '../view/problem';
import { cssRgb, mix } from './colors';
import { matricesSvg, SvgColors, SvgMatrix, SvgRow } from './matricesSvg';

/** Dense planes of a tensor (its channels, and a 3-D one's depth slices) as SVG matrices. */
function channels(title: string, t: Tensor): SvgMatrix[] {
  return planesOf(t).map(({ channel, depth, data }) => ({
    title: title + (t.channels === 1 ? '' : ` [${channel}]`) + (t.depth === 1 ? '' : ` depth ${depth}`),
    rows: t.height,
    cols: t.width,
    valueAt: (r: number, col: number) => data[r * t.width + col],
  }));
}

/** What the picture shows: the convolution, its kernel matrix and the reconstruction, as on the page. */
export function pictureRows(view: ConvView): SvgRow[] {
  const problem = problemOf(view);
  const { output, reconstruction } = compute(problem);
  const [d0, d1, kd, kh, kw] = view.weight.dims;
  // One matrix per kernel plane: [a][b], and each depth slice of a 3-D kernel.
  const kernels: SvgMatrix[] = Array.from({ length: Math.min(d0 * d1 * kd, 16) }, (_, p) => {
    const pair = Math.floor(p / kd);
    const slice = kd === 1 ? '' : ` depth ${p % kd}`;
    return {
      title: (d0 * d1 === 1 ? 'kernel' : `w[${Math.floor(pair / d1)},${pair % d1}]`) + slice,
      rows: kh,
      cols: kw,
      valueAt: (r: number, c: number) => view.weight.data[p * kh * kw + r * kw + c],
    };
  });
  // M from the geometry, like the panel's: the view carries its CSR only while small.
  const m = new KernelMatrixRows(problem);
  const kernelMatrix: SvgMatrix = {
    title: `M  (${shapeText([m.rows, m.cols])}; row ${cellLabel('x', view.input, 0, view.geometry.rank)}…, column ${cellLabel('y', output, 0, view.geometry.rank)}…)`,
    rows: m.rows,
    cols: m.cols,
    valueAt: (r, c) => m.entryAt(r, c),
    visit: (f) => m.visitRows(0, m.rows, f),
  };
  return [
    {
      heading: `${view.geometry.op}: input ${view.geometry.transposed ? '⋆ᵀ' : '⋆'} kernel = output`,
      matrices: [...channels(MATRIX_TITLES.input, view.input), ...kernels, ...channels(MATRIX_TITLES.output, output)],
    },
    { heading: 'kernel matrix: vec(out) = vec(in) @ M', matrices: [kernelMatrix] },
    {
      heading: 'transposed: vec(out) @ Mᵀ (not the inverse)',
      matrices: channels(MATRIX_TITLES.reconstruction, reconstruction),
    },
  ];
}

/** A font list as CSS writes one (names, quotes, commas); anything else, or a very long one, is plain monospace. */
const FONT_FAMILY = /^[\w ,'".-]{1,200}$/;

function svgColors(colors: PictureColors, font: string): SvgColors {
  const { background, foreground, positive, negative } = colors;
  return {
    background: cssRgb(background),
    foreground: cssRgb(foreground),
    muted: cssRgb(mix(background, foreground, 0.6)),
    grid: cssRgb(mix(background, foreground, 0.25)),
    // At most halfway to the hue, so the numbers on top stay readable in light and dark themes alike.
    cell: (v, maxAbs) =>
      cssRgb(
        v === 0 || maxAbs === 0
          ? background
          : mix(background, v > 0 ? positive : negative, 0.12 + 0.38 * Math.min(1, Math.abs(v) / maxAbs)),
      ),
    font: FONT_FAMILY.test(font.trim()) ? font.trim() : 'monospace',
  };
}

/** What `matricesPicture` draws from, as plain data (the host hands it to its worker thread). */
export interface PictureJob {
  view: ConvView;
  colors: PictureColors;
  font: string;
}

/** The standalone SVG of a view's matrices, numbers written as the panel writes them (the view's format). */
export function matricesPicture(view: ConvView, colors: PictureColors, font: string): string {
  return matricesSvg(
    pictureRows(view),
    svgColors(colors, font),
    (value) => formatNumber(value, view.format),
    `ConvLens · ${view.geometry.op} · ${view.source}`,
  );
}

/** `convlens-seed.svg` from a source like `seed.json:1:1`. */
export function pictureFileName(view: ConvView, format: ImageFormat): string {
  const base = (view.source.split(/[\\/]/).pop() ?? '')
    .split(':')[0]
    .replace(/\.[^.]*$/, '')
    .replace(/[^\w.-]+/g, '-');
  return `convlens-${base || 'matrices'}.${format}`;
}
