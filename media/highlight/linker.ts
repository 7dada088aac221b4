import {
  Contact,
  contactsOfBig,
  contactsOfSmall,
  ConvProblem,
  foldPosition,
  type KernelMatrixRows,
} from '../../src/engine';
import { meetsText } from '../../src/view/labels';
import type { KernelView } from '../render/kernelView';
import type { MatrixView } from '../render/matrixView';
import type { TensorView } from '../render/tensorView';
import { KernelMatrixLines } from './kernelMatrixLine';
import { windowGaps } from './windowGaps';

/**
 * The cell the user (or the step-through) is on. Tensors are either the small grid (a conv's output, a transposed
 * conv's input) or the big one (a conv's input, a transposed conv's output); a big-grid position may lie in the
 * padding, outside the tensor (then `flat` is undefined). `depth` is the slice of a 3-D tensor, 0 otherwise.
 */
export type Focus =
  | { on: 'small'; index: number; view?: TensorView }
  | { on: 'big'; channel: number; depth: number; y: number; x: number; flat?: number; view?: TensorView }
  | { on: 'kernel'; index: number }
  | { on: 'kernel_matrix'; row: number; col: number };

export type FocusSource = 'pointer' | 'keyboard' | 'step';

interface Marks {
  clearMarks(): void;
}

/** A view beyond the page's tensors, kernel and M that lights what it holds of the focus (im2col's columns). */
export interface Follower extends Marks {
  follow(focus: Focus): void;
}

/**
 * Linked highlighting: an output cell lights its window on the input (padding cells, dilation gaps, the weight
 * each cell meets), its kernel and its column of M; an input cell the outputs it feeds and its row of M; a padded
 * cell the cell it copies; an entry of M both ends and its weights; a weight every entry of M it fills. 1-D and
 * 2-D windows come from the contacts (padding included); 3-D ones, across depth slices, from M's line of the cell.
 * The pointer wins over the keyboard, both over the step-through.
 */
export class Linker {
  small: TensorView[] = [];
  big: TensorView[] = [];
  kernel: KernelView | undefined;
  kernelMatrix: MatrixView | undefined;
  followers: Follower[] = [];
  private readonly focus: Record<FocusSource, Focus | undefined> = {
    pointer: undefined,
    keyboard: undefined,
    step: undefined,
  };
  private lit: Marks[] = [];
  private readonly transposed: boolean;
  /** The contacts are planar: a 3-D window is read from M instead. */
  private readonly planar: boolean;
  private readonly lines: KernelMatrixLines;

