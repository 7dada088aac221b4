import type { Rank, Tensor } from '../../src/engine';
import { el } from '../dom';
import { cellLabel, MatrixName, MATRIX_TITLES } from '../../src/view/labels';
import type { RenderContext } from './context';
import { drawMatrix } from './drawMatrix';
import { denseSource } from './matrixSource';
import { skipWhileOffscreen } from './offscreen';
import { depthSlices, slicesShownAtFirst } from './depthSlices';
import type { CellKind, MatrixView, PaddingCopy, TableBorder } from './matrixView';
import { TENSOR_TABLE_BUDGET } from './size';

export type TensorName = Extract<MatrixName, 'input' | 'output' | 'reconstruction'> | InspectTensorName;

/** The tensors of the inspection sections (see media/inspect). */
export type InspectTensorName = Exclude<MatrixName, 'input' | 'output' | 'reconstruction' | 'kernel' | 'kernel_matrix'>;

/** A cell by channel, depth slice and position; `flat` (`((c*D + d)*H + y)*W + x`) only when it lies inside. */
export interface TensorPoint {
  channel: number;
  depth: number;
  y: number;
  x: number;
  flat: number | undefined;
}

/**
 * A tensor drawn one H x W plane per channel and depth slice (plane `p = c*D + d`); cells are addressed by flat
 * index, as rows/columns of M. A 1-D tensor is a strip, a 3-D one gets a depth slice picker.
 */
export interface TensorView {
  readonly element: HTMLElement;
  /** Plane `c*D + d`. */
  readonly planes: readonly MatrixView[];
  mark(flat: number, origin?: boolean): void;
  /** By plane and position, which may lie in the border (padding or cropped cells). */
  markAt(plane: number, y: number, x: number, origin?: boolean): void;
  markGapAt(plane: number, y: number, x: number): void;
  markCopiedAt(plane: number, y: number, x: number): void;
  annotateAt(plane: number, y: number, x: number, text: string): void;
  clearMarks(): void;
  refresh(): void;
  dispose(): void;
}

export interface TensorViewOptions {
  name: TensorName;
  tensor: Tensor;
  /** The op's rank: how cells are labelled, and whether it is a strip (1) or has depth slices (3). */
  rank: Rank;
  /** `x` for input-shaped tensors (rows of M), `y` for output-shaped ones (columns of M). */
  letter: 'x' | 'y';
  compare?: boolean;
  /** How screen readers and headings name it; the matrix title by default. */
  title?: string;
  /** The same border around every plane; `valueAt` and `copyAt` then also get the plane. */
  border?: Omit<TableBorder, 'valueAt' | 'copyAt'> & {
    valueAt?: (plane: number, row: number, col: number) => number;
    copyAt?: (plane: number, row: number, col: number) => PaddingCopy;
  };
  kindOf?: (channel: number, row: number, col: number, depth: number) => CellKind | undefined;
  /** A background colour by value, for a table read as a heatmap. */
  tint?: (value: number) => string | undefined;
  onPoint: (via: 'pointer' | 'keyboard', cell: TensorPoint | undefined) => void;
}

export function tensorView(options: TensorViewOptions, context: RenderContext): TensorView {
  const { tensor, name, border, kindOf, rank } = options;
  const { channels, depth, height, width } = tensor;
  const plane = height * width;
  const many = channels > 1;
  const sliced = rank === 3;
  const title = options.title ?? MATRIX_TITLES[name];
  const forceHeatmap = channels * depth * plane > TENSOR_TABLE_BUDGET;
  const element = el('div', { class: `tensor tensor-${name}` });
  const grid = el('div', { class: 'tensor-planes' });
  // Channels in a near-square grid, so many channels do not make one tall column; depth slices side by side.
  const layout = (shown: number) => {
    grid.style.gridTemplateColumns = `repeat(${sliced ? shown : Math.ceil(Math.sqrt(channels))}, auto)`;
  };
  const slices = depthSlices(depth, title, options.compare ? `${name}-compare` : name, layout);
  layout(slicesShownAtFirst(depth));
  element.append(slices.element, grid);
  const inside = (y: number, x: number) => y >= 0 && y < height && x >= 0 && x < width;
  const releases: (() => void)[] = [];
  const planes = Array.from({ length: channels * depth }, (_, p) => {
    const [c, d] = [Math.floor(p / depth), p % depth];
    const where = [many && `channel ${c}`, sliced && `depth ${d}`].filter(Boolean).join(' · ');
    const view = drawMatrix(
      {
        name,
        compare: options.compare,
        channel: many ? String(c) : undefined,
        depth: sliced ? d : undefined,
        ariaName: [title, many && `channel ${c + 1}`, sliced && `depth slice ${d}`].filter(Boolean).join(' '),
        source: denseSource(tensor.data, p * plane, height, width),
        describe: (row, col) => cellLabel(options.letter, tensor, p * plane + row * width + col, rank),
        forceHeatmap,
        strip: rank === 1,
        border: border && {
          ...border,
          valueAt: border.valueAt && ((row, col) => border.valueAt!(p, row, col)),
          copyAt: border.copyAt && ((row, col) => border.copyAt!(p, row, col)),
        },
        kindOf: kindOf && ((row, col) => kindOf(c, row, col, d)),
        tint: options.tint,
        onPoint: (via, cell) =>
          options.onPoint(
            via,
            cell && {
              channel: c,
              depth: d,
              y: cell.row,
              x: cell.col,
              flat: inside(cell.row, cell.col) ? p * plane + cell.row * width + cell.col : undefined,
            },
          ),
      },
      context,
    );
    const figure = el('figure', { class: 'channel' }, where && el('figcaption', {}, where), view.element);
    releases.push(skipWhileOffscreen(figure, view));
    slices.add(figure, d);
    grid.append(figure);
    return view;
  });
  const involved = (p: number) => sliced && slices.markInvolved(p % depth);
  return {
    element,
    planes,
    mark(flat, origin) {
      const p = Math.floor(flat / plane);
      planes[p]?.mark(Math.floor((flat % plane) / width), flat % width, origin);
      involved(p);
    },
    markAt: (p, y, x, origin) => {
      planes[p]?.mark(y, x, origin);
      involved(p);
    },
    markGapAt: (p, y, x) => planes[p]?.markGap(y, x),
    markCopiedAt: (p, y, x) => planes[p]?.markCopied(y, x),
    annotateAt: (p, y, x, text) => planes[p]?.annotate(y, x, text),
    clearMarks: () => {
      planes.forEach((view) => view.clearMarks());
      slices.clearInvolved();
    },
    refresh: () => planes.forEach((view) => view.refresh()),
    dispose: () => {
      releases.forEach((release) => release());
      planes.forEach((view) => view.dispose());
    },
  };
}
