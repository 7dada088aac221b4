import * as vscode from 'vscode';
import { buildConvView } from '../convView';
import { checkLimits, Limits } from '../engine';
import { problemFromContent } from '../parse';
import { MatrixLiteral, ParseError } from '../parse/types';
import { ConvView } from '../protocol';
import { sourceLabel } from './documentRanges';
import { pickKernel } from './kernelPick';
import { log } from './log';
import { readEditorSelection } from './readEditorSelection';
import { readSettings, Settings } from './settings';
import { showPositionedError } from './showError';

/** Where a view came from, so the panel can jump back to it. */
export interface ViewOrigin {
  uri: vscode.Uri;
  range: vscode.Range;
}

/** What the command did; returned to `executeCommand` callers (tests, other extensions). */
export type ConvolveOutcome = { view: ConvView } | { error: ParseError } | { cancelled: true };

export interface ConvolveDeps {
  state: vscode.Memento;
  show(view: ConvView, origin: ViewOrigin, settings: Settings): void;
}

const LIMIT_SETTINGS: Record<keyof Limits, string> = {
  maxOutputCells: 'convlens.limits.maxOutputCells',
  maxKernelMatrixNonZeros: 'convlens.limits.maxKernelMatrixNonZeros',
};

/** "ConvLens: Convolve selection": selection -> parse -> validate -> compute -> panel. Never edits the document. */
export async function convolveSelection(deps: ConvolveDeps): Promise<ConvolveOutcome> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('ConvLens: open a file and select a matrix or a conv spec first.');
    return { cancelled: true };
  }
  const document = editor.document;
  const settings = readSettings(document.uri);
  const content = readEditorSelection(editor, settings.hoverMaxLiteralCharacters);
  if (!content.ok) {
    void showPositionedError(editor, content.error);
    return { error: content.error };
  }

  let kernel: MatrixLiteral | undefined;
  if (content.value.kind === 'single') {
    const picked = await pickKernel(deps.state);
    if (picked === undefined) return { cancelled: true };
    const at = content.value.matrix.range;
    // A picked kernel is not in the document: its problems are shown at the input it was paired with.
    kernel = { value: picked, range: at, locate: () => at };
  }
  const located = problemFromContent(content.value, kernel);
  if (!located.ok) {
    void showPositionedError(editor, located.error);
    return { error: located.error };
  }

  const { problem, spec } = located.value;
  const whole = located.value.locate([]);
  const limit = checkLimits(problem, settings);
  if (!limit.ok) {
    const error = { message: limit.error.message, range: whole };
    const settingId = limit.limit ? LIMIT_SETTINGS[limit.limit] : undefined;
    const open = 'Open Setting';
    void showPositionedError(editor, { ...error, message: `${error.message}${settingId ? ` Raise ${settingId} to allow it.` : ''}` }, settingId ? [open] : []).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', settingId);
    });
    return { error };
  }

  const started = Date.now();
  const view = buildConvView(problem, spec, sourceLabel(document, whole.offset), settings.format);
  log().info(`${view.source}: ${problem.params.op} computed in ${Date.now() - started} ms`);
  const range = new vscode.Range(document.positionAt(whole.offset), document.positionAt(whole.offset + whole.length));
  deps.show(view, { uri: document.uri, range }, settings);
  return { view };
}
