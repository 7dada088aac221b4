import * as vscode from 'vscode';
import { limitRefusal } from '../../convolve';
import { checkSelectionLength } from '../../engine';
import { PythonReading, TextSpan } from '../../python';
import { log } from '../log';
import { readSettings } from '../settings';
import { PythonClient } from '../worker/pythonClient';
import { cellAt, joinCells } from './notebookText';

/** Where a span of the text read lies: the document (a file, or one notebook cell) and its range there. */
export interface Place {
  document: vscode.TextDocument;
  range: vscode.Range;
}

/** The Python program a document belongs to, read: a file, or every Python cell of its notebook in order. */
export interface PythonSource {
  /** The file, or the notebook; the key its input shapes are remembered under. */
  uri: vscode.Uri;
  /** The text read (a notebook's cells joined), which the reading's spans count in. */
  text: string;
  reading: PythonReading;
  /** Every document the program is made of (one, or the notebook's Python cells). */
  documents: readonly vscode.TextDocument[];
  place(span: TextSpan): Place;
  /** The offset in the program's text of a position in one of its documents. */
  offsetOf(document: vscode.TextDocument, position: vscode.Position): number | undefined;
}

/** A notebook's cells are its own documents; a cell's notebook is found among the open notebooks. */
const notebookOf = (document: vscode.TextDocument): vscode.NotebookDocument | undefined =>
  vscode.workspace.notebookDocuments.find((notebook) => notebook.getCells().some((cell) => cell.document === document));

const pythonCells = (notebook: vscode.NotebookDocument): vscode.TextDocument[] =>
  notebook
    .getCells()
    .filter((cell) => cell.kind === vscode.NotebookCellKind.Code && cell.document.languageId === 'python')
    .map((cell) => cell.document);

/** A document's length, without copying its text out (the offset of its end). */
const charactersOf = (document: vscode.TextDocument): number =>
  document.offsetAt(document.lineAt(document.lineCount - 1).range.end);

const isPython = (document: vscode.TextDocument) => document.languageId === 'python';

/**
 * Reads Python documents and notebooks once per version of their text (tree-sitter, incrementally from the last
 * version, on the Python worker thread): hovers, hints, diagnostics, fixes and lenses of one version share one
 * reading. The worker starts, and loads the parser, when the first Python document opens, not at activation.
 */
export class PythonSources implements vscode.Disposable {
  private readonly cache = new Map<string, { stamp: string; source: Promise<PythonSource | undefined> }>();
  private readonly reader: PythonClient;
  /** A notebook's joined text has no version of its own: each new one gets the next number. */
  private versions = 0;
  /** Why each program over the size limit was not read, until a hover has said it. */
  private readonly untold = new Map<string, string>();
  private readonly told = new Set<string>();
  private readonly listeners = [
    vscode.workspace.onDidOpenTextDocument((d) => this.warmUpFor(d)),
    vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    vscode.workspace.onDidCloseNotebookDocument((n) => this.forget(n.uri)),
  ];

  constructor(extensionPath: string) {
    this.reader = PythonClient.bundled(extensionPath, (message) => log().warn(message));
    for (const document of vscode.workspace.textDocuments) this.warmUpFor(document);
  }

  private warmUpFor(document: vscode.TextDocument): void {
    if (isPython(document)) this.reader.warmUp();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cache.delete(key);
    this.untold.delete(key);
    this.told.delete(key);
    this.reader.forget(key);
  }

  /**
   * Why the program `document` belongs to was not read (it is over the size limit), the first time it is asked
   * after that program was refused; undefined afterwards, so a hover says it once rather than on every move.
   */
  untoldRefusal(document: vscode.TextDocument): string | undefined {
    const key = (notebookOf(document)?.uri ?? document.uri).toString();
    const why = this.untold.get(key);
    if (why === undefined) return undefined;
    this.untold.delete(key);
    this.told.add(key);
    return why;
  }

  /** The program `document` is part of, read; undefined when it is over the size limit or cannot be read. */
  sourceOf(document: vscode.TextDocument): Promise<PythonSource | undefined> {
    const notebook = document.uri.scheme === 'vscode-notebook-cell' ? notebookOf(document) : undefined;
    const documents = notebook ? pythonCells(notebook) : [document];
    const uri = notebook?.uri ?? document.uri;
    const key = uri.toString();
    const stamp = documents.map((d) => `${d.uri.toString()}@${d.version}`).join(' ');
    const cached = this.cache.get(key);
    if (cached?.stamp === stamp) return cached.source;
    const source = this.read(uri, documents);
    this.cache.set(key, { stamp, source });
    return source;
  }

  private async read(uri: vscode.Uri, documents: vscode.TextDocument[]): Promise<PythonSource | undefined> {
    const key = uri.toString();
    // The same bound as a selection, counted before the text is copied out: the reading, its copy to the worker and
    // back, and every provider's walk over it grow with the text.
    const length = documents.reduce((sum, d) => sum + charactersOf(d), 0);
    const what = documents.length === 1 && documents[0].uri === uri ? 'This Python file' : "This notebook's Python";
    const size = checkSelectionLength(length, readSettings(uri), what);
    if (!size.ok) {
      if (!this.told.has(key)) this.untold.set(key, limitRefusal(size).message);
      return undefined;
    }
    this.untold.delete(key);
    this.told.delete(key);
    const joined = joinCells(documents.map((d) => d.getText()));
    const version = documents.length === 1 && documents[0].uri === uri ? documents[0].version : ++this.versions;
    let reading: PythonReading;
    try {
      reading = await this.reader.read(key, version, joined.text);
    } catch (error) {
      // The parser failed to load (tried again next time) or to read: this version goes without ConvLens's help.
      log().warn(`cannot read ${key} as Python: ${String(error)}`);
      return undefined;
    }
    const at = (offset: number) => {
      const { cell, offset: within } = cellAt(joined, offset);
      return { document: documents[cell], position: documents[cell].positionAt(within) };
    };
    return {
      uri,
      text: joined.text,
      reading,
      documents,
      place(span) {
        const start = at(span.start);
        const end = at(span.end);
        const sameCell = end.document === start.document;
        return {
          document: start.document,
          range: new vscode.Range(start.position, sameCell ? end.position : start.position),
        };
      },
      offsetOf(document, position) {
        const cell = documents.indexOf(document);
        return cell < 0 ? undefined : joined.starts[cell] + document.offsetAt(position);
      },
    };
  }

  dispose(): void {
    this.reader.dispose();
    for (const listener of this.listeners) listener.dispose();
    this.cache.clear();
  }
}
