import * as vscode from 'vscode';
import { PythonDocuments, pythonParser, PythonReading, TextSpan } from '../../python';
import { log } from '../log';
import { readSettings } from '../settings';
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

/**
 * Reads Python documents and notebooks once per version of their text (tree-sitter, incrementally from the last
 * version): hovers, hints, diagnostics, fixes and lenses of one version share one reading. The parser loads on the
 * first Python document, not at activation.
 */
export class PythonSources implements vscode.Disposable {
  private readonly cache = new Map<string, { stamp: string; source: Promise<PythonSource | undefined> }>();
  private trees: Promise<PythonDocuments> | undefined;
  /** A notebook's joined text has no version of its own: each new one gets the next number. */
  private versions = 0;
  private readonly closing = vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri));
  private readonly closingNotebook = vscode.workspace.onDidCloseNotebookDocument((n) => this.forget(n.uri));

  private forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
    void this.trees?.then((trees) => trees.forget(uri.toString()));
  }

  /** The program `document` is part of, read; undefined when it is too long to read on a keystroke. */
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
    const joined = joinCells(documents.map((d) => d.getText()));
    // The same bound as a selection: a reading walks the whole text on the host thread.
    if (joined.text.length > readSettings(uri).maxSelectionCharacters) return undefined;
    const version = documents.length === 1 && documents[0].uri === uri ? documents[0].version : ++this.versions;
    let reading: PythonReading;
    try {
      this.trees ??= pythonParser().then((parser) => new PythonDocuments(parser));
      reading = (await this.trees).read(uri.toString(), version, joined.text);
    } catch (error) {
      // The parser failed to load (tried again next time) or to read: this version goes without ConvLens's help.
      this.trees = undefined;
      log().warn(`cannot read ${uri.toString()} as Python: ${String(error)}`);
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
    void this.trees?.then((trees) => trees.dispose());
    this.closing.dispose();
    this.closingNotebook.dispose();
    this.cache.clear();
  }
}
