import * as vscode from 'vscode';
import { shapeHints, stepShapes } from '../../hover/modelShapes';
import { readSettings } from '../settings';
import { InputShapes } from './inputShapes';
import { pythonChanges } from './pythonChanges';
import { PythonSources } from './pythonSources';

/**
 * After each step of a model whose input shape is known, the shape coming out: `→ 16×112×112`; one hint for a line
 * that applies several layers, naming them (`conv1 · relu · pool → 6×14×14`).
 */
export class ShapeHintsProvider implements vscode.InlayHintsProvider {
  readonly onDidChangeInlayHints: vscode.Event<void>;

  constructor(
    private readonly sources: PythonSources,
    private readonly inputs: InputShapes,
  ) {
    this.onDidChangeInlayHints = pythonChanges(inputs);
  }

  async provideInlayHints(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.InlayHint[]> {
    if (!readSettings(document.uri).python.inlayHints) return [];
    const source = await this.sources.sourceOf(document);
    if (!source) return [];
    const hints: vscode.InlayHint[] = [];
    for (const model of source.reading.models) {
      // Only the models in view: working out every model's shapes grows with the file.
      const span = source.place(model.span);
      if (span.document !== document || !range.intersection(span.range)) continue;
      const input = this.inputs.of(source.uri, model);
      if (!input) continue;
      for (const { at, label, tooltip } of shapeHints(stepShapes(model, input))) {
        const place = source.place({ start: at, end: at });
        if (place.document !== document || !range.contains(place.range.start)) continue;
        const hint = new vscode.InlayHint(place.range.start, label);
        hint.paddingLeft = true;
        hint.tooltip = tooltip;
        hints.push(hint);
      }
    }
    return hints;
  }
}
