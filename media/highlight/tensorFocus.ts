import type { TensorPoint, TensorView } from '../render/tensorView';
import type { Focus } from './linker';

/**
 * A tensor cell as the linker's focus: by flat index on the small grid, by position (padding included) on
 * the big one. `view()` names the tensor the user is on, so that one draws the origin outline.
 */
export function tensorFocus(
  grid: 'small' | 'big',
  cell: TensorPoint | undefined,
  view: () => TensorView | undefined,
): Focus | undefined {
  if (!cell) return undefined;
  if (grid === 'big') return { on: 'big', ...cell, view: view() };
  return cell.flat === undefined ? undefined : { on: 'small', index: cell.flat, view: view() };
}
