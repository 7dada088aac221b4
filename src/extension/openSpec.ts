import * as vscode from 'vscode';
import { titledView } from '../convolve';
import { ConvView } from '../protocol/messages';
import { ConvolveDeps, ConvolveOutcome } from './convolvePieces';
import { withDelayedProgress } from './delayedProgress';
import { isLiteralLocation, openLiteral } from './openLiteral';
import { readSettings } from './settings';

/** What `convlens.open` returns: a literal's outcome as "Convolve selection" gives it, or a spec value's. */
export type OpenOutcome = ConvolveOutcome | { view: ConvView } | { error: string } | { cancelled: true };

const isSpecObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `convlens.open`, given where a spec literal is (`{ uri, offset, length, version }`: hover links), or a spec as
 * a value (`{ spec, source? }`, or the bare spec object: other extensions, tests).
 */
export function openSpec(args: unknown, deps: ConvolveDeps): Promise<OpenOutcome> {
  if (isLiteralLocation(args)) return openLiteral(args, deps);
  return openSpecValue(args, deps);
}

/**
 * Computes a spec passed as a value on the worker, like a selection (a value from another extension is no smaller
 * or safer than text); returns the view, or the error message (also shown).
 */
async function openSpecValue(args: unknown, deps: ConvolveDeps): Promise<OpenOutcome> {
  const open =
    isSpecObject(args) && isSpecObject(args.spec)
      ? { spec: args.spec, source: args.source }
      : isSpecObject(args)
        ? { spec: args }
        : undefined;
  if (!open) return report('convlens.open needs a spec object such as {"input": [[1, 2], [3, 4]], "kernel": [[1]]}.');
  const settings = readSettings();
  const job = { spec: open.spec, limits: settings };
  const solved = await withDelayedProgress('ConvLens: computing…', (token) => deps.worker.runSpec(job, token));
  if (solved === 'cancelled') return { cancelled: true };
  if (!solved.ok) return report(solved.error.message);
  const view = titledView(solved.view, typeof open.source === 'string' ? open.source : 'spec', settings.format);
  deps.show(view, undefined, settings);
  return { view };
}

function report(message: string): { error: string } {
  void vscode.window.showErrorMessage(`ConvLens: ${message}`);
  return { error: message };
}
