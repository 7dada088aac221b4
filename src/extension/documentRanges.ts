import * as vscode from 'vscode';
import { TextRange } from '../parse';

/** The document range of a text range measured from `base` (the offset where the parsed text starts). */
export function toDocumentRange(document: vscode.TextDocument, range: TextRange, base = 0): vscode.Range {
  return new vscode.Range(
    document.positionAt(base + range.offset),
    document.positionAt(base + range.offset + range.length),
  );
}

/** `file.json:3:14`, for titles and messages. */
export function sourceLabel(document: vscode.TextDocument, offset: number): string {
  const position = document.positionAt(offset);
  const name = document.uri.path.split('/').pop() || document.uri.toString();
  return `${name}:${position.line + 1}:${position.character + 1}`;
}
