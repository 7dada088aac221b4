import type { ConvGeometry, Weight } from '../../src/engine';
import { el } from '../dom';
import { type MatrixName, weightLabel } from '../../src/view/labels';
import type { RenderContext } from './context';
import { drawMatrix } from './drawMatrix';
import { depthSlices, slicesShownAtFirst } from './depthSlices';
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
  /** The flipped kernel of the transposed views and the weight's gradient are drawn the same way under their names. */
  identity: { name: Extract<MatrixName, 'kernel' | 'flipped_kernel' | 'grad_weight'>; title: string } = {
    name: 'kernel',
    title: 'kernel',
  },
): KernelView {
  const [d0, d1, kd, kh, kw] = weight.dims;
  // One matrix per kh x kw plane: a kernel [a][b], or one depth slice of a 3-D one.
  const planes = d0 * d1 * kd;
  const size = kh * kw;
  const single = d0 * d1 === 1;
  const grid = el('div', { class: 'kernel-grid' });
  const layout = (shown: number) => {
    grid.style.gridTemplateColumns = `repeat(${Math.min(d1 * shown, 8)}, auto)`;
  };
  const slices = depthSlices(kd, identity.title, identity.name, layout);
  layout(slicesShownAtFirst(kd));
  const views: MatrixView[] = [];
  const releases: (() => void)[] = [];
  for (let p = 0; p < Math.min(planes, MAX_KERNEL_VIEWS); p++) {
    const [a, b, depth] = [Math.floor(p / (d1 * kd)), Math.floor(p / kd) % d1, p % kd];
    const channels = kernelChannels(weight, geometry, a, b);
    const pair = `output channel ${channels.out + 1} input channel ${channels.in + 1}`;
    const slice = geometry.rank === 3 ? `depth slice ${depth}` : '';
    const view = drawMatrix(
      {
        name: identity.name,
        channel: single ? undefined : `${channels.out},${channels.in}`,
        depth: geometry.rank === 3 ? depth : undefined,
        ariaName: [identity.title, !single && pair, slice].filter(Boolean).join(' '),
        source: denseSource(weight.data, p * size, kh, kw),
        describe: (row, col) => weightLabel(weight.dims, p * size + row * kw + col, geometry.rank),
        strip: geometry.rank === 1,
        onPoint: (via, cell) => onPoint(via, cell && p * size + cell.row * kw + cell.col),
      },
      context,
    );
    views.push(view);
    const caption = [!single && `in ${channels.in} → out ${channels.out}`, kd > 1 && `depth ${depth}`].filter(Boolean);
    const figure = el(
      'figure',
      { class: 'channel' },
      caption.length > 0 && el('figcaption', { title: `weight[${a}][${b}]` }, caption.join(' · ')),
      view.element,
    );
    releases.push(skipWhileOffscreen(figure, view));
    slices.add(figure, depth);
    grid.append(figure);
  }
  const element = el('div', { class: 'tensor tensor-kernel' }, slices.element, grid);
  if (planes > MAX_KERNEL_VIEWS)
    element.append(el('p', { class: 'hint' }, `Showing ${MAX_KERNEL_VIEWS} of ${planes} kernels.`));
  return {
    element,
    mark(k, origin) {
      const p = Math.floor(k / size);
      views[p]?.mark(Math.floor((k % size) / kw), k % kw, origin);
      slices.markInvolved(p % kd);
    },
    clearMarks: () => {
      views.forEach((view) => view.clearMarks());
      slices.clearInvolved();
    },
    dispose: () => {
      releases.forEach((release) => release());
      views.forEach((view) => view.dispose());
    },
  };
}
