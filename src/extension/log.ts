import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The "ConvLens" output channel, created on first use so activation stays cheap. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('ConvLens', { log: true });
  return channel;
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
