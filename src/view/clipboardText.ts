/**
 * What the panel's copy buttons put on the clipboard. The page only names one of these; the host builds the text
 * from the view it holds, so an untrusted page cannot put text of its own on the clipboard.
 */
import { numpySnippet, torchSnippet } from '../engine';
import type { ClipboardContent, ConvView } from '../protocol/messages';
import { problemOf } from './problem';
import { resultsJson } from './resultsJson';

/** How the user is told what was copied ("Copied PyTorch snippet."). */
export const CLIPBOARD_CONTENT_NAMES: Record<ClipboardContent, string> = {
  results: 'results as JSON',
  torch: 'PyTorch snippet',
  numpy: 'NumPy snippet',
};

export const isClipboardContent = (value: unknown): value is ClipboardContent =>
  typeof value === 'string' && Object.hasOwn(CLIPBOARD_CONTENT_NAMES, value);

export function clipboardText(view: ConvView, what: ClipboardContent): string {
  switch (what) {
    case 'results':
      return resultsJson(view);
    case 'torch':
      return torchSnippet(problemOf(view), { source: view.source });
    case 'numpy':
      return numpySnippet(problemOf(view), { source: view.source });
  }
}