  constructor(
    /** M read from the geometry: the weight behind an entry, the entries of a weight, at any size. */
    private readonly kernelMatrixRows: KernelMatrixRows,
    private readonly problem: ConvProblem,
    private readonly format: (value: number) => string,
  ) {
    this.transposed = problem.geometry.transposed;
    this.planar = problem.geometry.rank < 3;
    this.lines = new KernelMatrixLines(kernelMatrixRows);
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
      ...this.followers,
    ];
    if (!focus) return;
    for (const follower of this.followers) follower.follow(focus);
    switch (focus.on) {
      case 'small': {
        for (const view of this.small)
          view.mark(focus.index, view === focus.view || (!focus.view && view === this.small[0]));
        this.markRowOrColumn(focus.index, 'small');
        if (!this.planar) {
          this.smallLine(focus.index, (row, col, big) => this.markEntry(row, col, this.big, big));
          break;
        }
        const contacts = contactsOfSmall(this.problem, focus.index);
        for (const c of contacts) this.markBigEnd(c);
        for (const gap of windowGaps(contacts)) for (const view of this.big) view.markGapAt(gap.channel, gap.y, gap.x);
        break;
      }
      case 'big': {
        const plane = focus.channel * this.problem.geometry.big.depth + focus.depth;
        for (const view of this.big) view.markAt(plane, focus.y, focus.x, view === focus.view);
        const copied = this.copiedCell(plane, focus.y, focus.x);
        if (copied) for (const view of this.big) view.markCopiedAt(plane, copied.y, copied.x);
        if (focus.flat !== undefined) this.markRowOrColumn(focus.flat, 'big');
        // A cell a padding mode copies feeds outputs through its copies too: M's line has them all, already folded.
        if (focus.flat !== undefined && (!this.planar || this.problem.geometry.paddingMode !== 'zeros')) {
          this.bigLine(focus.flat, (row, col, small) => this.markEntry(row, col, this.small, small));
          break;
        }
        if (!this.planar) break;
        for (const c of contactsOfBig(this.problem, focus.channel, focus.y, focus.x)) this.markSmallEnd(c);
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

  /** The entries of a small cell's line of M (its column for a conv, its row for a transposed conv). */
  private smallLine(index: number, visit: (row: number, col: number, big: number) => void): void {
    if (this.transposed) this.lines.visit('row', index, (row, col) => visit(row, col, col));
    else this.lines.visit('col', index, (row, col) => visit(row, col, row));
  }

  private bigLine(index: number, visit: (row: number, col: number, small: number) => void): void {
    if (this.transposed) this.lines.visit('col', index, (row, col) => visit(row, col, row));
    else this.lines.visit('row', index, (row, col) => visit(row, col, col));
  }

  /** An entry of M, the cell at its other end (with the weight it meets: the entry, a sum of weights or one) and
   * the weights behind it. */
  private markEntry(row: number, col: number, views: TensorView[], flat: number): void {
    this.kernelMatrix?.mark(row, col);
    const note = meetsText(this.format(this.kernelMatrixRows.entryAt(row, col)));
    for (const view of views) {
      view.mark(flat);
      const grid = views === this.big ? this.problem.geometry.big : this.problem.geometry.small;
      const planeSize = grid.height * grid.width;
      view.annotateAt(
        Math.floor(flat / planeSize),
        Math.floor((flat % planeSize) / grid.width),
        flat % grid.width,
        note,
      );
    }
    for (const k of this.kernelMatrixRows.weightIndicesAt(row, col)) this.kernel?.mark(k);
  }

  /** The cell a padded position of the big grid's plane copies (padding_mode reflect, replicate, circular). */
  private copiedCell(plane: number, y: number, x: number): { y: number; x: number } | undefined {
    const { paddingMode, big } = this.problem.geometry;
    if (paddingMode === 'zeros' || (y >= 0 && y < big.height && x >= 0 && x < big.width)) return undefined;
    const [fy, fx] = [foldPosition(paddingMode, big.height, y), foldPosition(paddingMode, big.width, x)];
    return plane >= 0 && fy >= 0 && fx >= 0 ? { y: fy, x: fx } : undefined;
  }

  /** The entry of M a contact makes: a padded copy's is on the row of the cell it copies; zero padding has none. */
  private entryOfM(c: Contact): void {
    const { big, paddingMode } = this.problem.geometry;
    const [y, x] = [foldPosition(paddingMode, big.height, c.y), foldPosition(paddingMode, big.width, c.x)];
    if (y < 0 || x < 0) return;
    const index = (c.channel * big.height + y) * big.width + x;
    if (this.transposed) this.kernelMatrix?.mark(c.small, index);
    else this.kernelMatrix?.mark(index, c.small);
  }

  /** The big-grid end of a contact seen from its small cell: the input cell (or padding) a window reads. */
  private markBigEnd(c: Contact): void {
    const note = meetsText(this.format(this.problem.weight.data[c.weightIndex]));
    for (const view of this.big) {
      view.markAt(c.channel, c.y, c.x);
      view.annotateAt(c.channel, c.y, c.x, note);
    }
    this.kernel?.mark(c.weightIndex);
    this.entryOfM(c);
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
    this.entryOfM(c);
  }

  private smallPlane(): { size: number; width: number } {
    const shape = this.problem.geometry.small;
    return { size: shape.height * shape.width, width: shape.width };
  }
}
