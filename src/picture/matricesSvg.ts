/**
 * The panel's matrices as one standalone SVG (no scripts, no external references): each a grid of cells
 * coloured by value, with the numbers written in while the matrix is small. Pure string building, so it can
 * be tested without a DOM; the page passes the theme's colours in.
 */

export interface SvgMatrix {
  title: string;
  rows: number;
  cols: number;
  valueAt(row: number, col: number): number;
  /** Visits only stored entries (a sparse M); defaults to every cell. */
  visit?(visit: (row: number, col: number, value: number) => void): void;
}

/** Matrices drawn side by side under one heading, e.g. "input ⋆ kernel = output". */
export interface SvgRow {
  heading: string;
  matrices: SvgMatrix[];
}

export interface SvgColors {
  background: string;
  foreground: string;
  muted: string;
  grid: string;
  /** The fill of a cell; light enough for `foreground` text to stay readable on it. */
  cell: (value: number, maxAbs: number) => string;
  font: string;
}

/** Numbers are written into matrices up to this many cells; larger ones are drawn as colour only. */
const MAX_TEXT_CELLS = 4096;
/** A matrix with more stored cells than this is left out (the SVG would be unwieldy), with a note saying so. */
export const MAX_SVG_CELLS = 250_000;
const GAP = 28;
const TITLE = 20;

export const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Laid {
  matrix: SvgMatrix;
  cell: number;
  width: number;
  height: number;
  text: boolean;
}

function layout(matrix: SvgMatrix, format: (v: number) => string): Laid {
  const text = matrix.rows * matrix.cols <= MAX_TEXT_CELLS;
  let cell: number;
  if (text) {
    let longest = 1;
    for (let r = 0; r < matrix.rows; r++)
      for (let c = 0; c < matrix.cols; c++) longest = Math.max(longest, format(matrix.valueAt(r, c)).length);
    cell = Math.max(26, Math.ceil(longest * 7.4 + 10));
  } else {
    // Colour only: the larger side fits in about 600 px, at least one pixel a cell.
    cell = Math.max(1, Math.min(12, Math.floor(600 / Math.max(matrix.rows, matrix.cols))));
  }
  return { matrix, cell, width: Math.max(cell * matrix.cols, 60), height: cell * matrix.rows + TITLE, text };
}

function stored(matrix: SvgMatrix): number {
  if (!matrix.visit) return matrix.rows * matrix.cols;
  let count = 0;
  matrix.visit(() => count++);
  return count;
}

function drawMatrix(laid: Laid, x: number, y: number, colors: SvgColors, format: (v: number) => string): string {
  const { matrix, cell, text } = laid;
  const parts: string[] = [`<text x="${x}" y="${y + 14}" fill="${colors.muted}">${escapeXml(matrix.title)}</text>`];
  const top = y + TITLE;
  let maxAbs = 0;
  const visit =
    matrix.visit ??
    ((f) => {
      for (let r = 0; r < matrix.rows; r++) for (let c = 0; c < matrix.cols; c++) f(r, c, matrix.valueAt(r, c));
    });
  visit((_r, _c, v) => (maxAbs = Math.max(maxAbs, Math.abs(v))));
  parts.push(
    `<rect x="${x}" y="${top}" width="${cell * matrix.cols}" height="${cell * matrix.rows}" fill="${colors.background}" stroke="${colors.grid}"/>`,
  );
  visit((r, c, v) => {
    if (v === 0 && !text) return;
    parts.push(
      `<rect x="${x + c * cell}" y="${top + r * cell}" width="${cell}" height="${cell}" fill="${colors.cell(v, maxAbs)}"${text ? ` stroke="${colors.grid}"` : ''}/>`,
    );
  });
  if (text) {
    for (let r = 0; r < matrix.rows; r++) {
      for (let c = 0; c < matrix.cols; c++) {
        const v = matrix.valueAt(r, c);
        const fill = v === 0 ? colors.muted : colors.foreground;
        parts.push(
          `<text x="${x + (c + 1) * cell - 5}" y="${top + r * cell + cell / 2 + 4.5}" text-anchor="end" fill="${fill}">${escapeXml(format(v))}</text>`,
        );
      }
    }
  }
  return parts.join('');
}

/** One SVG document with every row of matrices; rows too large to draw are named in a note instead. */
export function matricesSvg(rows: SvgRow[], colors: SvgColors, format: (v: number) => string, title: string): string {
  const body: string[] = [];
  const left: string[] = [];
  let y = GAP + 10;
  let width = 320;
  const headingY = (at: number) => at + 16;
  body.push(
    `<text x="${GAP}" y="${headingY(GAP - 18)}" fill="${colors.foreground}" font-weight="600">${escapeXml(title)}</text>`,
  );
  for (const row of rows) {
    const drawable = row.matrices.filter((m) => {
      const ok = stored(m) <= MAX_SVG_CELLS;
      if (!ok) left.push(m.title);
      return ok;
    });
    if (drawable.length === 0) continue;
    const laid = drawable.map((m) => layout(m, format));
    body.push(`<text x="${GAP}" y="${headingY(y)}" fill="${colors.foreground}">${escapeXml(row.heading)}</text>`);
    y += 26;
    let x = GAP;
    for (const item of laid) {
      body.push(drawMatrix(item, x, y, colors, format));
      x += item.width + GAP;
    }
    width = Math.max(width, x);
    y += laid.reduce((tallest, l) => Math.max(tallest, l.height), 0) + GAP;
  }
  if (left.length > 0) {
    body.push(
      `<text x="${GAP}" y="${y + 4}" fill="${colors.muted}">${escapeXml(`Left out (more than ${MAX_SVG_CELLS.toLocaleString('en-US')} cells): ${left.join(', ')}`)}</text>`,
    );
    y += 24;
  }
  const height = y;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(colors.font)}" font-size="12">`,
    `<rect width="100%" height="100%" fill="${colors.background}"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}
