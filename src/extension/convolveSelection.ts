import * as vscode from 'vscode';
import { ConvolveJob } from '../job/convolveJob';
import { ParseError } from '../parse/types';
import { ConvolveError, LIMIT_SETTINGS } from '../pipeline';
import { ConvView } from '../protocol';
import { sourceLabel } from './documentRanges';
import { pickKernel } from './kernelPick';
import { log } from './log';
import { withDelayedProgress } from './delayedProgress';
import { readEditorPieces } from './readEditorSelection';
import { readSettings, Settings } from './settings';
import { showPositionedError } from './showError';
import { ConvolveClient } from './worker/convolveClient';

/** Where a view came from, so the panel can jump back to it. */
export interface ViewOrigin {
  uri: vscode.Uri;
  range: vscode.Range;
}

/** What the command did; returned to `executeCommand` callers (tests, other extensions). */
export type ConvolveOutcome = { view: ConvView } | { error: ParseError } | { cancelled: true };

export interface ConvolveDeps {
  state: vscode.Memento;
  worker: ConvolveClient;
  show(view: ConvView, origin: ViewOrigin, settings: Settings): void;
}

/**
 * "ConvLens: Convolve selection": selection -> parse -> validate -> compute -> panel, the middle on a worker
 * thread with a cancellable progress notification when it takes a while. Never edits the document.
 */
export async function convolveSelection(deps: ConvolveDeps): Promise<ConvolveOutcome> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('ConvLens: open a file and select a matrix or a conv spec first.');
    return { cancelled: true };
  }
  const document = editor.document;
  const settings = readSettings(document.uri);
  const read = readEditorPieces(editor, settings.hoverMaxLiteralCharacters, settings);
  if (!read.ok) return showRefusal(editor, read.error);

  const started = Date.now();
  const job: ConvolveJob = { pieces: read.pieces, limits: settings, format: settings.format };
  const run = (j: ConvolveJob) => withDelayedProgress('ConvLens: computing…', (token) => deps.worker.run(j, token));
  let result = await run(job);
  if (result !== 'cancelled' && result.kind === 'needsKernel') {
    const kernel = await pickKernel(deps.state);
    if (kernel === undefined) return { cancelled: true };
    result = await run({ ...job, kernel });
  }
  if (result === 'cancelled') return { cancelled: true };
  if (result.kind === 'refused') return showRefusal(editor, result.error);
  if (result.kind === 'needsKernel') return { cancelled: true };
  const { range: whole } = result;
  const view: ConvView = { ...result.view, source: sourceLabel(document, whole.offset) };
  log().info(`${view.source}: ${view.params.op} computed in ${Date.now() - started} ms`);
  const range = new vscode.Range(document.positionAt(whole.offset), document.positionAt(whole.offset + whole.length));
  deps.show(view, { uri: document.uri, range }, settings);
  return { view };
}

/** Shows the error at its text; a size limit's message names its setting, and a button opens it. */
function showRefusal(editor: vscode.TextEditor, error: ConvolveError): ConvolveOutcome {
  const settingId = error.limit && LIMIT_SETTINGS[error.limit];
  const open = 'Open Setting';
  void showPositionedError(editor, error, settingId ? [open] : []).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', settingId);
  });
  return { error: { message: error.message, range: error.range } };
}
