import * as vscode from 'vscode';
import { WebviewState } from '../../protocol';
import { ConvLensPanel, PanelHandlers, Recompute } from './ConvLensPanel';

/** The page's kept state is whatever it last stored, possibly from an older version: take only a spec object. */
function readState(state: unknown): WebviewState {
  if (typeof state !== 'object' || state === null) return {};
  const spec = (state as Record<string, unknown>).spec;
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? { spec: spec as Record<string, unknown> } : {};
}

/**
 * Brings ConvLens panels back after a window reload: the page kept its spec with `setState`, VS Code hands it
 * over here, and `recompute` turns it into a view again (or into an error to show). Register during activation
 * (the `onWebviewPanel:convlens.panel` activation event exists for this). The registration is also added to
 * `context.subscriptions`.
 */
export function registerConvLensPanelSerializer(context: vscode.ExtensionContext, recompute: Recompute, handlers: PanelHandlers = {}): vscode.Disposable {
  const registration = vscode.window.registerWebviewPanelSerializer(ConvLensPanel.viewType, {
    async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
      ConvLensPanel.revive(context.extensionUri, webviewPanel, readState(state), recompute, handlers);
    },
  });
  context.subscriptions.push(registration);
  return registration;
}
