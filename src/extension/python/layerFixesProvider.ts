import * as vscode from 'vscode';
import { fixEdits } from '../../hover/layerFixEdit';
import { InputShapes } from './inputShapes';
import { DIAGNOSTIC_SOURCE, placedProblems } from './layerDiagnostics';
import { PythonSources } from './pythonSources';

/** The quick fixes of each ConvLens diagnostic that has any: the arguments set to what makes the layer fit. */
export class LayerFixesProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(
    private readonly sources: PythonSources,
    private readonly inputs: InputShapes,
  ) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const source = await this.sources.sourceOf(document);
    if (!source) return [];
    const actions: vscode.CodeAction[] = [];
    for (const problem of placedProblems(source, this.inputs)) {
      const { place, fixes } = problem;
      if (place.document !== document || !place.range.intersection(range)) continue;
      for (const [i, fix] of fixes.entries()) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of fixEdits(source.text, problem.call, fix)) {
          const at = source.place(edit.span);
          action.edit.replace(at.document.uri, at.range, edit.text);
        }
        action.diagnostics = context.diagnostics.filter(
          (d) => d.source === DIAGNOSTIC_SOURCE && d.message === problem.message && d.range.isEqual(place.range),
        );
        // The fixes come smallest change first.
        action.isPreferred = i === 0;
        actions.push(action);
      }
    }
    return actions;
  }
}
