import * as vscode from 'vscode';
import { DEFAULT_LIMITS, Limits } from '../engine';
import { NumberFormat } from '../protocol';

/** The `convlens.*` settings, read fresh each time so changes apply without a reload. */
export interface Settings extends Limits {
  format: NumberFormat;
  reusePanel: boolean;
  hoverEnabled: boolean;
  hoverMaxLiteralCharacters: number;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration('convlens', scope);
  return {
    format: { decimals: config.get('decimals', 4), exactFractions: config.get('exactFractions', false) },
    reusePanel: config.get('panel.reuse', true),
    hoverEnabled: config.get('hover.enabled', true),
    hoverMaxLiteralCharacters: config.get('hover.maxLiteralCharacters', 1_000_000),
    maxSelectionCharacters: config.get('limits.maxSelectionCharacters', DEFAULT_LIMITS.maxSelectionCharacters),
    maxInputCells: config.get('limits.maxInputCells', DEFAULT_LIMITS.maxInputCells),
    maxOutputCells: config.get('limits.maxOutputCells', DEFAULT_LIMITS.maxOutputCells),
    maxKernelMatrixNonZeros: config.get('limits.maxKernelMatrixNonZeros', DEFAULT_LIMITS.maxKernelMatrixNonZeros),
  };
}
