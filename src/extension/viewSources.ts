import * as vscode from 'vscode';
import { ConvView } from '../protocol/messages';
import { ViewOrigin } from './convolvePieces';

/**
 * Where each shown view came from, for the panel's "Go to source": views computed from a document (restored ones
 * too, while their document still opens); views opened from a spec value have none.
 */
export class ViewSources {
  // By the view's identity: a number-format change keeps the same view object.
  private readonly origins = new WeakMap<ConvView, ViewOrigin>();

  remember(view: ConvView, origin: ViewOrigin | undefined): void {
    if (origin) this.origins.set(view, origin);
  }

  /** Shows the text `view` was computed from, selected, in the first editor column; says so when it has none. */
  async reveal(view: ConvView): Promise<vscode.TextEditor | undefined> {
    const origin = this.origins.get(view);
    if (!origin) {
      void vscode.window.showInformationMessage(
        'ConvLens: this view has no source text (it was opened from a spec value, or its file no longer opens).',
      );
      return undefined;
    }
    return vscode.window.showTextDocument(origin.uri, { selection: origin.range, viewColumn: vscode.ViewColumn.One });
  }
}
