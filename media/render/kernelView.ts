import type { ConvGeometry, Weight } from '../../src/engine';
import { el } from '../dom';
import { type MatrixName, weightLabel } from '../../src/view/labels';
import type { RenderContext } from './context';
import { drawMatrix } from './drawMatrix';
import { denseSource } from './matrixSource';
import { skipWhileOffscreen } from './offscreen';
import type { MatrixView } from './matrixView';
import { MAX_KERNEL_VIEWS } from './size';

/** The weight drawn one `kh x kw` kernel per (out, in) channel pair; cells are addressed by flat weight index. */
export interface KernelView {
  readonly element: HTMLElement;
  mark(weightIndex: number, origin?: boolean): void;
  clearMarks(): void;
  dispose(): void;
}

/**
 * Which channels kernel `weight[a][b]` joins. conv2d weights are `[out][in/groups]`, conv_transpose2d weights
 * `[in][out/groups]`; either way `b` counts within the group of `a`.
 */
export function kernelChannels(
  weight: Weight,
  geometry: ConvGeometry,
  a: number,
  b: number,
): { out: number; in: number } {
  const [d0, d1] = weight.dims;
  const other = Math.floor(a / (d0 / geometry.groups)) * d1 + b;
  return geometry.transposed ? { out: other, in: a } : { out: a, in: other };
}

export function kernelView(
  weight: Weight,
  geometry: ConvGeometry,
  onPoint: (via: 'pointer' | 'keyboard', weightIndex: number | undefined) => void,
  context: RenderContext,
  /** The flipped kernel of the transposed views is drawn the same way under its own name. */
  identity: { name: Extract<MatrixName, 'kernel' | 'flipped_kernel'>; title: string } = {
    name: 'kernel',
    title: 'kernel',
  },
): KernelView {
  const [d0, d1, kd, kh, kw] = weight.dims;
  // One matrix per kh x kw plane: a kernel [a][b], or one depth slice of a 3-D one.
  const pairs = d0 * d1 * kd;
  const size = kh * kw;
  const single = pairs === 1;
  const grid = el('div', { class: 'kernel-grid' });
  grid.style.gridTemplateColumns = `repeat(${Math.min(d1 * kd, 8)}, auto)`;
  const views: MatrixView[] = [];
  for (let p = 0; p < Math.min(pairs, MAX_KERNEL_VIEWS); p++) {
    const [a, b, depth] = [Math.floor(p / (d1 * kd)), Math.floor(p / kd) % d1, p % kd];
    const channels = kernelChannels(weight, geometry, a, b);
    const slice = kd === 1 ? '' : ` depth ${depth}`;
    const view = drawMatrix(
      {
        name: identity.name,
        channel: single ? undefined : `${channels.out},${channels.in}${kd === 1 ? '' : `,${depth}`}`,
        ariaName: single
          ? identity.title
          : `${identity.title} output channel ${channels.out + 1} input channel ${channels.in + 1}${slice}`,
        source: denseSource(weight.data, p * size, kh, kw),
        describe: (row, col) => weightLabel(weight.dims, p * size + row * kw + col, geometry.rank),
        onPoint: (via, cell) => onPoint(via, cell && p * size + cell.row * kw + cell.col),
      },
      context,
    );
    views.push(view);
    const figure = el(
      'figure',
      { class: 'channel' },
      !single && el('figcaption', { title: `weight[${a}][${b}]` }, `in ${channels.in} → out ${channels.out}`),
      view.element,
    );
    skipWhileOffscreen(figure, view);
    grid.append(figure);
  }
  const element = el('div', { class: 'tensor tensor-kernel' }, grid);
  if (pairs > MAX_KERNEL_VIEWS)
    element.append(el('p', { class: 'hint' }, `Showing ${MAX_KERNEL_VIEWS} of ${pairs} kernels.`));
  return {
    element,
    mark: (k, origin) => views[Math.floor(k / size)]?.mark(Math.floor((k % size) / kw), k % kw, origin),
    clearMarks: () => views.forEach((view) => view.clearMarks()),
    dispose: () => views.forEach((view) => view.dispose()),
  };
}
