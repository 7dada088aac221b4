import * as vscode from 'vscode';
import { shapeHint, stepShapes } from '../../hover/modelShapes';
import { dimText } from '../../python/shapes/dims';
import { readSettings } from '../settings';
import { InputShapes } from './inputShapes';
import { PythonSources } from './pythonSources';

/** After each step of a model whose input shape is known, the shape coming out: `→ 16×112×112`. */
export class ShapeHintsProvider implements vscode.InlayHintsProvider {
  readonly onDidChangeInlayHints: vscode.Event<void>;

  constructor(
    private readonly sources: PythonSources,
    private readonly inputs: InputShapes,
  ) {
    this.onDidChangeInlayHints = inputs.onDidChange;
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
      for (const { step, outcome } of stepShapes(model, input)) {
        if (!outcome.ok) break;
        const place = source.place({ start: step.hintAt, end: step.hintAt });
        if (place.document !== document || !range.contains(place.range.start)) continue;
        const hint = new vscode.InlayHint(place.range.start, shapeHint(outcome.shape));
        hint.paddingLeft = true;
        hint.tooltip = `Shape after ${step.attribute ?? step.call.torchName}, batch first: ${outcome.shape.map(dimText).join('×')}`;
        hints.push(hint);
      }
    }
    return hints;
  }
}
