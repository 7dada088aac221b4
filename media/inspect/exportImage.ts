import { matricesPicture } from '../../src/picture/matricesPicture';
import type { ConvView, ImageFormat, PictureColors } from '../../src/protocol/messages';
import { Palette } from '../theme';
import { post } from '../vscodeApi';

const pictureColors = ({ background, foreground, positive, negative }: Palette): PictureColors => ({
  background,
  foreground,
  positive,
  negative,
});

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

/**
 * Asks the host to save the matrices: an SVG it builds itself from its view and these colours, or the PNG drawn
 * here from that same SVG (the host has no canvas).
 */
export async function saveMatrices(view: ConvView, palette: Palette, as: ImageFormat): Promise<void> {
  const colors = pictureColors(palette);
  if (as === 'svg') {
    post({ type: 'saveSvg', colors });
    return;
  }
  const font = getComputedStyle(document.body).getPropertyValue('--vscode-editor-font-family');
  post({ type: 'savePng', png: await svgToPng(matricesPicture(view, colors, font)) });
}
