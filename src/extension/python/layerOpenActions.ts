import * as vscode from 'vscode';
import { OPEN_LAYER_TITLE, openableCalls, openLayerCommand } from './openLayer';
import { PythonSources } from './pythonSources';

/**
 * "Open in ConvLens" in the lightbulb and Ctrl+. menu on a convolution's call: the lens's command, offered where the
 * cursor or selection touches the call. Unlike the lens it ignores `convlens.python.codeLens`: an action costs
 * nothing on screen until it is asked for.
 */
export class LayerOpenActions implements vscode.CodeActionProvider {
  static readonly kind = vscode.CodeActionKind.Empty.append('convlens').append('open');
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [LayerOpenActions.kind] };

  constructor(private readonly sources: PythonSources) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
    const source = await this.sources.sourceOf(document);
    if (!source) return [];
    return openableCalls(source, document)
      .filter((c) => c.range.intersection(range))
      .map(({ call, range: at }) => {
        const action = new vscode.CodeAction(`${OPEN_LAYER_TITLE}: ${call.torchName}`, LayerOpenActions.kind);
        action.command = openLayerCommand(document, call, at);
        return action;
      });
  }
}
