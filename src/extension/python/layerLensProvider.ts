import * as vscode from 'vscode';
import { layerSpec } from '../../python/shapes/layerSpec';
import { sourceLabel } from '../documentRanges';
import { readSettings } from '../settings';
import { InputShapes } from './inputShapes';
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
    this.onDidChangeCodeLenses = inputs.onDidChange;
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
    for (const call of source.reading.layers) {
      const { layer } = call;
      if ('unresolved' in layer || layer.kind !== 'conv') continue;
      const place = source.place(call.span);
      if (place.document !== document) continue;
      const spec = layerSpec(layer);
      const label = `${sourceLabel(document, document.offsetAt(place.range.start))} ${call.torchName}`;
      lenses.push(
        new vscode.CodeLens(place.range, {
          title: 'Open in ConvLens',
          tooltip: "This layer's kernel matrix, output and reconstruction on a small sample input",
          command: 'convlens.open',
          arguments: [{ spec, source: label }],
        }),
      );
    }
    return lenses;
  }
}
