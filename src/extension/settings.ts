import * as vscode from 'vscode';
import { NumberFormat } from '../protocol';

/** The `convlens.*` settings, read fresh each time so changes apply without a reload. */
export interface Settings {
  format: NumberFormat;
  reusePanel: boolean;
  hoverEnabled: boolean;
  hoverMaxLiteralCharacters: number;
  maxOutputCells: number;
  maxKernelMatrixNonZeros: number;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration('convlens', scope);
  return {
    format: { decimals: config.get('decimals', 4), exactFractions: config.get('exactFractions', false) },
    reusePanel: config.get('panel.reuse', true),
    hoverEnabled: config.get('hover.enabled', true),
    hoverMaxLiteralCharacters: config.get('hover.maxLiteralCharacters', 1_000_000),
    maxOutputCells: config.get('limits.maxOutputCells', 4_000_000),
    maxKernelMatrixNonZeros: config.get('limits.maxKernelMatrixNonZeros', 10_000_000),
  };
}
