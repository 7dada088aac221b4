/**
 * The values of the expressions a layer's arguments are written with: literals, tuples and lists, negative numbers,
 * simple arithmetic, and names bound to such values before the call (module constants `K = 3`, `CH = (16, 32)` and
 * `CH[0]`, a local in the same function, a parameter's default). Anything else has no value here: the reader names it.
 */
import type { Qualify } from './imports';
import { namedChildrenOf, type Node } from './syntax';

/** A tensor built with a literal size (`torch.randn(16, 3, 3, 3)`): a functional conv's weight. */
export interface TensorValue {
  tensorShape: number[];
}
export type Value = number | boolean | string | null | readonly Value[] | TensorValue;

export const isTensor = (value: Value): value is TensorValue =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Factories whose positional arguments (or one tuple) are the tensor's size. */
const TENSOR_FACTORIES = new Set(['torch.randn', 'torch.rand', 'torch.zeros', 'torch.ones', 'torch.empty']);

/** Names bound to names bound to ... stop here (and a name never refers to itself through a later binding). */
const MAX_DEPTH = 16;

export class Values {
  constructor(
    private readonly root: Node,
    private readonly qualify: Qualify,
  ) {}

  /** The value of an expression, or undefined when it is not one this reader can know. */
  of(node: Node, depth = 0): Value | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (node.type) {
      case 'integer':
      case 'float': {
        const number = Number(node.text.replace(/_/g, ''));
        return Number.isFinite(number) ? number : undefined;
      }
      case 'true':
        return true;
      case 'false':
        return false;
      case 'none':
        return null;
      case 'string':
        return stringValue(node);
      case 'concatenated_string': {
        const parts = namedChildrenOf(node).map(stringValue);
        return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
      }
      case 'parenthesized_expression': {
        const inner = node.firstNamedChild;
        return inner ? this.of(inner, depth + 1) : undefined;
      }
      case 'tuple':
      case 'list': {
        const items = namedChildrenOf(node).map((item) => this.of(item, depth + 1));
        return items.every((item) => item !== undefined) ? (items as Value[]) : undefined;
      }
      case 'unary_operator': {
        const argument = node.childForFieldName('argument');
        const value = argument && this.of(argument, depth + 1);
        const operator = node.childForFieldName('operator')?.text;
        if (typeof value !== 'number') return undefined;
        return operator === '-' ? -value : operator === '+' ? value : undefined;
      }
      case 'binary_operator':
        return this.arithmetic(node, depth);
      case 'subscript':
        return this.item(node, depth);
      case 'identifier':
        return this.named(node, depth);
      case 'call':
        return this.tensor(node, depth);
      default:
        return undefined;
    }
  }

  private arithmetic(node: Node, depth: number): Value | undefined {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const a = left && this.of(left, depth + 1);
    const b = right && this.of(right, depth + 1);
    const operator = node.childForFieldName('operator')?.text;
    if (Array.isArray(a) && Array.isArray(b) && operator === '+') return [...a, ...b];
    if (typeof a !== 'number' || typeof b !== 'number') return undefined;
    switch (operator) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        return b === 0 ? undefined : a / b;
      case '//':
        return b === 0 ? undefined : Math.floor(a / b);
      case '%':
        return b === 0 ? undefined : a - b * Math.floor(a / b); // Python's modulo takes the divisor's sign
      case '**':
        return a ** b;
      default:
        return undefined;
    }
  }

  /** `CH[0]`, `CH[-1]`. */
  private item(node: Node, depth: number): Value | undefined {
    const container = node.childForFieldName('value');
    const index = node.childForFieldName('subscript');
    const items = container && this.of(container, depth + 1);
    const at = index && this.of(index, depth + 1);
    if (!Array.isArray(items) || typeof at !== 'number' || !Number.isInteger(at)) return undefined;
    return items[at < 0 ? items.length + at : at];
  }

  /** `torch.randn(16, 3, 3, 3)` or `torch.zeros((16, 3, 3, 3))`: a tensor whose size is known. */
  private tensor(node: Node, depth: number): Value | undefined {
    const callee = node.childForFieldName('function');
    if (!callee || !TENSOR_FACTORIES.has(this.qualify(callee) ?? '')) return undefined;
    const sizes = namedChildrenOf(node.childForFieldName('arguments') ?? node).filter(
      (argument) => argument.type !== 'keyword_argument',
    );
    const values = sizes.map((size) => this.of(size, depth + 1));
    const shape = values.length === 1 && Array.isArray(values[0]) ? values[0] : values;
    return shape.every((size) => typeof size === 'number' && Number.isInteger(size))
      ? { tensorShape: shape as number[] }
      : undefined;
  }

  /** A name's value: the last binding before it in its function (a local, a parameter's default), else the module's. */
  private named(node: Node, depth: number): Value | undefined {
    const name = node.text;
    for (let scope = node.parent; scope; scope = scope.parent) {
      if (scope.type !== 'function_definition') continue;
      const body = scope.childForFieldName('body');
      const local = body && lastBinding(body, name, node.startIndex);
      if (local) return this.of(local, depth + 1);
      const parameter = defaultOf(scope, name);
      if (parameter) return this.of(parameter, depth + 1);
    }
    const global = lastBinding(this.root, name, node.startIndex);
    return global ? this.of(global, depth + 1) : undefined;
  }
}

function stringValue(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  const parts = namedChildrenOf(node);
  if (parts.some((part) => part.type === 'interpolation')) return undefined; // an f-string's value is not known
  return parts
    .filter((part) => part.type === 'string_content')
    .map((part) => part.text)
    .join('');
}

/** The value last bound to `name` by a statement of the block before `before` (`a = ...`, `a, b = ...`). */
function lastBinding(block: Node, name: string, before: number): Node | undefined {
  let found: Node | undefined;
  for (const statement of namedChildrenOf(block)) {
    if (statement.startIndex >= before) break;
    const assignment = statement.type === 'expression_statement' ? statement.firstNamedChild : null;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (!left || !right) continue;
    if (left.type === 'identifier' && left.text === name) found = right;
    else if (left.type === 'pattern_list' || left.type === 'tuple_pattern') {
      const targets = namedChildrenOf(left);
      const values = right.type === 'expression_list' || right.type === 'tuple' ? namedChildrenOf(right) : [];
      const at = targets.findIndex((target) => target.type === 'identifier' && target.text === name);
      if (at >= 0 && values.length === targets.length) found = values[at];
    }
  }
  return found;
}

/** A parameter's default value (`def __init__(self, channels=3)`). */
function defaultOf(fn: Node, name: string): Node | undefined {
  for (const parameter of namedChildrenOf(fn.childForFieldName('parameters') ?? fn)) {
    if (parameter.type !== 'default_parameter' && parameter.type !== 'typed_default_parameter') continue;
    if (parameter.childForFieldName('name')?.text === name) return parameter.childForFieldName('value') ?? undefined;
  }
  return undefined;
}
