import * as vscode from 'vscode';
import { readSettings } from '../settings';
import { InputShapes } from './inputShapes';
import { openableCalls, openLayerCommand } from './openLayer';
import { pythonChanges } from './pythonChanges';
import { PythonSources } from './pythonSources';

export const SET_INPUT_SHAPE = 'convlens.python.setInputShape';

/**
 * **Open in ConvLens** above each convolution (its exact geometry on a small sample input, through `convlens.open`),
 * and **Set input shape** above each model whose input shape no comment gives.
 */
export class LayerLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(
    private readonly sources: PythonSources,
    private readonly inputs: InputShapes,
  ) {
    this.onDidChangeCodeLenses = pythonChanges(inputs);
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!readSettings(document.uri).python.codeLens) return [];
    const source = await this.sources.sourceOf(document);
    if (!source) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const model of source.reading.models) {
      if (model.input) continue;
      const place = source.place(model.span);
      if (place.document !== document) continue;
      const remembered = this.inputs.remembered(source.uri, model.name);
      lenses.push(
        new vscode.CodeLens(place.range, {
          title: remembered ? `ConvLens: input ${remembered.join('×')} (change)` : 'ConvLens: Set input shape',
          command: SET_INPUT_SHAPE,
          arguments: [source.uri.toString(), model.name],
        }),
      );
    }
    for (const { call, range } of openableCalls(source, document))
      lenses.push(new vscode.CodeLens(range, openLayerCommand(document, call, range)));
    return lenses;
  }
}
