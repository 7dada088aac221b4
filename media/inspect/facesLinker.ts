import { contactsOfBig, contactsOfSmall, ConvProblem, TransposedViews } from '../../src/engine';
import { meetsText } from '../../src/view/labels';
import type { KernelView } from '../render/kernelView';
import type { TensorView } from '../render/tensorView';

/** The cell the user is on in the three transposed views. */
export type FaceFocus =
  /** A result cell (the same in all three; may be a cropped canvas cell outside the result). */
  | { on: 'result'; channel: number; y: number; x: number; view: TensorView }
  /** A cell of the grid being scattered. */
  | { on: 'source'; index: number; view: TensorView }
  /** A cell of the stretched grid (a source cell, an inserted zero or padding). */
  | { on: 'stretched'; channel: number; y: number; x: number; view: TensorView }
  | { on: 'flipped'; index: number };

/**
 * Linked highlighting across the three faces: a result cell lights itself in all three results, the source
 * cells that reach it (with their weights), and its window on the stretched grid (with the flipped weights);
 * a source cell lights its stamp on the scatter canvas (cropped cells included) and its place in the
 * stretched grid. Canvas and stretched coordinates are the geometry's, so a mismatch would show at once.
 */
export class FacesLinker {
  source: TensorView | undefined;
  results: TensorView[] = [];
  canvas: TensorView | undefined;
  stretched: TensorView | undefined;
  flipped: KernelView | undefined;
  private readonly focus: Record<'pointer' | 'keyboard', FaceFocus | undefined> = {
    pointer: undefined,
    keyboard: undefined,
  };

  constructor(
    private readonly problem: ConvProblem,
    private readonly views: TransposedViews,
    private readonly format: (value: number) => string,
  ) {}

  /** The pointer wins over the keyboard while it is on a cell, as in the page's main linking. */
  point(via: 'pointer' | 'keyboard', focus: FaceFocus | undefined): void {
    this.focus[via] = focus;
    this.light(this.focus.pointer ?? this.focus.keyboard);
  }

  private light(focus: FaceFocus | undefined): void {
    for (const view of [this.source, ...this.results, this.canvas, this.stretched, this.flipped]) view?.clearMarks();
    if (!focus) return;
    switch (focus.on) {
      case 'result':
        return this.result(focus.channel, focus.y, focus.x, focus.view);
      case 'source':
        return this.sourceCell(focus.index, focus.view);
      case 'stretched':
        return this.stretchedCell(focus.channel, focus.y, focus.x, focus.view);
      case 'flipped':
        this.flipped?.mark(focus.index, true);
        return;
    }
  }

  private get kernel() {
    const [d0, d1, , kh, kw] = this.problem.weight.dims;
    return { d0, d1, kh, kw, size: kh * kw, perGroup: d0 / this.problem.geometry.groups };
  }

  /** The flipped weight at the same place as weight k turned by 180 degrees. */
  private flippedIndex(k: number): number {
    const { size } = this.kernel;
    return Math.floor(k / size) * size + (size - 1 - (k % size));
  }

  private weightNote(k: number): string {
    return meetsText(this.format(this.problem.weight.data[k]));
  }

  private result(channel: number, y: number, x: number, origin: TensorView): void {
    const [gh, gw] = this.views.geometry;
    const insideResult = y >= 0 && y < gh.big && x >= 0 && x < gw.big;
    for (const view of this.results) if (insideResult || view === origin) view.markAt(channel, y, x, view === origin);
    this.canvas?.markAt(channel, y, x, this.canvas === origin);
    const plane = this.views.source.height * this.views.source.width;
    for (const c of contactsOfBig(this.problem, channel, y, x)) {
      const s = c.small;
      this.source?.mark(s);
      this.source?.annotateAt(
        Math.floor(s / plane),
        Math.floor((s % plane) / this.views.source.width),
        s % this.views.source.width,
        this.weightNote(c.weightIndex),
      );
      this.flipped?.mark(this.flippedIndex(c.weightIndex));
    }
    if (!insideResult) return;
    // The direct convolution's window: kernel-sized, dilated, over every source channel of the group.
    const { d1, kh, kw, perGroup } = this.kernel;
    const group = Math.floor(channel / d1);
    const c1g = channel % d1;
    for (let c0 = group * perGroup; c0 < (group + 1) * perGroup; c0++) {
      for (let ky = 0; ky < kh; ky++) {
        for (let kx = 0; kx < kw; kx++) {
          const sy = y + ky * gh.dilation;
          const sx = x + kx * gw.dilation;
          const k = ((c0 * d1 + c1g) * kh + ky) * kw + kx;
          this.stretched?.markAt(c0, sy, sx);
          this.stretched?.annotateAt(c0, sy, sx, meetsText(this.format(this.views.direct.flippedKernel.data[k])));
          this.flipped?.mark(k);
        }
      }
    }
  }

  private sourceCell(s: number, origin: TensorView): void {
    const { height, width } = this.views.source;
    const plane = height * width;
    const [c0, sy, sx] = [Math.floor(s / plane), Math.floor((s % plane) / width), s % width];
    this.source?.mark(s, this.source === origin);
    const [gh, gw] = this.views.geometry;
    this.stretched?.markAt(
      c0,
      gh.stretched.before + sy * gh.stride,
      gw.stretched.before + sx * gw.stride,
      this.stretched === origin,
    );
    for (const c of contactsOfSmall(this.problem, s)) {
      this.canvas?.markAt(c.channel, c.y, c.x);
      this.canvas?.annotateAt(c.channel, c.y, c.x, this.weightNote(c.weightIndex));
      if (c.inside) for (const view of this.results) view.markAt(c.channel, c.y, c.x);
      this.flipped?.mark(this.flippedIndex(c.weightIndex));
    }
  }

  private stretchedCell(c0: number, i: number, j: number, origin: TensorView): void {
    const [gh, gw] = this.views.geometry;
    const zy = i - gh.stretched.before;
    const zx = j - gw.stretched.before;
    const isSource =
      zy >= 0 &&
      zx >= 0 &&
      zy % gh.stride === 0 &&
      zx % gw.stride === 0 &&
      zy / gh.stride < gh.small &&
      zx / gw.stride < gw.small;
    if (isSource) return this.sourceCell((c0 * gh.small + zy / gh.stride) * gw.small + zx / gw.stride, origin);
    origin.markAt(c0, i, j, true);
    // An inserted zero or padding: the results whose window reads it (each adds 0 from here).
    const { d1, kh, kw, perGroup } = this.kernel;
    const group = Math.floor(c0 / perGroup);
    for (let c1g = 0; c1g < d1; c1g++) {
      for (let ky = 0; ky < kh; ky++) {
        for (let kx = 0; kx < kw; kx++) {
          const y = i - ky * gh.dilation;
          const x = j - kx * gw.dilation;
          if (y >= 0 && y < gh.big && x >= 0 && x < gw.big)
            for (const view of this.results) view.markAt(group * d1 + c1g, y, x);
        }
      }
    }
  }
}
