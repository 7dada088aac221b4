import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('convlens.convolveSelection', () => {
      void vscode.window.showInformationMessage('ConvLens: not implemented yet');
    }),
  );
}

export function deactivate(): void {}
