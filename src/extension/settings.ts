import * as vscode from 'vscode';
import { Limits } from '../engine';
import { NumberFormat } from '../protocol/messages';
import { log } from './log';
import { SettingChecker, SettingName, SettingValue } from './settingRules';

/** The `convlens.*` settings, read fresh each time so changes apply without a reload. */
export interface Settings extends Limits {
  format: NumberFormat;
  reusePanel: boolean;
  hoverEnabled: boolean;
  hoverMaxLiteralCharacters: number;
  /** What ConvLens adds to PyTorch code. */
  python: PythonFeatures;
}

export interface PythonFeatures {
  hovers: boolean;
  inlayHints: boolean;
  diagnostics: boolean;
  codeLens: boolean;
}

const checker = new SettingChecker((message) => log().warn(message));

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration('convlens', scope);
  // Every value is checked: a workspace's settings file can hold anything.
  const get = <N extends SettingName>(name: N): SettingValue<N> => checker.check(name, config.get(name));
  return {
    format: { decimals: get('decimals'), exactFractions: get('exactFractions') },
    reusePanel: get('panel.reuse'),
    hoverEnabled: get('hover.enabled'),
    hoverMaxLiteralCharacters: get('hover.maxLiteralCharacters'),
    python: {
      hovers: get('python.hovers'),
      inlayHints: get('python.inlayHints'),
      diagnostics: get('python.diagnostics'),
      codeLens: get('python.codeLens'),
    },
    maxSelectionCharacters: get('limits.maxSelectionCharacters'),
    maxInputCells: get('limits.maxInputCells'),
    maxOutputCells: get('limits.maxOutputCells'),
    maxKernelMatrixNonZeros: get('limits.maxKernelMatrixNonZeros'),
  };
}
