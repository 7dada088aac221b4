import { Node, parseTree, ParseError as JsoncError } from 'jsonc-parser';
import { SPEC_FIELDS } from '../engine';
import { LiteralItem, parseLiterals } from './literalParser';
import { nodeLocator, nodeValue } from './locate';
import { EMPTY_SELECTION, MAX_NESTING, quoteText, TOO_DEEP, WHAT_TO_SELECT } from './messages';
import { tooDeep } from './scan';
import { scanned } from './scanWork';
import { readStrictJson } from './strictJson';
import { rangeEnd, unionRange } from './position';
import { INTEGER_PARAMETERS, isUnsafeInteger } from './vocabulary';
import type { MatrixLiteral, Parsed, ParseError, SelectionContent, SpecLiteral, TextRange } from './types';

export const rangeOf = (node: Node): TextRange => ({ offset: node.offset, length: node.length });
export const failure = (message: string, range: TextRange): { ok: false; error: ParseError } => ({
  ok: false,
  error: { message, range },
});

/**
 * Plain JSON/JSONC goes through jsonc-parser, the reference for that syntax; anything it rejects (Python, two
 * matrices, NaN) goes to our parser, which accepts a superset and so also gives the message for real mistakes.
 */
export function parseItems(text: string): Parsed<LiteralItem[]> {
  const deep = tooDeep(text, MAX_NESTING);
  if (deep >= 0) return failure(TOO_DEEP, { offset: deep, length: 1 });
  const errors: JsoncError[] = [];
  let root: Node | undefined;
  scanned.characters += text.length;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    // Its error recovery may recurse through brackets the depth check took for a Python string; ours is bounded.
    root = undefined;
  }
  if (root && errors.length === 0) return { ok: true, value: [{ node: root }] };
  const parsed = parseLiterals(text);
  return parsed.ok ? { ok: true, value: parsed.items } : parsed;
}

const SPEC_FIELD_SET: ReadonlySet<string> = new Set(SPEC_FIELDS);

/**
 * The first number that is not finite (NaN, inf, 1e999) under `node`, named like the engine names elements
 * (`input[0][1]`). Checked here because one or two bare matrices never reach the engine, and the engine prints a
 * NaN stride as "null". With `matrix`, an object inside (a list of spec objects) is refused too.
 */
function checkValues(text: string, node: Node, label: string, matrix: boolean): ParseError | undefined {
  if (node.type === 'number' && !Number.isFinite(node.value)) {
    const written = text.slice(node.offset, rangeEnd(node));
    const shown = written === String(node.value) ? '' : ` (written ${quoteText(text, node)})`;
    return { message: `${label} is ${node.value}${shown}; only finite numbers are allowed.`, range: rangeOf(node) };
  }
  if (node.type === 'object' && matrix) {
    return {
      message: 'This list holds objects: select one spec object, one matrix, or two matrices (input then kernel).',
      range: rangeOf(node),
    };
  }
  const children = node.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const [key, value] = child.type === 'property' ? (child.children ?? []) : [undefined, child];
    if (!value) continue;
    const found = checkValues(text, value, key ? `${label}.${String(key.value)}` : `${label}[${i}]`, matrix);
    if (found) return found;
  }
  return undefined;
}

/**
 * The first integer of an integer parameter (`stride: 2` or `dilation: [1, 2]`) past 2^53 - 1: a float64 cannot
 * hold its digits, so it was rounded when read and the sizes computed from it would be wrong.
 */
function checkSafeIntegers(text: string, node: Node, label: string): ParseError | undefined {
  const values =
    node.type === 'array'
      ? (node.children ?? []).map((child, i) => [child, `${label}[${i}]`] as const)
      : [[node, label] as const];
  for (const [value, name] of values) {
    if (!isUnsafeInteger(value.value)) continue;
    return {
      message: `${name} is ${quoteText(text, value)}: integer parameters must lie within ±${Number.MAX_SAFE_INTEGER} (2^53 - 1), the largest integers a float64 holds exactly.`,
      range: rangeOf(value),
    };
  }
  return undefined;
}

function matrixLiteral(text: string, item: LiteralItem): MatrixLiteral {
  return {
    value: nodeValue(item.node),
    range: rangeOf(item.node),
    locate: nodeLocator(item.node, text.length),
    ...(item.name !== undefined && { name: item.name }),
  };
}

/** A spec object's node, its spec fields checked for numbers that are not finite. */
export function specLiteral(text: string, node: Node): Parsed<SpecLiteral> {
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value || !SPEC_FIELD_SET.has(String(key.value))) continue; // `name`, `expected`, ... are not read
    const bad =
      checkValues(text, value, String(key.value), false) ??
      (INTEGER_PARAMETERS.has(String(key.value)) ? checkSafeIntegers(text, value, String(key.value)) : undefined);
    if (bad) return { ok: false, error: bad };
  }
  const spec = nodeValue(node) as Record<string, unknown>;
  return { ok: true, value: { spec, range: rangeOf(node), locate: nodeLocator(node, text.length) } };
}

/**
 * What a selection holds: a spec object, two matrices (input then kernel) or one matrix, written as JSON/JSONC,
 * Python lists, `np.array(...)`/`torch.tensor(...)` (optionally `name = ...`) or a Python dict. Every error names
 * the problem and the range (relative to `text`) of the token it is about.
 */
export function readSelection(text: string): Parsed<SelectionContent> {
  if (text.trim() === '') return failure(EMPTY_SELECTION, { offset: 0, length: text.length });
  const strict = readStrictJson(text);
  if (strict) return { ok: true, value: strict };
  const parsed = parseItems(text);
  if (!parsed.ok) return parsed;
  const items = parsed.value;
  if (items.length === 0)
    return failure(`The selection holds only comments. ${WHAT_TO_SELECT}.`, { offset: 0, length: text.length });

  const scalar = items.find((item) => item.node.type !== 'array' && item.node.type !== 'object');
  if (scalar) return failure(`${WHAT_TO_SELECT}; found ${quoteText(text, scalar.node)}.`, rangeOf(scalar.node));

  if (items.some((item) => item.node.type === 'object')) {
    if (items.length > 1)
      return failure('Select the spec object on its own, without other values next to it.', rangeOf(items[1].node));
    const spec = specLiteral(text, items[0].node);
    return spec.ok ? { ok: true, value: { kind: 'spec', spec: spec.value } } : spec;
  }

  if (items.length > 2) {
    const extra = unionRange(rangeOf(items[2].node), rangeOf(items[items.length - 1].node));
    return failure(`Found ${items.length} matrices: select one matrix, or two (input then kernel).`, extra);
  }
  const labels = items.length === 1 ? [items[0].name ?? 'matrix'] : ['input', 'kernel'];
  for (let i = 0; i < items.length; i++) {
    const bad = checkValues(text, items[i].node, labels[i], true);
    if (bad) return { ok: false, error: bad };
  }
  const [first, second] = items.map((item) => matrixLiteral(text, item));
  return {
    ok: true,
    value: second ? { kind: 'pair', input: first, kernel: second } : { kind: 'single', matrix: first },
  };
}
