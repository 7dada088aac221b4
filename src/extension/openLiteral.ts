import * as vscode from 'vscode';
import { ConvolveDeps, ConvolveOutcome, convolvePieces } from './convolvePieces';
import { log } from './log';
import { readSettings } from './settings';

/**
 * Where a spec literal is in a document, as of one version of it: what a hover's "Open in ConvLens panel" link
 * carries, so the link stays a few hundred characters however big the spec is.
 */
export interface LiteralLocation {
  uri: string;
  offset: number;
  length: number;
  version: number;
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

export function isLiteralLocation(v: unknown): v is LiteralLocation {
  if (typeof v !== 'object' || v === null) return false;
  const at = v as Partial<Record<keyof LiteralLocation, unknown>>;
  return typeof at.uri === 'string' && isCount(at.offset) && isCount(at.length) && isCount(at.version);
}

/**
 * `convlens.open` from a hover link: reads the literal again and computes it exactly as "Convolve selection"
 * would (on the worker), unless the document changed since the hover; then the offsets may point anywhere.
 */
export async function openLiteral(at: LiteralLocation, deps: ConvolveDeps): Promise<ConvolveOutcome> {
  const range = { offset: at.offset, length: at.length };
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(vscode.Uri.parse(at.uri));
  } catch (error) {
    return refuse(`cannot open ${at.uri} (${String(error)}).`, range);
  }
  if (document.version !== at.version) return refuse(`${vscode.workspace.asRelativePath(document.uri)} changed since this preview; hover again.`, range);
  const text = document.getText(new vscode.Range(document.positionAt(at.offset), document.positionAt(at.offset + at.length)));
  // Errors point into the editor the link was clicked in; without one, they open the document.
  const editor = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find((e) => e?.document === document);
  return convolvePieces(deps, { document, editor, pieces: [{ text, base: at.offset }] }, readSettings(document.uri));
}

function refuse(message: string, range: { offset: number; length: number }): ConvolveOutcome {
  log().warn(message);
  void vscode.window.showWarningMessage(`ConvLens: ${message}`);
  return { error: { message, range } };
}
