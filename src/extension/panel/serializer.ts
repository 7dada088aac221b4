import * as vscode from 'vscode';
import { ConvLensPanel, Recompute } from './ConvLensPanel';
import { readState } from './keptState';
import { PanelHandlers } from './panelHandlers';

/**
 * Brings ConvLens panels back after a window reload: the page kept a small spec, or where a large one came from,
 * with `setState`; VS Code hands that over here, and `recompute` turns it into a view again (or into an error to
 * show). Register during activation (the `onWebviewPanel:convlens.panel` activation event exists for this); the
 * caller disposes of the registration.
 */
export function registerConvLensPanelSerializer(
  context: vscode.ExtensionContext,
  recompute: Recompute,
  handlers: PanelHandlers = {},
): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(ConvLensPanel.viewType, {
    async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
      ConvLensPanel.revive(context.extensionUri, webviewPanel, readState(state), recompute, handlers);
    },
  });
}
