import * as vscode from 'vscode';
import { describeLiteral } from '../../hover/hoverText';
import { findLiteralAt, TextRange } from '../../parse';
import { toDocumentRange } from '../documentRanges';
import { LiteralLocation } from '../openLiteral';
import { readSettings, Settings } from '../settings';
import { recordHoverTime } from './hoverTiming';

/** Hover results per document version: a hover never re-reads an unchanged document. */
interface DocumentCache {
  version: number;
  text: string;
  /** The literal found at each offset hovered (by offset and search bound), and where none was: a miss costs a
   * search too. */
  literals: Map<string, TextRange | undefined>;
  hovers: Map<string, vscode.Hover | undefined>;
}

/** Whether another hover explains what is at a position better than a literal preview; undefined when none can. */
export type YieldsTo = (document: vscode.TextDocument, position: vscode.Position) => Promise<boolean> | undefined;

/** Previews matrix literals and conv specs in JSON, Python and Markdown. */
export class ConvLensHoverProvider implements vscode.HoverProvider, vscode.Disposable {
  private readonly cache = new Map<string, DocumentCache>();
  private readonly closing = vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString()));

  constructor(private readonly yieldsTo?: YieldsTo) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.ProviderResult<vscode.Hover> {
    const yielding = this.yieldsTo?.(document, position);
    if (!yielding) return this.previewAt(document, position);
    return yielding.then((yields) => (yields ? undefined : this.previewAt(document, position)));
  }

  private previewAt(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const started = performance.now();
    const settings = readSettings(document.uri);
    if (!settings.hoverEnabled) return undefined;
    const entry = this.entryFor(document);
    const { hover, cached } = this.hoverAt(entry, document, document.offsetAt(position), settings);
    recordHoverTime(started, { documentCharacters: entry.text.length, cached });
    return hover;
  }

  private hoverAt(
    entry: DocumentCache,
    document: vscode.TextDocument,
    offset: number,
    settings: Settings,
  ): { hover?: vscode.Hover; cached: boolean } {
    const at = `${offset}:${settings.hoverMaxLiteralCharacters}`;
    const searched = entry.literals.has(at);
    if (!searched) entry.literals.set(at, findLiteralAt(entry.text, offset, settings.hoverMaxLiteralCharacters));
    const literal = entry.literals.get(at);
    if (!literal) return { cached: searched };
    const { decimals, exactFractions } = settings.format;
    const key = `${literal.offset}:${literal.length}:${decimals}:${exactFractions}`;
    const cached = entry.hovers.has(key);
    if (!cached) {
      const described = describeLiteral(
        entry.text.slice(literal.offset, literal.offset + literal.length),
        settings.format,
      );
      const range = toDocumentRange(document, literal);
      entry.hovers.set(
        key,
        described &&
          new vscode.Hover(this.markdown(described.markdown, described.opensInPanel, document, literal), range),
      );
    }
    return { hover: entry.hovers.get(key), cached };
  }

  private markdown(
    text: string,
    isSpec: boolean,
    document: vscode.TextDocument,
    at: { offset: number; length: number },
  ): vscode.MarkdownString {
    const markdown = new vscode.MarkdownString(text);
    if (isSpec) {
      // Where the spec is, not the spec: the link stays small, and the click computes on the worker like the command.
      const args: LiteralLocation = {
        uri: document.uri.toString(),
        offset: at.offset,
        length: at.length,
        version: document.version,
      };
      markdown.appendMarkdown(
        `\n\n[Open in ConvLens panel](command:convlens.open?${encodeURIComponent(JSON.stringify([args]))} "Show the kernel matrix, output and reconstruction")`,
      );
      // Only our own command may run from this hover's links.
      markdown.isTrusted = { enabledCommands: ['convlens.open'] };
    }
    return markdown;
  }

  private entryFor(document: vscode.TextDocument): DocumentCache {
    const key = document.uri.toString();
    let entry = this.cache.get(key);
    if (!entry || entry.version !== document.version) {
      entry = { version: document.version, text: document.getText(), literals: new Map(), hovers: new Map() };
      this.cache.set(key, entry);
    }
    return entry;
  }

  dispose(): void {
    this.closing.dispose();
    this.cache.clear();
  }
}
