/**
 * What a panel's page keeps across a reload, decided on the host and read back from VS Code: pure, so the
 * decision and the reading are tested without VS Code.
 */
import { ConvView, MAX_KEPT_SPEC_CELLS, SourceText, ToWebviewMessage, WebviewState } from '../../protocol/messages';
import { parseKeptState } from '../../protocol/guards';

/** The numbers a view's spec holds (input, weight, bias), counted from the typed arrays rather than the JSON. */
export function specCells(view: ConvView): number {
  return view.input.data.length + view.weight.data.length + (view.bias?.length ?? 0);
}

/**
 * A spec of at most `MAX_KEPT_SPEC_CELLS` cells is kept itself, with the place of its text (so a restored panel names
 * it and goes back to it); a larger one only as the text it came from, when that text alone computes it again
 * (`origin`); otherwise nothing (a restore then says so).
 */
export function stateToKeep(view: ConvView, { place, origin }: SourceText = {}): WebviewState {
  if (view.spec && specCells(view) <= MAX_KEPT_SPEC_CELLS)
    return place ? { spec: view.spec, place } : { spec: view.spec };
  return origin ? { origin } : {};
}

/** The `show` message for `view`: the view without its spec (`PostedView`), and what the page should keep. */
export function showMessage(view: ConvView, text: SourceText = {}): Extract<ToWebviewMessage, { type: 'show' }> {
  const { spec: _kept, ...posted } = view;
  return { type: 'show', view: posted, keep: stateToKeep(view, text) };
}

/** The page's kept state as VS Code hands it over, possibly from an older version or tampered with: `{}` unless
 * valid. */
export function readState(state: unknown): WebviewState {
  return parseKeptState(state) ?? {};
}
