import type { PictureJob } from '../../picture/matricesPicture';
import type { ClipboardContent, ConvView } from '../../protocol/messages';

/** What the panel does for the user's clicks; the command code passes these in, so the panel imports none of it. */
export interface PanelHandlers {
  /** "Go to source": reveal the text `view` was computed from. */
  revealSource?: (view: ConvView) => void;
  /** Where ignored messages and failures are reported; defaults to the extension host's console. */
  log?: (message: string) => void;
  /** Draws a view's SVG off the extension host's thread; without it, `saveImage` draws in-process. */
  picture?: (job: PictureJob) => Promise<string | 'cancelled'>;
  /** Writes a copy button's text off the extension host's thread; without it, the panel writes it in-process. */
  clipboard?: (job: { view: ConvView; what: ClipboardContent }) => Promise<string | 'cancelled'>;
  /** A layer's sample `view` on an input of `sizes` (one per axis): the new view, or why not. */
  resizeSample?: (view: ConvView, sizes: number[]) => Promise<ConvView | string>;
}
