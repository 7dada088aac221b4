import * as vscode from 'vscode';
import { convolveSpec } from '../pipeline';
import { ConvView } from '../protocol';
import { ViewOrigin } from './convolveSelection';
import { readSettings, Settings } from './settings';

/** Arguments of `convlens.open`: a spec object, optionally with where it came from (hover links pass that). */
export interface OpenArgs {
  spec: Record<string, unknown>;
  source?: string;
  uri?: string;
  offset?: number;
  length?: number;
}

const isSpecObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Computes a spec passed as a value; returns the view, or the error message (also shown to the user). */
export async function openSpec(args: unknown, show: (view: ConvView, origin: ViewOrigin | undefined, settings: Settings) => void): Promise<{ view: ConvView } | { error: string }> {
  const open = isSpecObject(args) && isSpecObject(args.spec) ? (args as unknown as OpenArgs) : isSpecObject(args) ? { spec: args } : undefined;
  if (!open) return report('convlens.open needs a spec object such as {"input": [[1, 2], [3, 4]], "kernel": [[1]]}.');
  const settings = readSettings();
  const solved = convolveSpec(open.spec, open.source ?? 'spec', { limits: settings, format: settings.format });
  if (!solved.ok) return report(solved.error.message);
  const { view } = solved;
  let origin: ViewOrigin | undefined;
  if (open.uri && open.offset !== undefined) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(open.uri));
    origin = { uri: document.uri, range: new vscode.Range(document.positionAt(open.offset), document.positionAt(open.offset + (open.length ?? 0))) };
  }
  show(view, origin, settings);
  return { view };
}

function report(message: string): { error: string } {
  void vscode.window.showErrorMessage(`ConvLens: ${message}`);
  return { error: message };
}
