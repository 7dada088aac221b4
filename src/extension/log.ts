import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The "ConvLens" output channel, created on first use so activation stays cheap. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('ConvLens', { log: true });
  return channel;
}

/** Whether debug lines are kept: the channel's own level, or the editor's while the channel does not exist yet. */
function debugEnabled(): boolean {
  const level = channel?.logLevel ?? vscode.env.logLevel;
  return level !== vscode.LogLevel.Off && level <= vscode.LogLevel.Debug;
}

/** A debug line, built only when it is kept: hot paths (every hover) log without creating the channel to drop lines. */
export function logDebug(message: () => string): void {
  if (debugEnabled()) log().debug(message());
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
