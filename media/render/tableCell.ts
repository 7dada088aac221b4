/**
 * What one `<td>` of a matrix table holds, worked out without the DOM (so plain Node tests can read it): the
 * table stamps these onto cloned cells, which is far cheaper than building each cell attribute by attribute.
 */

/** A cell's value, the text and spoken label made from it, and what the cell stands for. */
export interface CellContent {
  row: number;
  col: number;
  value: number;
  text: string;
  ariaLabel: string;
  /** A cell of the border drawn around the matrix (padding, or cropped by it). */
  border?: 'padding' | 'cropped';
  /** What an inside cell stands for beyond its value (`data-kind`), e.g. an inserted zero. */
  kind?: { kind: string; padding?: boolean; tooltip?: string };
  /** The input cell a padded cell copies (`x[0,1]`) and how (`reflected`, `replicated`, `wrapped`). */
  copy?: { label: string; how: string };
}

/**
 * The attributes beyond `role` and `tabindex`: `data-row`/`data-col` (outside coordinates for border cells),
 * `data-padding`, `data-cropped`, `data-kind`, `data-copies`/`data-copy` (a padded copy's source and how),
 * `class`, `data-value` (full precision, inside cells only), `title` and `aria-label`. Absent ones are left out.
 */
export function cellAttributes(cell: CellContent): [name: string, value: string][] {
  const attributes: [string, string][] = [
    ['data-row', String(cell.row)],
    ['data-col', String(cell.col)],
  ];
  if (cell.border !== undefined || cell.kind?.padding) attributes.push(['data-padding', 'true']);
  if (cell.border === 'cropped') attributes.push(['data-cropped', 'true']);
  if (cell.kind) attributes.push(['data-kind', cell.kind.kind]);
  if (cell.copy) attributes.push(['data-copies', cell.copy.label], ['data-copy', cell.copy.how]);
  const classes = [
    cell.border ? `border border-${cell.border}` : cell.kind && `kind-${cell.kind.kind}`,
    cell.copy && `copy copy-${cell.copy.how}`,
    ...valueClasses(cell.value),
  ].filter(Boolean);
  if (classes.length > 0) attributes.push(['class', classes.join(' ')]);
  if (cell.border === undefined) attributes.push(['data-value', String(cell.value)]);
  const tooltip = cell.copy ? `${cell.copy.how} copy of ${cell.copy.label}` : cell.kind?.tooltip;
  if (tooltip) attributes.push(['title', tooltip]);
  attributes.push(['aria-label', cell.ariaLabel]);
  return attributes;
}

/** The classes that follow a cell's value (a refresh toggles these): dimmed zeros, cells not computed yet. */
export function valueClasses(value: number): string[] {
  return value === 0 ? ['zero'] : Number.isNaN(value) ? ['not-yet'] : [];
}
