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

/** A name bound by a statement that ends at `end`. */
interface Binding {
  end: number;
  value: Node;
}

export class Values {
  /** The module's top-level bindings by name, in the order written. */
  private readonly module = new Map<string, Binding[]>();
  /** The module-level names looked up since `enter()`, with the values they had. */
  private looked: Map<string, string> | undefined;
  /** The functions of the statement being read, outermost first: their locals and parameters hide the module's. */
  private functions: FunctionScope[] = [];
  /** Names a loop binds while its body is read (`i` in `for i in range(3)`): they hide every other binding. */
  private loopNames: ReadonlyMap<string, Value> = new Map();

  constructor(
    statements: readonly Node[],
    private readonly qualify: Qualify,
  ) {
    addBindings(this.module, statements);
  }

  /** Starts reading a top-level statement: its functions' scopes, and a record of the module names it reads. */
  enter(statement: Node): void {
    this.looked = new Map();
    this.functions = statement
      .descendantsOfType('function_definition')
      .flatMap((fn) => (fn ? [functionScope(fn)] : []));
  }

  /** The module-level names read since `enter()`, each with its value's text (`undefined` for none). */
  dependencies(): Map<string, string> {
    const looked = this.looked ?? new Map<string, string>();
    this.looked = undefined;
    return looked;
  }

  /** Reads with names bound to values, as one pass of a loop binds them. */
  withNames<T>(names: ReadonlyMap<string, Value>, read: () => T): T {
    const outer = this.loopNames;
    this.loopNames = new Map([...outer, ...names]);
    try {
      return read();
    } finally {
      this.loopNames = outer;
    }
  }

  /** Whether every name still has the value it had for a statement now starting at `start`. */
  unchanged(dependencies: ReadonlyMap<string, string>, start: number): boolean {
    for (const [name, value] of dependencies) if (fingerprint(this.moduleValue(name, start)) !== value) return false;
    return true;
  }

  /** The binding of a name at the module's top level by the last statement that ends before `before`. */
  private moduleBinding(name: string, before: number): Binding | undefined {
    let found: Binding | undefined;
    for (const binding of this.module.get(name) ?? []) if (binding.end <= before) found = binding;
    return found;
  }

  /** The value last bound to a name at the module's top level by a statement that ends before `before`. */
  private moduleValue(name: string, before: number, depth = 0): Value | undefined {
    const found = this.moduleBinding(name, before);
    return found && this.of(found.value, depth + 1);
  }

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
    const looped = this.loopNames.get(node.text);
    if (looped !== undefined) return looped;
    const local = this.localBinding(node);
    if (local !== undefined) return local && this.of(local, depth + 1);
    const value = this.moduleValue(node.text, node.startIndex, depth);
    this.looked?.set(node.text, fingerprint(value));
    return value;
  }

  /** The expression a name is bound to in its function (null for a parameter without a default), if it is there. */
  private localBinding(node: Node): Node | null | undefined {
    const at = node.startIndex;
    for (let i = this.functions.length - 1; i >= 0; i--) {
      const scope = this.functions[i];
      if (at < scope.start || at >= scope.end) continue;
      let local: Binding | undefined;
      for (const binding of scope.bindings.get(node.text) ?? []) if (binding.end <= at) local = binding;
      if (local) return local.value;
      const parameter = scope.parameters.get(node.text);
      if (parameter !== undefined) return parameter;
    }
    return undefined;
  }

  /** Whether a sequence is written as a list (`[64, 64]`, or a name bound to one) rather than a tuple. */
  isList(node: Node, depth = 0): boolean {
    if (depth > MAX_DEPTH) return false;
    if (node.type === 'list') return true;
    const inner =
      node.type === 'parenthesized_expression'
        ? node.firstNamedChild
        : node.type === 'binary_operator'
          ? node.childForFieldName('left')
          : node.type === 'identifier'
            ? (this.localBinding(node) ?? this.moduleBinding(node.text, node.startIndex)?.value)
            : undefined;
    return !!inner && this.isList(inner, depth + 1);
  }
}

const fingerprint = (value: Value | undefined): string => (value === undefined ? 'undefined' : JSON.stringify(value));

function stringValue(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  const parts = namedChildrenOf(node);
  if (parts.some((part) => part.type === 'interpolation')) return undefined; // an f-string's value is not known
  return parts
    .filter((part) => part.type === 'string_content')
    .map((part) => part.text)
    .join('');
}

/** The names a statement binds and the expressions it binds them to (`a = ...`, `a, b = ..., ...`). */
function bindingsOf(statement: Node): [string, Node][] {
  const assignment = statement.type === 'expression_statement' ? statement.firstNamedChild : null;
  if (assignment?.type !== 'assignment') return [];
  const left = assignment.childForFieldName('left');
  const right = assignment.childForFieldName('right');
  if (!left || !right) return [];
  if (left.type === 'identifier') return [[left.text, right]];
  if (left.type !== 'pattern_list' && left.type !== 'tuple_pattern') return [];
  const targets = namedChildrenOf(left);
  const values = right.type === 'expression_list' || right.type === 'tuple' ? namedChildrenOf(right) : [];
  if (values.length !== targets.length) return [];
  return targets.flatMap((target, i): [string, Node][] =>
    target.type === 'identifier' ? [[target.text, values[i]]] : [],
  );
}

/** Adds the names each statement binds, in order. */
function addBindings(bindings: Map<string, Binding[]>, statements: readonly Node[]): void {
  for (const statement of statements) {
    for (const [name, value] of bindingsOf(statement)) {
      const list = bindings.get(name) ?? [];
      list.push({ end: statement.endIndex, value });
      bindings.set(name, list);
    }
  }
}

interface FunctionScope {
  start: number;
  end: number;
  /** Its body's own bindings (a local set in a nested block is not read). */
  bindings: Map<string, Binding[]>;
  /** Its parameters, each with its default value or null. */
  parameters: Map<string, Node | null>;
}

function functionScope(fn: Node): FunctionScope {
  const bindings = new Map<string, Binding[]>();
  const body = fn.childForFieldName('body');
  if (body) addBindings(bindings, namedChildrenOf(body));
  const parameters = new Map<string, Node | null>();
  for (const parameter of namedChildrenOf(fn.childForFieldName('parameters') ?? fn)) {
    if (parameter.type === 'identifier') parameters.set(parameter.text, null);
    else if (parameter.type === 'typed_parameter') parameters.set(parameter.firstNamedChild?.text ?? '', null);
    else if (parameter.type === 'default_parameter' || parameter.type === 'typed_default_parameter')
      parameters.set(parameter.childForFieldName('name')?.text ?? '', parameter.childForFieldName('value'));
  }
  return { start: fn.startIndex, end: fn.endIndex, bindings, parameters };
}
