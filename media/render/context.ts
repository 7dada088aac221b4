import type { Palette } from '../theme';
import type { Tooltip } from './tooltip';

/** What every drawing needs from the page: number formatting, theme colours, the shared tooltip. */
export interface RenderContext {
  format: (value: number) => string;
  palette: Palette;
  tooltip: Tooltip;
}
