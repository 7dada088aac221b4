/**
 * Reads a parsed Python document: every layer call it makes, and its models in the order they apply them. A reader
 * keeps what it read of each top-level statement, and after an edit reads again only the statements whose text, or
 * the imports and module constants they use, changed; the others' readings move with their statement.
 */
import { qualifier, type Qualify } from './imports';
import { declaredOutput } from './inputComment';
import type { LayerCall, Model, PythonReading } from './layer';
import { readLayerCall } from './layers';
import { statementModels } from './models';
import { signatureOf } from './signatures';
import { namedChildrenOf, type Node } from './syntax';
import { Values } from './values';

/** What one top-level statement contributes, with what it depended on and where it started. */
interface Piece {
  start: number;
  layers: LayerCall[];
  models: Model[];
  /** The module-level names it read, with their values then. */
  dependencies: ReadonlyMap<string, string>;
  /** Whether it read other top-level statements (a list of layers built at the module's top level): read each time. */
  readsOthers: boolean;
}

export class PythonReader {
  /** Pieces of the last reading by statement text (from the line above it, where a model's input comment goes). */
  private pieces = new Map<string, Piece>();
  private imports = '';

  read(root: Node, text: string): PythonReading {
    const statements = namedChildrenOf(root);
    const importText = statements
      .filter((s) => s.type === 'import_statement' || s.type === 'import_from_statement')
      .map((s) => s.text)
      .join('\n');
    if (importText !== this.imports) this.pieces.clear(); // what every name means may have changed
    this.imports = importText;
    const qualify = qualifier(statements);
    const values = new Values(statements, qualify);
    const pieces = new Map<string, Piece>();
    const reading: PythonReading = { layers: [], models: [] };
    for (const statement of statements) {
      // From the line above (a model's input comment) to the end of its last line (a layer's output comment), and
      // where in it the statement starts: statements sharing a line (`a = f(); b = g()`) share that text.
      const lastLineEnd = text.indexOf('\n', statement.endIndex);
      const keyStart = text.lastIndexOf('\n', statement.startIndex - 2) + 1;
      const key = `${statement.startIndex - keyStart}:${text.slice(keyStart, lastLineEnd < 0 ? text.length : lastLineEnd)}`;
      const kept = this.pieces.get(key);
      const piece =
        kept && !kept.readsOthers && values.unchanged(kept.dependencies, statement.startIndex)
          ? moved(kept, statement.startIndex)
          : readStatement(statement, text, qualify, values);
      pieces.set(key, piece);
      reading.layers.push(...piece.layers);
      reading.models.push(...piece.models);
    }
    this.pieces = pieces;
    return reading;
  }
}

/** Reads a tree once. */
export const readTree = (root: Node, text: string): PythonReading => new PythonReader().read(root, text);

function readStatement(statement: Node, text: string, qualify: Qualify, values: Values): Piece {
  values.enter(statement);
  /** The layer a call makes, when its callee is one, with the output its comment asks for. */
  const readLayer = (call: Node): LayerCall | undefined => {
    const callee = call.childForFieldName('function');
    const qualified = callee && qualify(callee);
    const signature = qualified ? signatureOf(qualified) : undefined;
    if (!signature) return undefined;
    const target = declaredOutput(text, call.endIndex);
    return { ...readLayerCall(call, signature, values), ...(target && { target }) };
  };
  const layers: LayerCall[] = [];
  const byCall = new Map<number, LayerCall>();
  for (const call of statement.descendantsOfType('call')) {
    const layer = call && readLayer(call);
    if (!call || !layer) continue;
    layers.push(layer);
    byCall.set(call.id, layer);
  }
  let readsOthers = false;
  const models = statementModels(statement, {
    text,
    qualify,
    values,
    // A call in a loop, or in another statement (a list built at the top level), is read where the model meets it.
    layerAt: (call, names) =>
      names?.size ? values.withNames(names, () => readLayer(call)) : (byCall.get(call.id) ?? readLayer(call)),
    readsOtherStatements: () => (readsOthers = true),
  });
  return { start: statement.startIndex, layers, models, dependencies: values.dependencies(), readsOthers };
}

/** A piece read when its statement started elsewhere, its offsets moved along (shared objects stay shared). */
function moved(piece: Piece, start: number): Piece {
  const delta = start - piece.start;
  if (delta === 0) return piece;
  const copies = new Map<object, unknown>();
  const move = <T>(value: T): T => {
    if (typeof value !== 'object' || value === null) return value;
    const copied = copies.get(value);
    if (copied) return copied as T;
    if (Array.isArray(value)) {
      const array = value.map(move);
      copies.set(value, array);
      return array as T;
    }
    const object: Record<string, unknown> = {};
    copies.set(value, object);
    for (const [key, field] of Object.entries(value))
      object[key] = OFFSETS.has(key) && typeof field === 'number' ? field + delta : move(field);
    return object as T;
  };
  return { ...piece, start, layers: move(piece.layers), models: move(piece.models) };
}

/** The fields of a reading that are offsets in the document (`TextSpan`'s, `ModelStep.hintAt` and `appliedAt`). */
const OFFSETS = new Set(['start', 'end', 'hintAt', 'appliedAt']);
