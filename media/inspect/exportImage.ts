import { KernelMatrixRows } from '../../src/engine';
import type { ConvView, ImageFormat } from '../../src/protocol';
import { cellLabel, MATRIX_TITLES, shapeText } from '../../src/view/labels';
import { problemOf } from '../../src/view/problem';
import { mix, Palette, Rgb } from '../theme';
import { post } from '../vscodeApi';
import { matricesSvg, SvgMatrix, SvgRow } from '../../src/picture/matricesSvg';

const css = (c: Rgb) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/** Dense channels of a tensor as SVG matrices. */
function channels(
  title: string,
  t: { channels: number; height: number; width: number; data: Float64Array },
): SvgMatrix[] {
  const plane = t.height * t.width;
  return Array.from({ length: t.channels }, (_, c) => ({
    title: t.channels === 1 ? title : `${title} [${c}]`,
    rows: t.height,
    cols: t.width,
    valueAt: (r: number, col: number) => t.data[c * plane + r * t.width + col],
  }));
}

/** What the picture shows: the convolution, its kernel matrix and the reconstruction, as on the page. */
export function exportRows(view: ConvView): SvgRow[] {
  const [d0, d1, kh, kw] = view.weight.dims;
  const kernels: SvgMatrix[] = Array.from({ length: Math.min(d0 * d1, 16) }, (_, p) => ({
    title: d0 * d1 === 1 ? 'kernel' : `w[${Math.floor(p / d1)},${p % d1}]`,
    rows: kh,
    cols: kw,
    valueAt: (r: number, c: number) => view.weight.data[p * kh * kw + r * kw + c],
  }));
  // M from the geometry, like the panel's: the view carries its CSR only while small.
  const m = new KernelMatrixRows(problemOf(view));
  const kernelMatrix: SvgMatrix = {
    title: `M  (${shapeText([m.rows, m.cols])}; row ${cellLabel('x', view.input, 0)}…, column ${cellLabel('y', view.output, 0)}…)`,
    rows: m.rows,
    cols: m.cols,
    valueAt: (r, c) => m.entryAt(r, c),
    visit: (f) => m.visitRows(0, m.rows, f),
  };
  return [
    {
      heading: `${view.params.op}: input ${view.params.op === 'conv2d' ? '⋆' : '⋆ᵀ'} kernel = output`,
      matrices: [
        ...channels(MATRIX_TITLES.input, view.input),
        ...kernels,
        ...channels(MATRIX_TITLES.output, view.output),
      ],
    },
    { heading: 'kernel matrix: vec(out) = vec(in) @ M', matrices: [kernelMatrix] },
    {
      heading: 'transposed: vec(out) @ Mᵀ (not the inverse)',
      matrices: channels(MATRIX_TITLES.reconstruction, view.reconstruction),
    },
  ];
}

export function exportSvg(view: ConvView, palette: Palette, format: (v: number) => string): string {
  const font = getComputedStyle(document.body).getPropertyValue('--vscode-editor-font-family').trim() || 'monospace';
  return matricesSvg(
    exportRows(view),
    {
      background: css(palette.background),
      foreground: css(palette.foreground),
      muted: css(mix(palette.background, palette.foreground, 0.6)),
      grid: css(mix(palette.background, palette.foreground, 0.25)),
      // At most halfway to the hue, so the numbers on top stay readable in light and dark themes alike.
      cell: (v, maxAbs) =>
        css(
          v === 0 || maxAbs === 0
            ? palette.background
            : mix(
                palette.background,
                v > 0 ? palette.positive : palette.negative,
                0.12 + 0.38 * Math.min(1, Math.abs(v) / maxAbs),
              ),
        ),
      font,
    },
    format,
    `ConvLens · ${view.params.op} · ${view.source}`,
  );
}

/** Rasterises an SVG at twice its size (crisp on high-density screens); base64 PNG without the data: prefix. */
export async function svgToPng(svg: string): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth * 2;
  canvas.height = image.naturalHeight * 2;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.scale(2, 2);
  context.drawImage(image, 0, 0);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

/** `convlens-seed.svg` from a source like `seed.json:1:1`. */
export function imageFileName(view: ConvView, format: ImageFormat): string {
  const base = (view.source.split(/[\\/]/).pop() ?? '')
    .split(':')[0]
    .replace(/\.[^.]*$/, '')
    .replace(/[^\w.-]+/g, '-');
  return `convlens-${base || 'matrices'}.${format}`;
}

/** Prepares the picture and hands it to the host, which asks where to save it. */
export async function saveMatrices(
  view: ConvView,
  palette: Palette,
  format: (v: number) => string,
  as: ImageFormat,
): Promise<void> {
  const svg = exportSvg(view, palette, format);
  const data = as === 'svg' ? svg : await svgToPng(svg);
  post({ type: 'saveImage', format: as, fileName: imageFileName(view, as), data });
}
