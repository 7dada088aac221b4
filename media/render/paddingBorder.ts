import { foldPosition, type ConvGeometry, type PaddingMode, type Tensor } from '../../src/engine';
import { cellLabel } from '../../src/view/labels';
import type { CopyHow } from './matrixView';
import type { TensorViewOptions } from './tensorView';

/** What each padding mode does to make a padded cell, in the words the page uses for it. */
export const COPY_HOW: Readonly<Record<Exclude<PaddingMode, 'zeros'>, CopyHow>> = {
  reflect: 'reflected',
  replicate: 'replicated',
  circular: 'wrapped',
};

/**
 * A conv's input with its padding drawn around each H x W plane, when it has any: zeros, or with a padding mode
 * each padded cell the value it copies, naming that cell (`x[0,1]`) so the student sees where every copy comes
 * from. With padding "same" the border's headers read "before" and "after". A 3-D input's depth padding (whole padded
 * slices) is not drawn.
 */
export function paddingBorder(geometry: ConvGeometry, input: Tensor): TensorViewOptions['border'] {
  const [, y, x] = geometry.axes;
  const before = [y.padBefore, x.padBefore] as const;
  const after = [y.padAfter, x.padAfter] as const;
  if (geometry.transposed || [...before, ...after].every((p) => p === 0)) return undefined;
  const mode = geometry.paddingMode;
  const { height, width } = input;
  // "same" splits each axis's padding itself: the border's headers say which side is which.
  const labels =
    geometry.paddingKind === 'same'
      ? {
          row: (row: number) => (row < 0 ? 'before' : 'after'),
          col: (col: number) => (col < 0 ? 'before' : 'after'),
        }
      : undefined;
  if (mode === 'zeros') return { kind: 'padding', before, after, labels };
  /** The flat index of the cell a padded cell of plane `p` copies. */
  const copied = (p: number, row: number, col: number) =>
    (p * height + foldPosition(mode, height, row)) * width + foldPosition(mode, width, col);
  return {
    kind: 'padding',
    before,
    after,
    labels,
    valueAt: (p, row, col) => input.data[copied(p, row, col)],
    copyAt: (p, row, col) => ({
      label: cellLabel('x', input, copied(p, row, col), geometry.rank),
      how: COPY_HOW[mode],
    }),
  };
}
