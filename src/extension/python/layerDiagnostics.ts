import * as vscode from 'vscode';
import { LayerProblem, readingProblems } from '../../hover/modelShapes';
import { readSettings } from '../settings';
import { InputShapes } from './inputShapes';
import { pythonChanges } from './pythonChanges';
import { Place, PythonSource, PythonSources } from './pythonSources';

/** Typing pauses this long before a document is read again for its diagnostics. */
const SETTLE_MS = 300;

export const DIAGNOSTIC_SOURCE = 'convlens';

/** A problem of a program, placed in the document that holds it. */
export interface PlacedProblem extends LayerProblem {
  place: Place;
}

/** Every problem of a program, placed; none when diagnostics are switched off. */
export function placedProblems(source: PythonSource, inputs: InputShapes): PlacedProblem[] {
  if (!readSettings(source.uri).python.diagnostics) return [];
  return readingProblems(source.reading, (model) => inputs.of(source.uri, model)).map((problem) => ({
    ...problem,
    place: source.place(problem.span),
  }));
}

const isPython = (document: vscode.TextDocument) => document.languageId === 'python';

/**
 * PyTorch's errors in the user's code, as diagnostics: the first step of each model that refuses its input, and
 * every layer PyTorch would not build; worked out again when the text settles, an input shape is set, or a
 * setting changes.
 */
export class LayerDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly sources: PythonSources,
    private readonly inputs: InputShapes,
  ) {
    this.listeners = [
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
      pythonChanges(inputs)(() => this.refreshAll()),
    ];
    this.refreshAll();
  }

  private refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isPython(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.update(document);
      }, SETTLE_MS),
    );
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    const source = await this.sources.sourceOf(document);
    if (!source) return void this.collection.delete(document.uri);
    const byDocument = new Map(source.documents.map((d) => [d, [] as vscode.Diagnostic[]]));
    for (const problem of placedProblems(source, this.inputs)) {
      const diagnostic = new vscode.Diagnostic(problem.place.range, problem.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      byDocument.get(problem.place.document)?.push(diagnostic);
    }
    for (const [d, diagnostics] of byDocument) this.collection.set(d.uri, diagnostics);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const listener of this.listeners) listener.dispose();
    this.collection.dispose();
  }
}
