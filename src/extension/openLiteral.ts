import * as vscode from 'vscode';
import { SpecOrigin } from '../protocol/messages';
import { parseSpecOrigin } from '../protocol/guards';
import { ConvolveDeps, ConvolveOutcome, convolvePieces } from './convolvePieces';
import { toDocumentRange } from './documentRanges';
import { log } from './log';
import { readSettings } from './settings';

/**
 * Where a spec literal is in a document, as of one version of it: what a hover's "Open in ConvLens panel" link
 * carries, so the link stays a few hundred characters however big the spec is.
 */
export interface LiteralLocation extends SpecOrigin {
  version: number;
}

/** A spec origin (checked as the panel's kept one is) plus the document version it was read at. */
export function isLiteralLocation(v: unknown): v is LiteralLocation {
  if (typeof v !== 'object' || v === null || !Object.hasOwn(v, 'version')) return false;
  const { version, ...origin } = v as { version: unknown };
  return Number.isSafeInteger(version) && (version as number) >= 0 && parseSpecOrigin(origin) !== undefined;
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
  if (document.version !== at.version)
    return refuse(`${vscode.workspace.asRelativePath(document.uri)} changed since this preview; hover again.`, range);
  const text = document.getText(toDocumentRange(document, at));
  // Errors point into the editor the link was clicked in; without one, they open the document.
  const editor = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find(
    (e) => e?.document === document,
  );
  return convolvePieces(deps, { document, editor, pieces: [{ text, base: at.offset }] }, readSettings(document.uri));
}

function refuse(message: string, range: { offset: number; length: number }): ConvolveOutcome {
  log().warn(message);
  void vscode.window.showWarningMessage(`ConvLens: ${message}`);
  return { error: { message, range } };
}
