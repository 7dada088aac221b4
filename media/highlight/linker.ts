import {
  bigIndex,
  Contact,
  contactsOfBig,
  contactsOfSmall,
  ConvProblem,
  type KernelMatrixRows,
} from '../../src/engine';
import { meetsText } from '../../src/view/labels';
import type { KernelView } from '../render/kernelView';
import type { MatrixView } from '../render/matrixView';
import type { TensorView } from '../render/tensorView';
import { windowGaps } from './windowGaps';

/**
 * The cell the user (or the step-through) is on. Tensors are either the small grid (conv2d's output,
 * conv_transpose2d's input) or the big one (conv2d's input, conv_transpose2d's output); a big-grid position
 * may lie in the padding, outside the tensor.
 */
export type Focus =
  | { on: 'small'; index: number; view?: TensorView }
  | { on: 'big'; channel: number; y: number; x: number; view?: TensorView }
  | { on: 'kernel'; index: number }
  | { on: 'kernel_matrix'; row: number; col: number };

export type FocusSource = 'pointer' | 'keyboard' | 'step';

interface Marks {
  clearMarks(): void;
}

/**
 * Linked highlighting, all from the contacts of the convolution (`forEachTap`'s, padding included): an output
 * cell lights its window on the input (padding cells, dilation gaps, the weight each cell meets), its kernel
 * and its column of M; an input cell the outputs it feeds and its row of M; an entry of M both ends and its
 * weight; a weight every entry of M it fills. The pointer wins over the keyboard, both over the step-through.
 */
export class Linker {
  small: TensorView[] = [];
  big: TensorView[] = [];
  kernel: KernelView | undefined;
  kernelMatrix: MatrixView | undefined;
  private readonly focus: Record<FocusSource, Focus | undefined> = {
    pointer: undefined,
    keyboard: undefined,
    step: undefined,
  };
  private lit: Marks[] = [];
  private readonly transposed: boolean;

  constructor(
    /** M read from the geometry: the weight behind an entry, the entries of a weight, at any size. */
    private readonly kernelMatrixRows: KernelMatrixRows,
    private readonly problem: ConvProblem,
    private readonly format: (value: number) => string,
  ) {
    this.transposed = problem.geometry.transposed;
  }

  point(via: FocusSource, focus: Focus | undefined): void {
    this.focus[via] = focus;
    this.light(this.focus.pointer ?? this.focus.keyboard ?? this.focus.step);
  }

  private light(focus: Focus | undefined): void {
    for (const marks of this.lit) marks.clearMarks();
    this.lit = [
      ...this.small,
      ...this.big,
      ...(this.kernel ? [this.kernel] : []),
      ...(this.kernelMatrix ? [this.kernelMatrix] : []),
    ];
    if (!focus) return;
    switch (focus.on) {
      case 'small': {
        for (const view of this.small)
          view.mark(focus.index, view === focus.view || (!focus.view && view === this.small[0]));
        const contacts = contactsOfSmall(this.problem, focus.index);
        this.markRowOrColumn(focus.index, 'small');
        for (const c of contacts) this.markBigEnd(c);
        for (const gap of windowGaps(contacts)) for (const view of this.big) view.markGapAt(gap.channel, gap.y, gap.x);
        break;
      }
      case 'big': {
        for (const view of this.big) view.markAt(focus.channel, focus.y, focus.x, view === focus.view);
        const contacts = contactsOfBig(this.problem, focus.channel, focus.y, focus.x);
        if (contacts[0]?.inside) this.markRowOrColumn(bigIndex(this.problem, contacts[0]), 'big');
        for (const c of contacts) this.markSmallEnd(c);
        break;
      }
      case 'kernel_matrix': {
        const { row, col } = focus;
        const m = this.kernelMatrix;
        m?.mark(row, col, true);
        m?.markLabels(row, col);
        const [small, big] = this.transposed ? [row, col] : [col, row];
        for (const view of this.small) view.mark(small);
        for (const view of this.big) view.mark(big);
        // With a padding mode that copies cells an entry can sum several weights: each is marked.
        for (const k of this.kernelMatrixRows.weightIndicesAt(row, col)) this.kernel?.mark(k);
        break;
      }
      case 'kernel':
        this.kernel?.mark(focus.index, true);
        this.kernelMatrixRows.entriesOfWeight(focus.index, (row, col) => this.kernelMatrix?.mark(row, col));
        break;
    }
  }

  /** A small cell's column of M (conv2d) or row of M (conv_transpose2d); a big cell's the other way round. */
  private markRowOrColumn(index: number, grid: 'small' | 'big'): void {
    const column = (grid === 'small') !== this.transposed;
    if (column) this.kernelMatrix?.markCol(index);
    else this.kernelMatrix?.markRow(index);
  }

  private entryOfM(c: Contact): void {
    const big = bigIndex(this.problem, c);
    if (this.transposed) this.kernelMatrix?.mark(c.small, big);
    else this.kernelMatrix?.mark(big, c.small);
  }

  /** The big-grid end of a contact seen from its small cell: the input cell (or padding) a window reads. */
  private markBigEnd(c: Contact): void {
    const note = meetsText(this.format(this.problem.weight.data[c.weightIndex]));
    for (const view of this.big) {
      view.markAt(c.channel, c.y, c.x);
      view.annotateAt(c.channel, c.y, c.x, note);
    }
    this.kernel?.mark(c.weightIndex);
    if (c.inside) this.entryOfM(c);
  }

  /** The small-grid end seen from a big cell: the outputs an input cell feeds, the inputs an output gathers. */
  private markSmallEnd(c: Contact): void {
    const note = meetsText(this.format(this.problem.weight.data[c.weightIndex]));
    for (const view of this.small) {
      view.mark(c.small);
      const plane = this.smallPlane();
      view.annotateAt(
        Math.floor(c.small / plane.size),
        Math.floor((c.small % plane.size) / plane.width),
        c.small % plane.width,
        note,
      );
    }
    this.kernel?.mark(c.weightIndex);
    if (c.inside) this.entryOfM(c);
  }

  private smallPlane(): { size: number; width: number } {
    const shape = this.problem.geometry.small;
    return { size: shape.height * shape.width, width: shape.width };
  }
}
