import * as vscode from 'vscode';
import { fixEdit } from '../../hover/layerFixEdit';
import { InputShapes } from './inputShapes';
import { DIAGNOSTIC_SOURCE, placedProblems } from './layerDiagnostics';
import { PythonSources } from './pythonSources';

/** The quick fix of each ConvLens diagnostic that has one: the argument set to what makes the layer fit. */
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
      const { place, fix } = problem;
      if (!fix || place.document !== document || !place.range.intersection(range)) continue;
      const edit = fixEdit(source.text, problem.call, fix);
      const at = source.place(edit.span);
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(at.document.uri, at.range, edit.text);
      action.diagnostics = context.diagnostics.filter(
        (d) => d.source === DIAGNOSTIC_SOURCE && d.message === problem.message && d.range.isEqual(place.range),
      );
      // Each problem has one fix, the one that makes the layer take what reaches it.
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
