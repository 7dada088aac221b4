import type { MatrixWindow } from '../../src/engine';
import type { MatrixName } from '../../src/view/labels';

/**
 * Which cell a pointer or the keyboard is on; `undefined` when it left the matrix. Cells of a table's border
 * (padding, cropped cells) come with coordinates outside `0..rows-1` / `0..cols-1`.
 */
export type PointHandler = (via: 'pointer' | 'keyboard', cell: { row: number; col: number } | undefined) => void;

/** A drawn matrix (table or heatmap) as the linked highlighting sees it. */
export interface MatrixView {
  readonly element: HTMLElement;
  readonly rows: number;
  readonly cols: number;
  /** One related cell; `origin` is the cell the user is on. Border cells too, by their outside coordinates. */
  mark(row: number, col: number, origin?: boolean): void;
  /** A cell a dilated kernel's window spans but skips. */
  markGap(row: number, col: number): void;
  /** The cell a padded cell the user is on copies (padding_mode reflect, replicate, circular). */
  markCopied(row: number, col: number): void;
  /** A short note on a cell, e.g. the weight it meets (`×w₀₁`); cleared with the marks. */
  annotate(row: number, col: number, text: string): void;
  /** A whole row or column, drawn lighter than single cells. */
  markRow(row: number): void;
  markCol(col: number): void;
  /** The labels of a row and a column (the kernel matrix's `x[..]` and `y[..]`). */
  markLabels(row: number, col: number): void;
  clearMarks(): void;
  /** Reads the values again from the source (it changed in place, e.g. the step-through's running output). */
  refresh(): void;
  /** Stops any drawing still in progress. */
  dispose(): void;
}

/** What every matrix view is told when it is made. */
export interface MatrixIdentity {
  name: MatrixName;
  /** A copy drawn for comparison (the input beside the reconstruction): `data-compare` instead of `data-matrix`. */
  compare?: boolean;
  /** `data-channel`: "c" for a channel, "out,in" for a kernel; absent when there is only one. */
  channel?: string;
  /** `data-depth`: the depth slice of a 3-D tensor or kernel this plane is. */
  depth?: number;
  /** How screen readers name it, e.g. "output channel 2". */
  ariaName: string;
}

/** The DOM contract's identifying attributes, shared by tables and heatmaps. */
export function identify(element: HTMLElement, identity: MatrixIdentity): void {
  element.setAttribute(identity.compare ? 'data-compare' : 'data-matrix', identity.name);
  if (identity.channel !== undefined) element.dataset.channel = identity.channel;
  if (identity.depth !== undefined) element.dataset.depth = String(identity.depth);
}

/** A matrix's values however they are stored; heatmaps read only through this. */
export interface MatrixSource {
  readonly rows: number;
  readonly cols: number;
  valueAt(row: number, col: number): number;
  /**
   * A heatmap's bins: bin rows [fromBinRow, toBinRow) of `window` binned by `factor` (bins of factor x factor cells,
   * `ceil(window.cols / factor)` a row, bin row 0 first) into `strongest`, each bin's strongest stored entry (see
   * `stronger`); bins holding no stored entry are left NaN.
   */
  binStrongest(
    window: MatrixWindow,
    factor: number,
    fromBinRow: number,
    toBinRow: number,
    strongest: Float64Array,
  ): void;
  /** Smallest and largest stored value (0 and 0 when nothing is stored). */
  extent(): { min: number; max: number };
}

/**
 * Cells drawn around a table: the zero padding a convolution reads (`padding`), or what a scatter wrote
 * beyond the output and the padding crops away (`cropped`). Marked `data-padding="true"`.
 */
export interface TableBorder {
  /** Extra rows and columns before the matrix, `[top, left]`, and after it, `[bottom, right]`. */
  before: readonly [number, number];
  after: readonly [number, number];
  kind: 'padding' | 'cropped';
  /** Values of border cells (by outside coordinates); zeros when absent. */
  valueAt?: (row: number, col: number) => number;
  /** The input cell a padded cell copies (padding_mode reflect, replicate, circular); none for zero padding. */
  copyAt?: (row: number, col: number) => PaddingCopy;
  /** Headers of the border's rows and columns (e.g. "before" / "after" of padding "same"); their index otherwise. */
  labels?: { row(row: number): string; col(col: number): string };
}

/** How a padding mode makes a padded cell: a mirror image, the nearest edge cell, or the far side wrapped round. */
export type CopyHow = 'reflected' | 'replicated' | 'wrapped';

/** A padded cell that copies an input cell: which one (`x[0,1]`) and how. */
export interface PaddingCopy {
  label: string;
  how: CopyHow;
}

/** What a cell stands for beyond its value, e.g. an inserted zero of the stretched grid. */
export interface CellKind {
  /** `data-kind`, and a `kind-…` class. */
  kind: string;
  /** Spoken after the value, e.g. "inserted zero". */
  description: string;
  /** Counts as padding (`data-padding="true"`). */
  padding?: boolean;
  /** Shown when the pointer rests on the cell (`title`). */
  tooltip?: string;
}
