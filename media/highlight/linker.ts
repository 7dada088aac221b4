import type { KernelView } from '../render/kernelView';
import type { MatrixView } from '../render/matrixView';
import type { TensorView } from '../render/tensorView';
import type { KernelMatrixIndex } from './kernelMatrixIndex';

/** The cell the user is on, in the terms of `vec(out) = vec(in) @ M`. */
export type Focus =
  | { on: 'input' | 'reconstruction' | 'output' | 'kernel'; index: number }
  | { on: 'kernel_matrix'; row: number; col: number };

interface Marks {
  clearMarks(): void;
}

/**
 * Linked highlighting, all read off the kernel matrix: an output cell lights up its receptive field and its
 * column of M; an input (or reconstruction) cell its row of M and the outputs it feeds; an entry of M its
 * input, its output and the weight behind it; a weight every entry of M it fills. The pointer wins over the
 * keyboard while it is on a cell.
 */
export class Linker {
  input: TensorView[] = [];
  output: TensorView[] = [];
  reconstruction: TensorView[] = [];
  kernel: KernelView | undefined;
  kernelMatrix: MatrixView | undefined;
  private byPointer: Focus | undefined;
  private byKeyboard: Focus | undefined;
  private lit: Marks[] = [];

  constructor(private readonly index: KernelMatrixIndex) {}

  point(via: 'pointer' | 'keyboard', focus: Focus | undefined): void {
    if (via === 'pointer') this.byPointer = focus;
    else this.byKeyboard = focus;
    this.light(this.byPointer ?? this.byKeyboard);
  }

  private light(focus: Focus | undefined): void {
    for (const marks of this.lit) marks.clearMarks();
    this.lit = [...this.input, ...this.output, ...this.reconstruction, ...(this.kernel ? [this.kernel] : []), ...(this.kernelMatrix ? [this.kernelMatrix] : [])];
    if (!focus) return;
    const m = this.kernelMatrix;
    switch (focus.on) {
      case 'input':
      case 'reconstruction': {
        const row = focus.index;
        for (const view of this.input) view.mark(row, focus.on === 'input');
        for (const view of this.reconstruction) view.mark(row, focus.on === 'reconstruction');
        m?.markRow(row);
        for (const col of this.index.outputsOf(row)) {
          m?.mark(row, col);
          for (const view of this.output) view.mark(col);
        }
        break;
      }
      case 'output': {
        const col = focus.index;
        for (const view of this.output) view.mark(col, true);
        m?.markCol(col);
        for (const row of this.index.receptiveField(col)) {
          m?.mark(row, col);
          for (const view of this.input) view.mark(row);
        }
        break;
      }
      case 'kernel_matrix': {
        const { row, col } = focus;
        m?.mark(row, col, true);
        m?.markLabels(row, col);
        for (const view of this.input) view.mark(row);
        for (const view of this.output) view.mark(col);
        const k = this.index.weightAt(row, col);
        if (k !== undefined && k >= 0) this.kernel?.mark(k);
        break;
      }
      case 'kernel':
        this.kernel?.mark(focus.index, true);
        this.index.entriesOfWeight(focus.index, (row, col) => m?.mark(row, col));
        break;
    }
  }
}
