import * as vscode from 'vscode';
import type { ConvLayer, LayerCall } from '../../python/layer';
import { layerSpec } from '../../python/shapes/layerSpec';
import { sourceLabel } from '../documentRanges';
import type { PythonSource } from './pythonSources';

export const OPEN_LAYER_TITLE = 'Open in ConvLens';

/** A call whose layer ConvLens can open: a convolution with every argument known. */
export type OpenableCall = LayerCall & { layer: ConvLayer };

/** The calls of `source` that can be opened and sit in `document` (a notebook cell's, for a notebook), with where. */
export function openableCalls(
  source: PythonSource,
  document: vscode.TextDocument,
): { call: OpenableCall; range: vscode.Range }[] {
  const found: { call: OpenableCall; range: vscode.Range }[] = [];
  for (const call of source.reading.layers) {
    const { layer } = call;
    if ('unresolved' in layer || layer.kind !== 'conv') continue;
    const place = source.place(call.span);
    if (place.document === document) found.push({ call: call as OpenableCall, range: place.range });
  }
  return found;
}

/**
 * "Open in ConvLens": `convlens.open` on the layer's exact geometry on a small sample input, labelled with where the
 * call is. The lens and the code action run this same command.
 */
export function openLayerCommand(document: vscode.TextDocument, call: OpenableCall, at: vscode.Range): vscode.Command {
  const label = `${sourceLabel(document, document.offsetAt(at.start))} ${call.torchName}`;
  return {
    title: OPEN_LAYER_TITLE,
    tooltip: "This layer's kernel matrix, output and reconstruction on a small sample input",
    command: 'convlens.open',
    arguments: [{ spec: layerSpec(call.layer), source: label }],
  };
}
