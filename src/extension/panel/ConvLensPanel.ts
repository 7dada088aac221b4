import * as vscode from 'vscode';
import {
  ClipboardContent,
  ConvView,
  NumberFormat,
  SourceText,
  ToWebviewMessage,
  WebviewState,
} from '../../protocol/messages';
import { parseFromWebview } from '../../protocol/guards';
import { CLIPBOARD_CONTENT_NAMES, clipboardText } from '../../view/clipboardText';
import { showMessage } from './keptState';
import type { PanelHandlers } from './panelHandlers';
import { panelHtml } from './panelHtml';
import { saveImage } from './saveImage';

export interface ShowOptions extends PanelHandlers {
  /** Draw into the most recent panel (revealing it) instead of opening another one. */
  reuse: boolean;
  /** Where the view's text is, kept for a reload (see `stateToKeep`). */
  text?: SourceText;
}

/**
 * Turns what the page kept across a reload (a spec, or the text a view came from) back into a view, or into the
 * message saying why it cannot.
 */
export type Recompute = (kept: WebviewState) => Promise<ConvView | string>;

/** Shown by a restored panel whose page kept neither a spec nor an origin. */
const NOT_KEPT_MESSAGE = 'This view was too large to keep across a reload: run Convolve selection again.';

interface ShownError {
  message: string;
  source: string;
}

/**
 * One ConvLens webview panel. The page asks for its content with `ready` whenever it (re)loads (first open,
 * shown again after being hidden, restored after a reload), so the host keeps the last view and answers then;
 * that way nothing is posted into a page that is not listening yet.
 */
export class ConvLensPanel implements vscode.Disposable {
  static readonly viewType = 'convlens.panel';
  static readonly title = 'ConvLens';

  private static readonly open = new Set<ConvLensPanel>();
  private static latest: ConvLensPanel | undefined;

  /** Shows `view` beside the editor, in the current panel when `options.reuse` is set and one is open. */
  static show(context: vscode.ExtensionContext, view: ConvView, options: ShowOptions): ConvLensPanel {
    const reused = options.reuse ? ConvLensPanel.latest : undefined;
    const panel = reused ?? ConvLensPanel.create(context.extensionUri);
    panel.handlers = handlersOf(options);
    panel.display(view, options.text);
    if (reused) reused.webviewPanel.reveal(undefined, true);
    return panel;
  }

  /** New number formatting (settings changed) for every open panel. */
  static setFormat(format: NumberFormat): void {
    for (const panel of ConvLensPanel.open) panel.setFormat(format);
  }

  static disposeAll(): void {
    for (const panel of [...ConvLensPanel.open]) panel.dispose();
  }

  /** Takes over a panel VS Code restored after a reload; see `registerConvLensPanelSerializer`. */
  static revive(
    extensionUri: vscode.Uri,
    webviewPanel: vscode.WebviewPanel,
    state: WebviewState,
    recompute: Recompute,
    handlers: PanelHandlers,
  ): ConvLensPanel {
    // The restored panel keeps the options of the session that created it; resource roots may have moved since.
    webviewPanel.webview.options = webviewOptions(extensionUri);
    const panel = new ConvLensPanel(webviewPanel, extensionUri, handlers, recompute);
    if (state.spec || state.origin) void panel.adopt(state);
    else panel.showError(NOT_KEPT_MESSAGE, 'restored panel');
    return panel;
  }

