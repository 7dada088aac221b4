/**
 * The modules a list of layers holds where `nn.Sequential(*layers)` unpacks it or `nn.ModuleList(layers)` takes it,
 * read from the code that builds it without running it: `layers = [...]`, then `layers.append(...)`,
 * `layers += [...]` and `layers.extend([...])` in straight-line code, and `for` loops over `range(n)` or a list that
 * add to it (each pass read with the loop's names bound). Anything else that touches the list (an `if`, a `while`,
 * `layers.insert(...)`, a comprehension) is named, with where it is, rather than guessed past.
 */
import type { Qualify } from './imports';
import type { TextSpan } from './layer';
import { namedChildrenOf, spanOf, type Node } from './syntax';
import type { Value, Values } from './values';

/** A module the list holds: the expression that builds it, and the loop names bound when it was added. */
export interface ListedModule {
  node: Node;
  names: ReadonlyMap<string, Value>;
}

export type ListReading = { modules: ListedModule[] } | { unreadable: string; span: TextSpan };

export interface ListContext {
  qualify: Qualify;
  values: Values;
  /** Told when the list is built by other top-level statements than the one using it. */
  readsOtherStatements(): void;
}

const MODULE_LIST = 'torch.nn.ModuleList';
/** A loop of more passes than this is not unrolled (its layers would swamp the hints anyway). */
const MAX_PASSES = 256;

/** Why the list cannot be read, and where. */
class NotFollowed extends Error {
  constructor(
    readonly why: string,
    readonly span: TextSpan,
  ) {
    super(why);
  }
}

/**
 * The modules of a list as it stands where `use` is: a list written out (`[nn.ReLU(), ...]`), or a name (`layers`,
 * `self.blocks`) built by the statements before it in the same function, or at the module's top level.
 */
export function listedModules(use: Node, context: ListContext): ListReading {
  try {
    if (use.type === 'list' || use.type === 'tuple') return { modules: elements(use, new Map()) };
    if (use.type !== 'identifier' && use.type !== 'attribute')
      throw new NotFollowed(`ConvLens reads a list of layers by its name, not \`${use.text}\``, spanOf(use));
    return { modules: builtBefore(use, context) };
  } catch (error) {
    if (!(error instanceof NotFollowed)) throw error;
    return { unreadable: error.why, span: error.span };
  }
}

/**
 * The modules of `self.<name> = nn.ModuleList(...)` (the statement `assigned`, directly in `__init__`'s body), with
 * what the statements after it in `__init__` append.
 */
export function moduleListModules(assigned: Node, context: ListContext): ListReading {
  const block = assigned.parent;
  const target = assigned.firstNamedChild?.childForFieldName('left');
  if (!block || !target) return { modules: [] };
  const statements = namedChildrenOf(block);
  try {
    return { modules: new ListBuilder(target.text, context).read(statements.slice(indexIn(statements, assigned))) };
  } catch (error) {
    if (!(error instanceof NotFollowed)) throw error;
    return { unreadable: error.why, span: error.span };
  }
}

function elements(list: Node, names: ReadonlyMap<string, Value>): ListedModule[] {
  return namedChildrenOf(list)
    .filter((node) => node.type !== 'comment')
    .map((node) => ({ node, names }));
}

/** The statements from the list's last assignment to just before `use`, in the innermost scope that assigns it. */
function builtBefore(use: Node, context: ListContext): ListedModule[] {
  const name = use.text;
  for (let holder: Node | null = use; holder?.parent; holder = holder.parent) {
    const scope = holder.parent;
    if (scope.type !== 'block' && scope.type !== 'module') continue;
    const statements = namedChildrenOf(scope);
    const before = statements.slice(0, indexIn(statements, holder));
    let start = before.length - 1;
    while (start >= 0 && assignedName(before[start]) !== name) start--;
    if (start < 0) continue;
    if (scope.type === 'module') context.readsOtherStatements();
    return new ListBuilder(name, context).read(before.slice(start));
  }
  throw new NotFollowed(`ConvLens does not see where \`${name}\` is built`, spanOf(use));
}

/** Where a node is among its siblings (tree-sitter hands out a new object for a node at each visit). */
const indexIn = (siblings: readonly Node[], node: Node): number => siblings.findIndex((s) => s.id === node.id);

/** The name a statement `name = ...` assigns (`layers`, `self.blocks`). */
function assignedName(statement: Node): string | undefined {
  const assignment = statement.type === 'expression_statement' ? statement.firstNamedChild : null;
  return assignment?.type === 'assignment' ? assignment.childForFieldName('left')?.text : undefined;
}

/** Whether a statement names the list anywhere (an attribute's own name aside: `layers` is not `self.layers`). */
function mentions(statement: Node, name: string): boolean {
  const named = (node: Node): boolean =>
    node.text === name &&
    !(node.parent?.type === 'attribute' && node.parent.childForFieldName('attribute')?.id === node.id);
  return [...statement.descendantsOfType(['identifier', 'attribute'])].some((node) => !!node && named(node));
}

const lineOf = (node: Node): string => `line ${node.startPosition.row + 1}`;

/** Follows the statements that build one list, in order, binding the names loops and assignments set. */
class ListBuilder {
  private modules: ListedModule[] = [];
  private names = new Map<string, Value>();

  constructor(
    private readonly name: string,
    private readonly context: ListContext,
  ) {}

  read(statements: readonly Node[]): ListedModule[] {
    for (const statement of statements) this.statement(statement, false);
    return this.modules;
  }

  private value(node: Node): Value | undefined {
    return this.context.values.withNames(this.names, () => this.context.values.of(node));
  }

