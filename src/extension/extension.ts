import * as vscode from 'vscode';
import { ConvView } from '../protocol/messages';
import { briefAcrossProcesses } from './commandResult';
import { ConvolveDeps, ViewOrigin } from './convolvePieces';
import { convolveSelection } from './convolveSelection';
import { ConvLensHoverProvider } from './hover/hoverProvider';
import { ConvolveClient } from './worker/convolveClient';
import { openExample } from './examples';
import { disposeLog, log } from './log';
import { openSpec } from './openSpec';
import { ConvLensPanel, PanelHandlers, Recompute, registerConvLensPanelSerializer } from './panel';
import { onLayerSetting, PythonSources, registerPython } from './python';
import { resizeSample } from './resizeSample';
import { restoreView } from './restoreView';
import { readSettings, Settings } from './settings';
import { ViewSources } from './viewSources';
import { scheduleWarmUp } from './warmUp';

/** Languages whose matrix literals get hover previews. */
const HOVER_LANGUAGES = ['json', 'jsonc', 'python', 'markdown'];

export function activate(context: vscode.ExtensionContext): void {
  const sources = new ViewSources();
  const worker = new ConvolveClient(context.extensionPath);
  const handlers: PanelHandlers = {
    revealSource: (view) => void sources.reveal(view),
    log: (message) => log().info(message),
    picture: (job) => worker.picture(job),
    clipboard: (job) => worker.clipboard(job),
    resizeSample: (view, sizes) => resizeSample(view, sizes, worker),
  };
  const show = (view: ConvView, origin: ViewOrigin | undefined, settings: Settings): void => {
    sources.remember(view, origin);
    const text = { place: origin?.place, origin: origin?.recomputeFrom };
    ConvLensPanel.show(context, view, { ...handlers, reuse: settings.reusePanel, text });
  };
  const python = new PythonSources(context.extensionPath);
  const hover = new ConvLensHoverProvider((document, position) =>
    document.languageId === 'python' ? onLayerSetting(python, document, position) : undefined,
  );
  const recompute: Recompute = async (kept) => {
    const restored = await restoreView(kept, worker);
    if (typeof restored === 'string') return restored;
    sources.remember(restored.view, restored.origin);
    return restored.view;
  };
  const deps: ConvolveDeps = { state: context.globalState, worker, show };

  context.subscriptions.push(
    vscode.commands.registerCommand('convlens.convolveSelection', () =>
      convolveSelection(deps).then(briefAcrossProcesses),
    ),
    worker,
    scheduleWarmUp(worker),
    vscode.commands.registerCommand('convlens.open', (args: unknown) =>
      openSpec(args, deps).then(briefAcrossProcesses),
    ),
    vscode.commands.registerCommand('convlens.openExample', (file?: unknown) =>
      openExample(context.extensionUri, file),
    ),
    vscode.commands.registerCommand('convlens.showLog', () => log().show()),
    vscode.languages.registerHoverProvider(
      HOVER_LANGUAGES.map((language) => ({ language })),
      hover,
    ),
    hover,
    registerConvLensPanelSerializer(context, recompute, handlers),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('convlens.decimals') || e.affectsConfiguration('convlens.exactFractions'))
        ConvLensPanel.setFormat(readSettings().format);
    }),
    ...registerPython(context.workspaceState, python),
    { dispose: () => ConvLensPanel.disposeAll() },
    { dispose: disposeLog },
  );
}

export function deactivate(): void {}
