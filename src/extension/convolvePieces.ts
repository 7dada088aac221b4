import * as vscode from 'vscode';
import { ComputedView, ConvolveJob, Piece, titledView } from '../convolve';
import { TextRange } from '../parse';
import { ParseError } from '../parse/types';
import { ConvView, NumberFormat, SpecOrigin } from '../protocol/messages';
import { parseSpecOrigin } from '../protocol/guards';
import { withDelayedProgress } from './delayedProgress';
import { sourceLabel, toDocumentRange } from './documentRanges';
import { pickKernel } from './kernelPick';
import { log } from './log';
import { Settings } from './settings';
import { RefusalTarget, showRefusal } from './showRefusal';
import { ConvolveClient } from './worker/convolveClient';

/** Where a view came from, so the panel can jump back to it. */
export interface ViewOrigin {
  uri: vscode.Uri;
  range: vscode.Range;
  /** The same text in offsets, as the page keeps it with a small spec so a restored panel names it and goes back to
   * it. */
  place?: SpecOrigin;
  /**
   * The text that alone computes the view again (one piece read, no kernel picked for it): what the panel keeps
   * across a reload when the spec is too large to keep itself.
   */
  recomputeFrom?: SpecOrigin;
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
export async function convolvePieces(
  deps: ConvolveDeps,
  target: DocumentPieces,
  settings: Settings,
): Promise<ConvolveOutcome> {
  // Timed from when every input is known: the time spent choosing a kernel is the user's, not the computation's.
  let started = Date.now();
  const job: ConvolveJob = { pieces: target.pieces, limits: settings };
  const run = (j: ConvolveJob) => withDelayedProgress('ConvLens: computing…', (token) => deps.worker.run(j, token));
  let result = await run(job);
  let kernelPicked = false;
  if (result !== 'cancelled' && result.kind === 'needsKernel') {
    const kernel = await pickKernel(deps.state, settings.format, result.inputRank);
    if (kernel === undefined) return { cancelled: true };
    kernelPicked = true;
    started = Date.now();
    result = await run({ ...job, kernel });
  }
  if (result === 'cancelled') return { cancelled: true };
  if (result.kind === 'refused') return showRefusal(target, result.error);
  if (result.kind === 'needsKernel') return { cancelled: true };
  const [piece] = target.pieces;
  const alone =
    target.pieces.length === 1 && !kernelPicked ? { offset: piece.base, length: piece.text.length } : undefined;
  const placed = placeView(target.document, result.view, settings.format, result.range, alone);
  log().info(`${placed.view.source}: ${placed.view.geometry.op} computed in ${Date.now() - started} ms`);
  deps.show(placed.view, placed.origin, settings);
  return placed;
}

/**
 * A view computed from `document`, titled with where its text starts (`whole`, in document offsets), and its
 * origin; `alone` is the text read, when it computes the view again by itself.
 */
export function placeView(
  document: vscode.TextDocument,
  computed: ComputedView,
  format: NumberFormat,
  whole: TextRange,
  alone?: TextRange,
): { view: ConvView; origin: ViewOrigin } {
  const view = titledView(computed, sourceLabel(document, whole.offset), format);
  const range = toDocumentRange(document, whole);
  // Only what the host accepts back from the page (a URI of at most 4096 characters) is worth keeping.
  const keepable = ({ offset, length }: TextRange) => parseSpecOrigin({ uri: document.uri.toString(), offset, length });
  return {
    view,
    origin: { uri: document.uri, range, place: keepable(whole), recomputeFrom: alone && keepable(alone) },
  };
}