  private notFollowed(node: Node): NotFollowed {
    const shown = node.text.split('\n')[0];
    return new NotFollowed(
      `\`${this.name}\` is changed by \`${shown}\` (${lineOf(node)}), which ConvLens does not follow`,
      spanOf(node),
    );
  }

  private statement(statement: Node, inLoop: boolean): void {
    if (statement.type === 'comment' || statement.type === 'pass_statement') return;
    if (statement.type === 'for_statement' && mentions(statement, this.name)) return this.loop(statement);
    const expression = statement.type === 'expression_statement' ? statement.firstNamedChild : null;
    if (expression?.type === 'assignment') return this.assignment(statement, expression);
    if (expression?.type === 'augmented_assignment' && expression.childForFieldName('left')?.text === this.name) {
      const right = expression.childForFieldName('right');
      if (expression.childForFieldName('operator')?.text !== '+=' || !right) throw this.notFollowed(statement);
      return this.add(right, statement);
    }
    if (expression?.type === 'call' && this.method(expression)) return;
    // A loop's body may only add to the list and bind names: anything else could change what the next pass does.
    if (inLoop || mentions(statement, this.name)) throw this.notFollowed(statement);
  }

  /** `layers = [...]` starts the list again; `c = 2 * c` binds a name the next layers may use. */
  private assignment(statement: Node, assignment: Node): void {
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (!left || !right) throw this.notFollowed(statement);
    if (left.text === this.name) {
      this.modules = [];
      return this.start(right, statement);
    }
    if (mentions(right, this.name)) throw this.notFollowed(statement);
    if (left.type !== 'identifier') return;
    const value = this.value(right);
    if (value === undefined) this.names.delete(left.text);
    else this.names.set(left.text, value);
  }

  /** `[...]`, `[]`, `list()`, `nn.ModuleList()` or `nn.ModuleList([...])`. */
  private start(right: Node, statement: Node): void {
    if (right.type === 'list') return this.add(right, statement);
    const callee = right.type === 'call' ? right.childForFieldName('function') : null;
    const args = namedChildrenOf(right.childForFieldName('arguments') ?? right).filter((n) => n.type !== 'comment');
    const empty = args.length === 0;
    if (callee?.text === 'list' && empty) return;
    if (callee && this.context.qualify(callee) === MODULE_LIST) {
      if (empty) return;
      if (args.length === 1) return this.add(args[0], statement);
    }
    throw this.notFollowed(statement);
  }

  /** `layers.append(m)`, `layers.extend([...])`. */
  private method(call: Node): boolean {
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'attribute' || callee.childForFieldName('object')?.text !== this.name) return false;
    const args = namedChildrenOf(call.childForFieldName('arguments') ?? call).filter((n) => n.type !== 'comment');
    const method = callee.childForFieldName('attribute')?.text;
    if (args.length !== 1 || args[0].type === 'keyword_argument' || (method !== 'append' && method !== 'extend'))
      throw this.notFollowed(call);
    if (method === 'append') this.modules.push({ node: args[0], names: new Map(this.names) });
    else this.add(args[0], call);
    return true;
  }

  /** The modules of a list written out, or of another list read the same way (`layers += block`). */
  private add(list: Node, statement: Node): void {
    if (list.type === 'list' || list.type === 'tuple') {
      this.modules.push(...elements(list, new Map(this.names)));
      return;
    }
    if (list.type !== 'identifier') throw this.notFollowed(statement);
    const other = builtBefore(list, this.context);
    this.modules.push(...other);
  }

  /** `for i in range(3):` or `for c in [16, 32]:` (or `for a, b in ...`): the body read once per pass. */
  private loop(statement: Node): void {
    const left = statement.childForFieldName('left');
    const right = statement.childForFieldName('right');
    const body = statement.childForFieldName('body');
    const passes = right && this.passes(right);
    if (!left || !body || !passes || statement.childForFieldName('alternative'))
      throw new NotFollowed(
        `\`${this.name}\` is built by a loop (${lineOf(statement)}) over \`${right?.text ?? ''}\`: ConvLens reads a \`for\` over \`range(n)\` or a list of values`,
        spanOf(right ?? statement),
      );
    const targets = left.type === 'identifier' ? [left] : namedChildrenOf(left);
    if (targets.some((target) => target.type !== 'identifier')) throw this.notFollowed(statement);
    for (const pass of passes) {
      const values = targets.length === 1 && left.type === 'identifier' ? [pass] : pass;
      if (!Array.isArray(values) || values.length !== targets.length) throw this.notFollowed(statement);
      targets.forEach((target, i) => this.names.set(target.text, (values as Value[])[i]));
      for (const inner of namedChildrenOf(body)) this.statement(inner, true);
    }
  }

  /** The values a loop takes: `range(...)` with known ints, or a list or tuple whose values are known. */
  private passes(iterable: Node): readonly Value[] | undefined {
    const callee = iterable.type === 'call' ? iterable.childForFieldName('function') : null;
    if (callee?.text === 'range') {
      const args = namedChildrenOf(iterable.childForFieldName('arguments') ?? iterable).map((n) => this.value(n));
      if (args.length < 1 || args.length > 3 || !args.every((a) => typeof a === 'number' && Number.isInteger(a)))
        return undefined;
      const [start, stop, step] = (args.length === 1 ? [0, args[0], 1] : [...args, 1]) as number[];
      if (step === 0) return undefined;
      const passes: number[] = [];
      for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
        if (passes.length >= MAX_PASSES) return undefined;
        passes.push(i);
      }
      return passes;
    }
    const value = this.value(iterable);
    return Array.isArray(value) && value.length <= MAX_PASSES ? value : undefined;
  }
}
