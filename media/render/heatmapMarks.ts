import type { Palette } from '../theme';

interface Mark {
  kind: 'cell' | 'row' | 'col';
  row: number;
  col: number;
  origin: boolean;
}

/** Linked highlights on a heatmap: drawn on a transparent canvas stretched over it, redrawn once per frame. */
export class HeatmapMarks {
  private readonly marks: Mark[] = [];
  private pending = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly overlay: HTMLCanvasElement,
    private readonly rows: number,
    private readonly cols: number,
    private readonly palette: Palette,
  ) {}

  add(kind: Mark['kind'], row: number, col: number, origin = false): void {
    this.marks.push({ kind, row, col, origin });
    this.schedule();
  }

  clear(): void {
    if (this.marks.length === 0) return;
    this.marks.length = 0;
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
    if (!context || this.marks.length === 0) return;
    context.scale(ratio, ratio);
    const cellW = width / this.cols;
    const cellH = height / this.rows;
    // Bands in the focus colour, faint: visible on light, dark and high-contrast backgrounds alike.
    context.fillStyle = this.palette.mark;
    context.globalAlpha = 0.3;
    for (const m of this.marks) {
      if (m.kind === 'row') context.fillRect(0, m.row * cellH, width, Math.max(cellH, 1));
      if (m.kind === 'col') context.fillRect(m.col * cellW, 0, Math.max(cellW, 1), height);
    }
    context.globalAlpha = 1;
    context.strokeStyle = this.palette.mark;
    for (const m of this.marks) {
      if (m.kind !== 'cell') continue;
      // Cells smaller than a few pixels still get a visible box around their centre.
      const w = Math.max(cellW, 5);
      const h = Math.max(cellH, 5);
      context.lineWidth = m.origin ? 2 : 1;
      context.strokeRect((m.col + 0.5) * cellW - w / 2, (m.row + 0.5) * cellH - h / 2, w, h);
    }
  }
}
