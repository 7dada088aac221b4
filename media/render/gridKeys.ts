/** Where the arrow, Home/End and Page keys take the focus in a grid (WAI-ARIA grid pattern); undefined for other
 * keys. */
export function nextCell(
  event: KeyboardEvent,
  at: { row: number; col: number },
  rows: number,
  cols: number,
): { row: number; col: number } | undefined {
  const page = 8;
  const clamp = (row: number, col: number) => ({
    row: Math.min(rows - 1, Math.max(0, row)),
    col: Math.min(cols - 1, Math.max(0, col)),
  });
  const ctrl = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case 'ArrowUp':
      return clamp(at.row - 1, at.col);
    case 'ArrowDown':
      return clamp(at.row + 1, at.col);
    case 'ArrowLeft':
      return clamp(at.row, at.col - 1);
    case 'ArrowRight':
      return clamp(at.row, at.col + 1);
    case 'PageUp':
      return clamp(at.row - page, at.col);
    case 'PageDown':
      return clamp(at.row + page, at.col);
    case 'Home':
      return clamp(ctrl ? 0 : at.row, 0);
    case 'End':
      return clamp(ctrl ? rows - 1 : at.row, cols - 1);
    default:
      return undefined;
  }
}
