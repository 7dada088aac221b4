import * as vscode from 'vscode';
import { ComputedView, titledView } from '../convolve';
import { ConvView, NumberFormat, SpecOrigin, WebviewState } from '../protocol/messages';
import { placeView, ViewOrigin } from './convolvePieces';
import { withDelayedProgress } from './delayedProgress';
import { sourceLabel, toDocumentRange } from './documentRanges';
import { readSettings } from './settings';
import { ConvolveClient } from './worker/convolveClient';
import { resultOrSentence } from './workerOutcome';

/** A restored panel's view, with where its text is when it was read from a document. */
export type Restored = { view: ConvView; origin?: ViewOrigin } | string;

const AGAIN = 'run Convolve selection again';

/**
 * Computes again what a panel's page kept across a reload: a small spec, or the text a large one came from, on
 * the worker as "Convolve selection" does (the page's state is its own to write, so a kept spec is no more
 * trusted than a selection). Every failure is a message for the panel (the user's selection is never moved);
 * nothing here throws.
 */
export async function restoreView(kept: WebviewState, worker: ConvolveClient): Promise<Restored> {
  if (kept.origin) return restoreFromText(kept.origin, worker);
  if (!kept.spec) return `Nothing was kept to restore: ${AGAIN}.`;
  const settings = readSettings();
  const job = { spec: kept.spec, limits: settings };
  const solved = await onWorker((token) => worker.runSpec(job, token));
  if (typeof solved === 'string') return solved;
  if (!solved.ok) return solved.error.message;
  return kept.place
    ? placeAgain(solved.view, settings.format, kept.place)
    : { view: titledView(solved.view, 'restored', settings.format) };
}

/** A restoring job on the worker, behind a progress notification; a failure or a cancel is the panel's message. */
const onWorker = <T extends object>(run: (token: vscode.CancellationToken) => Promise<T | 'cancelled'>) =>
  resultOrSentence(withDelayedProgress('ConvLens: restoring the panel…', run), {
    cancelled: `Restoring this view was cancelled: ${AGAIN}.`,
    failed: (reason) => `Could not restore this view (${reason}): ${AGAIN}.`,
  });

/**
 * A view computed from its kept spec, titled and linked to where its text was, as before the reload; untitled and
 * unlinked when that document no longer opens or is now shorter.
 */
async function placeAgain(
  view: ComputedView,
  format: NumberFormat,
  place: SpecOrigin,
): Promise<Exclude<Restored, string>> {
  const unplaced = { view: titledView(view, 'restored', format) };
  try {
    const document = await openKeptDocument(vscode.Uri.parse(place.uri, true));
    return reaches(document, place.offset + place.length) ? placeView(document, view, format, place) : unplaced;
  } catch {
    return unplaced;
  }
}

/** Whether `document` still has an offset `end` (positionAt clamps to its end: a range past it no longer exists). */
const reaches = (document: vscode.TextDocument, end: number): boolean =>
  document.offsetAt(document.positionAt(end)) === end;

/** Reads the range now (the document may have changed since, or be gone) and computes what is there. */
async function restoreFromText(origin: SpecOrigin, worker: ConvolveClient): Promise<Restored> {
  let document: vscode.TextDocument;
  try {
    document = await openKeptDocument(vscode.Uri.parse(origin.uri, true));
  } catch (error) {
    return `Could not open ${origin.uri} to restore this view (${error instanceof Error ? error.message : String(error)}): ${AGAIN}.`;
  }
  const name = vscode.workspace.asRelativePath(document.uri);
  if (!reaches(document, origin.offset + origin.length))
    return `${name} is shorter than when this view was computed: ${AGAIN}.`;
  const text = document.getText(toDocumentRange(document, origin));
  const settings = readSettings(document.uri);
  const job = { pieces: [{ text, base: origin.offset }], limits: settings };
  const result = await onWorker((token) => worker.run(job, token));
  if (typeof result === 'string') return result;
  if (result.kind === 'needsKernel')
    return `${sourceLabel(document, origin.offset)} now holds a single matrix, not the spec this view was computed from: ${AGAIN}.`;
  if (result.kind === 'refused') return `${sourceLabel(document, result.error.range.offset)}: ${result.error.message}`;
  return placeView(document, result.view, settings.format, result.range, origin);
}

/**
 * The document an origin names: an open one as it is now, or a file read again. An untitled document that is no
 * longer open is gone (opening its URI would make a new, empty one).
 */
async function openKeptDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open;
  if (uri.scheme === 'untitled') throw new Error('it is no longer open');
  return vscode.workspace.openTextDocument(uri);
}
