import type { Tensor } from '../../src/engine';
import { el } from '../dom';
import { cellLabel, MatrixName, MATRIX_TITLES } from '../../src/view/labels';
import type { RenderContext } from './context';
import { drawMatrix } from './drawMatrix';
import { denseSource } from './matrixSource';
import { skipWhileOffscreen } from './offscreen';
import type { CellKind, MatrixView, TableBorder } from './matrixView';
import { TENSOR_TABLE_BUDGET } from './size';

export type TensorName = Extract<MatrixName, 'input' | 'output' | 'reconstruction'> | InspectTensorName;

/** The tensors of the inspection sections (see media/inspect). */
export type InspectTensorName = Exclude<MatrixName, 'input' | 'output' | 'reconstruction' | 'kernel' | 'kernel_matrix'>;

/** A cell of a tensor by channel and position; `flat` (`c*H*W + y*W + x`) only when it lies inside. */
export interface TensorPoint {
  channel: number;
  y: number;
  x: number;
  flat: number | undefined;
}

/** A tensor drawn channel by channel; cells are addressed by flat index `c*H*W + i*W + j`, as rows/columns of M. */
export interface TensorView {
  readonly element: HTMLElement;
  readonly channels: readonly MatrixView[];
  mark(flat: number, origin?: boolean): void;
  /** By position, which may lie in the border (padding or cropped cells). */
  markAt(channel: number, y: number, x: number, origin?: boolean): void;
  markGapAt(channel: number, y: number, x: number): void;
  annotateAt(channel: number, y: number, x: number, text: string): void;
  clearMarks(): void;
  refresh(): void;
  dispose(): void;
}

export interface TensorViewOptions {
  name: TensorName;
  tensor: Tensor;
  /** `x` for input-shaped tensors (rows of M), `y` for output-shaped ones (columns of M). */
  letter: 'x' | 'y';
  compare?: boolean;
  /** How screen readers and headings name it; the matrix title by default. */
  title?: string;
  /** The same border around every channel; `valueAt` then also gets the channel. */
  border?: Omit<TableBorder, 'valueAt'> & { valueAt?: (channel: number, row: number, col: number) => number };
  kindOf?: (channel: number, row: number, col: number) => CellKind | undefined;
  onPoint: (via: 'pointer' | 'keyboard', cell: TensorPoint | undefined) => void;
}

export function tensorView(options: TensorViewOptions, context: RenderContext): TensorView {
  const { tensor, name, border, kindOf } = options;
  const plane = tensor.height * tensor.width;
  const many = tensor.channels > 1;
  const title = options.title ?? MATRIX_TITLES[name];
  const forceHeatmap = tensor.channels * plane > TENSOR_TABLE_BUDGET;
  const element = el('div', { class: `tensor tensor-${name}` });
  // Channels side by side in a near-square grid, so many channels do not make one tall column.
  element.style.gridTemplateColumns = `repeat(${Math.ceil(Math.sqrt(tensor.channels))}, auto)`;
  const inside = (y: number, x: number) => y >= 0 && y < tensor.height && x >= 0 && x < tensor.width;
  const channels = Array.from({ length: tensor.channels }, (_, c) => {
    const view = drawMatrix(
      {
        name,
        compare: options.compare,
        channel: many ? String(c) : undefined,
        ariaName: many ? `${title} channel ${c + 1}` : title,
        source: denseSource(tensor.data, c * plane, tensor.height, tensor.width),
        describe: (row, col) => cellLabel(options.letter, tensor, c * plane + row * tensor.width + col),
        forceHeatmap,
        border: border && { ...border, valueAt: border.valueAt && ((row, col) => border.valueAt!(c, row, col)) },
        kindOf: kindOf && ((row, col) => kindOf(c, row, col)),
        onPoint: (via, cell) =>
          options.onPoint(
            via,
            cell && {
              channel: c,
              y: cell.row,
              x: cell.col,
              flat: inside(cell.row, cell.col) ? c * plane + cell.row * tensor.width + cell.col : undefined,
            },
          ),
      },
      context,
    );
    const figure = el('figure', { class: 'channel' }, many && el('figcaption', {}, `channel ${c}`), view.element);
    skipWhileOffscreen(figure, view);
    element.append(figure);
    return view;
  });
  return {
    element,
    channels,
    mark(flat, origin) {
      const c = Math.floor(flat / plane);
      channels[c]?.mark(Math.floor((flat % plane) / tensor.width), flat % tensor.width, origin);
    },
    markAt: (c, y, x, origin) => channels[c]?.mark(y, x, origin),
    markGapAt: (c, y, x) => channels[c]?.markGap(y, x),
    annotateAt: (c, y, x, text) => channels[c]?.annotate(y, x, text),
    clearMarks: () => channels.forEach((view) => view.clearMarks()),
    refresh: () => channels.forEach((view) => view.refresh()),
    dispose: () => channels.forEach((view) => view.dispose()),
  };
}
