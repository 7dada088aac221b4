import * as vscode from 'vscode';
import { ConvolveJob } from '../job/convolveJob';
import { Piece } from '../job/selectionPieces';
import { ParseError } from '../parse/types';
import { ConvView } from '../protocol';
import { withDelayedProgress } from './delayedProgress';
import { sourceLabel } from './documentRanges';
import { pickKernel } from './kernelPick';
import { log } from './log';
import { Settings } from './settings';
import { RefusalTarget, showRefusal } from './showRefusal';
import { ConvolveClient } from './worker/convolveClient';

/** Where a view came from, so the panel can jump back to it. */
export interface ViewOrigin {
  uri: vscode.Uri;
  range: vscode.Range;
}

/** What a command did; returned to `executeCommand` callers (tests, other extensions). */
export type ConvolveOutcome = { view: ConvView; origin: ViewOrigin } | { error: ParseError } | { cancelled: true };

export interface ConvolveDeps {
  state: vscode.Memento;
  worker: ConvolveClient;
  show(view: ConvView, origin: ViewOrigin | undefined, settings: Settings): void;
}

/** Text of a document to convolve: its pieces in document order, each with the offset where it starts. */
export interface DocumentPieces extends RefusalTarget {
  pieces: Piece[];
}

/**
 * The middle of "Convolve selection" and of hover links: pieces -> parse -> validate -> compute -> panel, on a
 * worker thread with a cancellable progress notification when it takes a while. Never edits the document.
 */
export async function convolvePieces(deps: ConvolveDeps, target: DocumentPieces, settings: Settings): Promise<ConvolveOutcome> {
  const started = Date.now();
  const job: ConvolveJob = { pieces: target.pieces, limits: settings, format: settings.format };
  const run = (j: ConvolveJob) => withDelayedProgress('ConvLens: computing…', (token) => deps.worker.run(j, token));
  let result = await run(job);
  if (result !== 'cancelled' && result.kind === 'needsKernel') {
    const kernel = await pickKernel(deps.state);
    if (kernel === undefined) return { cancelled: true };
    result = await run({ ...job, kernel });
  }
  if (result === 'cancelled') return { cancelled: true };
  if (result.kind === 'refused') return showRefusal(target, result.error);
  if (result.kind === 'needsKernel') return { cancelled: true };
  const { document } = target;
  const { range: whole } = result;
  const view: ConvView = { ...result.view, source: sourceLabel(document, whole.offset) };
  log().info(`${view.source}: ${view.params.op} computed in ${Date.now() - started} ms`);
  const origin = { uri: document.uri, range: new vscode.Range(document.positionAt(whole.offset), document.positionAt(whole.offset + whole.length)) };
  deps.show(view, origin, settings);
  return { view, origin };
}