  private static create(extensionUri: vscode.Uri): ConvLensPanel {
    const webviewPanel = vscode.window.createWebviewPanel(
      ConvLensPanel.viewType,
      ConvLensPanel.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...webviewOptions(extensionUri), retainContextWhenHidden: false },
    );
    return new ConvLensPanel(webviewPanel, extensionUri, {});
  }

  private readonly disposables: vscode.Disposable[] = [];
  private pageReady = false;
  private readyWaiters: (() => void)[] = [];
  private shownView: ConvView | undefined;
  /** Where `shownView`'s text is. */
  private shownText: SourceText | undefined;
  private shownError: ShownError | undefined;
  /** Counts what was shown, so a restore that finishes after something newer was shown is dropped. */
  private shownCount = 0;
  private restoring = false;
  private disposed = false;

  private constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private handlers: PanelHandlers,
    private readonly recompute?: Recompute,
  ) {
    ConvLensPanel.open.add(this);
    ConvLensPanel.latest = this;
    webviewPanel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
    const { webview } = webviewPanel;
    this.disposables.push(
      webviewPanel.onDidDispose(() => this.dispose()),
      webviewPanel.onDidChangeViewState(({ webviewPanel: changed }) => {
        // A hidden page is destroyed (retainContextWhenHidden is off) and says `ready` again when shown.
        if (!changed.visible) this.pageReady = false;
        if (changed.active) ConvLensPanel.latest = this;
      }),
      webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
    );
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css')).toString(),
    });
  }

  /** The view the panel shows (or will show once its page is ready). */
  get view(): ConvView | undefined {
    return this.shownView;
  }

  /** Resolves the next time the page says `ready` (immediately if it already has and is still loaded). */
  whenReady(): Promise<void> {
    if (this.pageReady) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Shows `view`; `text` is where its text is, for the page to keep. */
  display(view: ConvView, text?: SourceText): void {
    this.shownView = view;
    this.shownText = text;
    this.shownError = undefined;
    this.shownCount++;
    this.post(showMessage(view, text));
  }

  showError(message: string, source: string): void {
    this.shownError = { message, source };
    this.shownCount++;
    this.post({ type: 'error', message, source });
  }

  setFormat(format: NumberFormat): void {
    if (!this.shownView) return;
    // The same view object, newly formatted: "Go to source" finds its origin by the view's identity.
    this.shownView.format = format;
    this.post({ type: 'format', format });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    ConvLensPanel.open.delete(this);
    if (ConvLensPanel.latest === this) ConvLensPanel.latest = [...ConvLensPanel.open].pop();
    this.webviewPanel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private post(message: ToWebviewMessage): void {
    // Before `ready` the page is not listening; it will ask, and `onReady` answers with the latest content.
    if (this.pageReady && !this.disposed) void this.webviewPanel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = parseFromWebview(raw);
    if (!message) {
      this.log(`ConvLens panel: ignored an unexpected message ${preview(raw)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.onReady(message);
        break;
      case 'revealSource':
        if (this.shownView && this.handlers.revealSource) this.handlers.revealSource(this.shownView);
        else this.log('ConvLens panel: "Go to source" has nothing to reveal.');
        break;
      case 'copy':
        // The text comes from the view the host holds, never from the page.
        if (this.shownView) void this.copy(this.shownView, message.what);
        else this.log('ConvLens panel: nothing to copy.');
        break;
      case 'resizeSample':
        if (this.shownView && this.handlers.resizeSample) void this.resizeSample(this.shownView, message.sizes);
        else this.log('ConvLens panel: no sample to resize.');
        break;
      case 'saveSvg':
      case 'savePng':
        if (this.shownView)
          void saveImage(this.shownView, message, this.handlers).then((saved) =>
            this.post({ type: 'saved', ...saved }),
          );
        else this.log('ConvLens panel: nothing to save.');
        break;
    }
  }

  private onReady(kept: WebviewState): void {
    this.pageReady = true;
    if (!this.shownView && !this.shownError && !this.restoring && (kept.spec || kept.origin)) void this.adopt(kept);
    if (this.shownView) this.post(showMessage(this.shownView, this.shownText));
    if (this.shownError) this.post({ type: 'error', ...this.shownError });
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  /**
   * Computes what the page kept again and shows it, unless something newer was shown meanwhile; the callback is
   * the extension's, so a throw becomes an error shown in the panel.
   */
  private async adopt(kept: WebviewState): Promise<void> {
    if (!this.recompute) return;
    const before = this.shownCount;
    this.restoring = true;
    let result: ConvView | string;
    try {
      result = await this.recompute(kept);
    } catch (e) {
      result = `Could not restore the view: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.restoring = false;
    }
    if (this.disposed || this.shownCount !== before) return;
    if (typeof result === 'string') this.showError(result, 'restored panel');
    else this.display(result, { place: kept.place, origin: kept.origin });
  }

  /** Shows `view`'s sample resized, unless something newer was shown meanwhile; else says why not by the control. */
  private async resizeSample(view: ConvView, sizes: number[]): Promise<void> {
    const before = this.shownCount;
    let result: ConvView | string;
    try {
      result = await this.handlers.resizeSample!(view, sizes);
    } catch (e) {
      result = `Could not resize the sample: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (this.disposed || this.shownCount !== before) return;
    if (typeof result === 'string') this.post({ type: 'sampleRefused', message: result });
    else this.display(result, this.shownText);
  }

  private async copy(view: ConvView, content: ClipboardContent): Promise<void> {
    const what = CLIPBOARD_CONTENT_NAMES[content];
    try {
      const job = { view, what: content };
      const text = this.handlers.clipboard ? await this.handlers.clipboard(job) : clipboardText(view, content);
      if (text === 'cancelled') return;
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(`ConvLens: copied ${what}`, 3000);
    } catch (e) {
      this.log(`ConvLens panel: copying ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private log(message: string): void {
    (this.handlers.log ?? console.warn)(message);
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

const handlersOf = ({ revealSource, log, picture, clipboard, resizeSample }: PanelHandlers): PanelHandlers => ({
  revealSource,
  log,
  picture,
  clipboard,
  resizeSample,
});

/** A short, safe rendering of an untrusted message for the log. */
function preview(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
