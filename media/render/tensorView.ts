import type { Tensor3 } from '../../src/engine';
import { el } from '../dom';
import { cellLabel, MATRIX_TITLES } from '../labels';
import type { RenderContext } from './context';
import { drawMatrix } from './drawMatrix';
import { denseSource } from './matrixSource';
import type { MatrixView } from './matrixView';
import { TENSOR_TABLE_BUDGET } from './size';

export type TensorName = 'input' | 'output' | 'reconstruction';

/** A tensor drawn channel by channel; cells are addressed by flat index `c*H*W + i*W + j`, as rows/columns of M. */
export interface TensorView {
  readonly element: HTMLElement;
  readonly channels: readonly MatrixView[];
  mark(flat: number, origin?: boolean): void;
  clearMarks(): void;
  dispose(): void;
}

export interface TensorViewOptions {
  name: TensorName;
  tensor: Tensor3;
  /** `x` for input-shaped tensors (rows of M), `y` for output-shaped ones (columns of M). */
  letter: 'x' | 'y';
  compare?: boolean;
  onPoint: (via: 'pointer' | 'keyboard', flat: number | undefined) => void;
}

export function tensorView(options: TensorViewOptions, context: RenderContext): TensorView {
  const { tensor, name } = options;
  const plane = tensor.height * tensor.width;
  const many = tensor.channels > 1;
  const forceHeatmap = tensor.channels * plane > TENSOR_TABLE_BUDGET;
  const element = el('div', { class: `tensor tensor-${name}` });
  // Channels side by side in a near-square grid, so many channels do not make one tall column.
  element.style.gridTemplateColumns = `repeat(${Math.ceil(Math.sqrt(tensor.channels))}, auto)`;
  const channels = Array.from({ length: tensor.channels }, (_, c) => {
    const view = drawMatrix(
      {
        name,
        compare: options.compare,
        channel: many ? String(c) : undefined,
        ariaName: many ? `${MATRIX_TITLES[name]} channel ${c + 1}` : MATRIX_TITLES[name],
        source: denseSource(tensor.data, c * plane, tensor.height, tensor.width),
        describe: (row, col) => cellLabel(options.letter, tensor, c * plane + row * tensor.width + col),
        forceHeatmap,
        onPoint: (via, cell) => options.onPoint(via, cell && c * plane + cell.row * tensor.width + cell.col),
      },
      context,
    );
    element.append(el('figure', { class: 'channel' }, many && el('figcaption', {}, `channel ${c}`), view.element));
    return view;
  });
  return {
    element,
    channels,
    mark(flat, origin) {
      const c = Math.floor(flat / plane);
      channels[c]?.mark(Math.floor((flat % plane) / tensor.width), flat % tensor.width, origin);
    },
    clearMarks: () => channels.forEach((view) => view.clearMarks()),
    dispose: () => channels.forEach((view) => view.dispose()),
  };
}
