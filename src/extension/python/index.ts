import * as vscode from 'vscode';
import { InputShapes } from './inputShapes';
import { LayerDiagnostics } from './layerDiagnostics';
import { LayerFixesProvider } from './layerFixesProvider';
import { LayerHoverProvider } from './layerHoverProvider';
import { LayerOpenActions } from './layerOpenActions';
export { onLayerSetting } from './layerHoverProvider';
export { PythonSources } from './pythonSources';
import { LayerLensProvider, SET_INPUT_SHAPE } from './layerLensProvider';
import { PythonSources } from './pythonSources';
import { ShapeHintsProvider } from './shapeHintsProvider';

/** Python files and notebooks' Python cells. */
const PYTHON: vscode.DocumentSelector = [{ language: 'python' }];

/**
 * What ConvLens adds to PyTorch code: hovers, shape hints, diagnostics and their fixes, lenses and the code action
 * that opens a layer, and their command.
 */
export function registerPython(state: vscode.Memento, sources: PythonSources): vscode.Disposable[] {
  const inputs = new InputShapes(state);
  return [
    sources,
    inputs,
    vscode.languages.registerHoverProvider(PYTHON, new LayerHoverProvider(sources, inputs)),
    vscode.languages.registerInlayHintsProvider(PYTHON, new ShapeHintsProvider(sources, inputs)),
    vscode.languages.registerCodeActionsProvider(
      PYTHON,
      new LayerFixesProvider(sources, inputs),
      LayerFixesProvider.metadata,
    ),
    vscode.languages.registerCodeActionsProvider(PYTHON, new LayerOpenActions(sources), LayerOpenActions.metadata),
    vscode.languages.registerCodeLensProvider(PYTHON, new LayerLensProvider(sources, inputs)),
    new LayerDiagnostics(sources, inputs),
    vscode.commands.registerCommand(SET_INPUT_SHAPE, (uri?: unknown, model?: unknown) =>
      setInputShape(sources, inputs, uri, model),
    ),
  ];
}

/**
 * Asks for a model's input shape: the model named in the arguments (a lens), else the one around the cursor, else
 * the active document's first model without an input comment.
 */
async function setInputShape(
  sources: PythonSources,
  inputs: InputShapes,
  uri: unknown,
  model: unknown,
): Promise<number[] | undefined> {
  if (typeof uri === 'string' && typeof model === 'string') return inputs.ask(vscode.Uri.parse(uri), model);
  const editor = vscode.window.activeTextEditor;
  const source = editor && (await sources.sourceOf(editor.document));
  if (!editor || !source) {
    void vscode.window.showInformationMessage(
      'ConvLens: open a Python file with a PyTorch model (an nn.Module or an nn.Sequential) first.',
    );
    return undefined;
  }
  const offset = source.offsetOf(editor.document, editor.selection.active) ?? 0;
  const models = source.reading.models.filter((m) => !m.input);
  const chosen = models.find((m) => m.span.start <= offset && offset <= m.span.end) ?? models[0];
  if (!chosen) {
    void vscode.window.showInformationMessage('ConvLens: no PyTorch model here without a # convlens: input comment.');
    return undefined;
  }
  return inputs.ask(source.uri, chosen.name);
}
