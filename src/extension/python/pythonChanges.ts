import * as vscode from 'vscode';
import { InputShapes } from './inputShapes';

/**
 * Fires when what ConvLens shows in PyTorch code changes without an edit: an input shape is set, or a
 * `convlens.python` setting is switched (VS Code keeps the hints and lenses it has drawn until a provider says so).
 */
export function pythonChanges(inputs: InputShapes): vscode.Event<void> {
  return (listener, thisArgs, disposables) => {
    const disposable = vscode.Disposable.from(
      inputs.onDidChange(listener, thisArgs),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('convlens.python')) listener.call(thisArgs);
      }),
    );
    disposables?.push(disposable);
    return disposable;
  };
}
