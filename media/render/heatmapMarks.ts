import type { Palette } from '../theme';
import { contains, type Cell, type ZoomWindow } from './zoomWindow';

/**
 * Linked highlights on a heatmap: drawn on a transparent canvas stretched over it, redrawn once per frame,
 * only where they fall inside the zoom window. A weight shared by a quarter of a million entries of M marks
 * them all, so cells are kept as flat numbers and drawn as one path, one box per screen pixel.
 */
export class HeatmapMarks {
  /** Marked cells as (row, col) pairs. */
  private readonly cells: number[] = [];
  private readonly rows: number[] = [];
  private readonly cols: number[] = [];
  private origin: Cell | undefined;
  private pending = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly overlay: HTMLCanvasElement,
    private window: ZoomWindow,
    private readonly palette: Palette,
  ) {}

  add(kind: 'cell' | 'row' | 'col', row: number, col: number, origin = false): void {
    if (kind === 'row') this.rows.push(row);
    else if (kind === 'col') this.cols.push(col);
    else if (origin) this.origin = { row, col };
    else this.cells.push(row, col);
    this.schedule();
  }

  clear(): void {
    if (this.cells.length + this.rows.length + this.cols.length === 0 && !this.origin) return;
    this.cells.length = this.rows.length = this.cols.length = 0;
    this.origin = undefined;
    this.schedule();
  }

  /** The heatmap now shows `window`: the marks move with it. */
  show(window: ZoomWindow): void {
    this.window = window;
    this.schedule();
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => this.draw());
  }

  private draw(): void {
    this.pending = false;
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    const ratio = window.devicePixelRatio || 1;
    // CSS stretches the overlay over the canvas; its pixels match the screen's for crisp outlines.
    this.overlay.width = Math.round(width * ratio);
    this.overlay.height = Math.round(height * ratio);
    const context = this.overlay.getContext('2d');
    if (!context) return;
    context.scale(ratio, ratio);
    const w = this.window;
    const cellW = width / w.cols;
    const cellH = height / w.rows;
    // Bands in the focus colour, faint: visible on light, dark and high-contrast backgrounds alike.
    context.fillStyle = this.palette.mark;
    context.globalAlpha = 0.3;
    for (const row of this.rows)
      if (row >= w.row && row < w.row + w.rows) context.fillRect(0, (row - w.row) * cellH, width, Math.max(cellH, 1));
    for (const col of this.cols)
      if (col >= w.col && col < w.col + w.cols) context.fillRect((col - w.col) * cellW, 0, Math.max(cellW, 1), height);
    context.globalAlpha = 1;
    context.strokeStyle = this.palette.mark;
    // Cells smaller than a few pixels still get a visible box around their centre.
    const boxW = Math.max(cellW, 5);
    const boxH = Math.max(cellH, 5);
    const box = (cell: Cell) =>
      [(cell.col - w.col + 0.5) * cellW - boxW / 2, (cell.row - w.row + 0.5) * cellH - boxH / 2, boxW, boxH] as const;
    const pixels = Math.ceil(width) + 1;
    const drawn = new Set<number>();
    context.lineWidth = 1;
    context.beginPath();
    for (let p = 0; p < this.cells.length; p += 2) {
      const cell = { row: this.cells[p], col: this.cells[p + 1] };
      if (!contains(w, cell)) continue;
      const [x, y] = box(cell);
      const pixel = Math.floor(y + boxH / 2) * pixels + Math.floor(x + boxW / 2);
      if (drawn.has(pixel)) continue;
      drawn.add(pixel);
      context.rect(...box(cell));
    }
    context.stroke();
    if (this.origin && contains(w, this.origin)) {
      context.lineWidth = 2;
      context.strokeRect(...box(this.origin));
    }
  }
}
