/**
 * The models in a document and the order they apply their layers: an `nn.Sequential(...)` (nested Sequentials, an
 * `OrderedDict` of named layers and a list unpacked with `*layers` flattened in order), and an `nn.Module` subclass
 * whose `forward` applies the modules its `__init__` sets (`x = F.relu(self.bn1(self.conv1(x)))` applies conv1, bn1,
 * then relu; `for block in self.blocks: x = block(x)` applies an `nn.ModuleList`'s modules in turn).
 */
import { declaredInput } from './inputComment';
import type { LayerCall, Model, ModelStep, OutputSizeRequest } from './layer';
import { listedModules, moduleListModules, type ListContext, type ListReading } from './layerLists';
import { flattenMethod } from './tensorMethods';
import { enclosing, namedChildrenOf, spanOf, type Node } from './syntax';
import type { Value, Values } from './values';

const SEQUENTIAL = 'torch.nn.Sequential';
const MODULE = 'torch.nn.Module';
const ORDERED_DICT = 'collections.OrderedDict';
const MODULE_LIST = 'torch.nn.ModuleList';

export interface ModelContext extends ListContext {
  text: string;
  /** The layer read at a call node, when the call is one; with a loop's names bound when they are given. */
  layerAt(call: Node, names?: ReadonlyMap<string, Value>): LayerCall | undefined;
}

/**
 * The models a top-level statement defines: an `nn.Module` subclass, or the outermost Sequentials elsewhere in it
 * (`model = nn.Sequential(...)`, a function returning one).
 */
export function statementModels(statement: Node, context: ModelContext): Model[] {
  const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  const model =
    definition?.type === 'class_definition' && isModuleClass(definition, context)
      ? classModel(definition, statement, context)
      : undefined;
  if (model) return [model]; // without a forward (yet), its Sequentials are models of their own
  const isSequential = (node: Node): boolean => node.type === 'call' && isCallTo(node, SEQUENTIAL, context);
  return statement
    .descendantsOfType('call')
    .filter((call): call is Node => !!call && isSequential(call) && !insideSequential(call, isSequential))
    .map((call) => ({
      name: sequentialName(call),
      span: spanOf(call),
      steps: sequentialSteps(call, context),
      ...withInput(context.text, statementOf(call).startIndex),
    }));
}

function isCallTo(call: Node, qualified: string, context: ModelContext): boolean {
  const callee = call.childForFieldName('function');
  return !!callee && context.qualify(callee) === qualified;
}

function isModuleClass(cls: Node, context: ModelContext): boolean {
  const bases = cls.childForFieldName('superclasses');
  return !!bases && namedChildrenOf(bases).some((base) => context.qualify(base) === MODULE);
}

/** A Sequential given to another Sequential (directly, or in an OrderedDict) is read as part of it. */
function insideSequential(call: Node, isSequential: (node: Node) => boolean): boolean {
  for (let up = call.parent; up; up = up.parent) {
    if (isSequential(up)) return true;
    if (up.type.endsWith('statement') || up.type === 'block') return false;
  }
  return false;
}

/** The statement holding a node (the whole assignment for `model = nn.Sequential(...)`). */
function statementOf(node: Node): Node {
  let statement = node;
  while (statement.parent && statement.parent.type !== 'block' && statement.parent.type !== 'module')
    statement = statement.parent;
  return statement;
}

function sequentialName(call: Node): string {
  const assignment = call.parent?.type === 'assignment' ? call.parent : undefined;
  const target = assignment?.childForFieldName('left');
  if (target) return target.text;
  const fn = enclosing(call, ['function_definition']);
  return fn?.childForFieldName('name')?.text ?? 'Sequential';
}

function withInput(text: string, start: number): Pick<Model, 'input'> {
  const input = declaredInput(text, start);
  return input ? { input } : {};
}

/** The layers of a Sequential in order, each hinted at the end of its expression. */
function sequentialSteps(call: Node, context: ModelContext, attribute?: string): ModelStep[] {
  const steps: ModelStep[] = [];
  const argumentList = call.childForFieldName('arguments');
  for (const argument of argumentList ? namedChildrenOf(argumentList) : []) {
    if (argument.type === 'comment') continue;
    if (argument.type === 'list_splat') {
      const list = argument.firstNamedChild;
      steps.push(...listSteps(list ? listedModules(list, context) : undefined, argument, context, attribute));
    } else if (argument.type === 'call' && isCallTo(argument, SEQUENTIAL, context)) {
      steps.push(...sequentialSteps(argument, context, attribute));
    } else if (argument.type === 'call' && isCallTo(argument, ORDERED_DICT, context)) {
      steps.push(...orderedDictSteps(argument, context));
    } else {
      steps.push({ call: moduleCall(argument, context), ...(attribute && { attribute }), hintAt: argument.endIndex });
    }
  }
  return steps;
}

/**
 * The modules of a list, each hinted where it is written (a loop's once per pass); an unread list is one unresolved
 * step saying why, so no shape is guessed past it.
 */
function listSteps(
  reading: ListReading | undefined,
  written: Node,
  context: ModelContext,
  attribute?: string,
): ModelStep[] {
  if (!reading || 'unreadable' in reading) {
    const why = reading?.unreadable ?? `ConvLens cannot read \`${written.text}\``;
    const layer = { unresolved: why, span: reading?.span ?? spanOf(written) };
    const call = { ...moduleCall(written, context), layer };
    return [{ call, ...(attribute && { attribute }), hintAt: written.endIndex }];
  }
  return reading.modules.map(({ node, names }) => ({
    call: moduleCall(node, context, names),
    ...(attribute && { attribute }),
    hintAt: node.endIndex,
  }));
}

/** `OrderedDict([('conv1', nn.Conv2d(...)), ...])`: the named layers in order, the name as the attribute. */
function orderedDictSteps(call: Node, context: ModelContext): ModelStep[] {
  const items = call.childForFieldName('arguments')?.firstNamedChild;
  if (!items || (items.type !== 'list' && items.type !== 'tuple'))
    return [{ call: moduleCall(call, context), hintAt: call.endIndex }];
  return namedChildrenOf(items).flatMap((item) => {
    const [key, module] = item.type === 'tuple' ? namedChildrenOf(item) : [];
    if (!key || !module) return [{ call: moduleCall(item, context), hintAt: item.endIndex }];
    const attribute = key.type === 'string' ? key.text.slice(1, -1) : key.text;
    return [{ call: moduleCall(module, context), attribute, hintAt: module.endIndex }];
  });
}

/** The layer a module expression builds, or an unresolved stand-in for one ConvLens does not know (`Block(64)`). */
function moduleCall(node: Node, context: ModelContext, names?: ReadonlyMap<string, Value>): LayerCall {
  const known = node.type === 'call' ? context.layerAt(node, names) : undefined;
  if (known) return known;
  const callee = node.type === 'call' ? (node.childForFieldName('function') ?? node) : node;
  return {
    torchName: callee.text,
    functional: false,
    span: spanOf(node),
    calleeSpan: spanOf(callee),
    args: {},
    layer: { unresolved: callee.text, span: spanOf(node) },
  };
}

function methodNamed(cls: Node, name: string): Node | undefined {
  const body = cls.childForFieldName('body');
  for (const statement of body ? namedChildrenOf(body) : []) {
    const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === name) return fn;
  }
  return undefined;
}

interface InitModules {
  /** `self.<attribute>` -> the steps calling it applies. */
  called: Map<string, (hintAt?: number) => ModelStep[]>;
  /** `self.<attribute>` -> an `nn.ModuleList`'s modules, each one step, for a loop over it. */
  listed: Map<string, ModelStep[]>;
}

/** The modules `__init__` sets on `self`, from its assignments. */
function modulesOf(init: Node, context: ModelContext): InitModules {
  const modules = new Map<string, (hintAt?: number) => ModelStep[]>();
  const listed = new Map<string, ModelStep[]>();
  for (const assignment of init.descendantsOfType('assignment')) {
    const left = assignment?.childForFieldName('left');
    const right = assignment?.childForFieldName('right');
    const attribute = left?.type === 'attribute' && left.childForFieldName('object')?.text === 'self';
    if (!left || !right || !attribute || right.type !== 'call') continue;
    const name = left.childForFieldName('attribute')?.text ?? '';
    if (isCallTo(right, MODULE_LIST, context)) {
      const statement = assignment?.parent;
      const direct = statement?.parent?.parent?.id === init.id; // in __init__'s own body, not a branch of it
      const reading = statement && direct ? moduleListModules(statement, context) : undefined;
      listed.set(name, listSteps(reading, right, context, name));
    } else if (isCallTo(right, SEQUENTIAL, context)) {
      const steps = sequentialSteps(right, context, name);
      modules.set(name, () => steps);
    } else {
      const call = moduleCall(right, context);
      modules.set(name, (hintAt = right.endIndex) => [{ call, attribute: name, hintAt }]);
    }
  }
  return { called: modules, listed };
}

function classModel(cls: Node, statement: Node, context: ModelContext): Model | undefined {
  const init = methodNamed(cls, '__init__');
  const forward = methodNamed(cls, 'forward');
  const body = forward?.childForFieldName('body');
  if (!init || !body) return undefined;
  const { called, listed } = modulesOf(init, context);
  const listLoop = (statement: Node): ModuleLoop | undefined => moduleLoop(statement, listed);
  const steps: ModelStep[] = [];
  /** forward's statements, with `layer` standing for one module of a ModuleList when a loop over it binds it. */
  const apply = (statements: Node[], bound?: { name: string; step: ModelStep }): void => {
    for (const statement of statements) {
      const loop = listLoop(statement);
      if (loop) {
        for (const step of loop.steps) apply(forwardStatements(loop.body, listLoop), { name: loop.variable, step });
        continue;
      }
      applyCalls(statement, bound);
    }
  };
  const applyCalls = (statement: Node, bound?: { name: string; step: ModelStep }): void => {
    for (const call of callsInOrder(statement)) {
      const callee = call.childForFieldName('function');
      if (bound && callee?.type === 'identifier' && callee.text === bound.name) {
        steps.push(bound.step);
        continue;
      }
      const self = callee?.type === 'attribute' && callee.childForFieldName('object')?.text === 'self';
      const module = self ? called.get(callee.childForFieldName('attribute')?.text ?? '') : undefined;
      if (module) {
        const applied = module(statement.endIndex).map((step) => ({ ...step, appliedAt: call.startIndex }));
        const outputSize = outputSizeOf(call, context.values);
        // Only a ConvTranspose's forward takes a size; a Sequential's would refuse it (left unread).
        steps.push(...(outputSize && applied.length === 1 ? [{ ...applied[0], outputSize }] : applied));
        continue;
      }
      const layer = context.layerAt(call) ?? flattenMethod(call, context.values);
      if (layer) steps.push({ call: layer, hintAt: statement.endIndex });
    }
  };
  apply(forwardStatements(body, listLoop));
  return {
    name: cls.childForFieldName('name')?.text ?? '',
    span: spanOf(cls),
    steps,
    ...withInput(context.text, statement.startIndex),
  };
}

/**
 * `self.up(x, output_size=(64, 64))` or `self.up(x, [1, 32, 64, 64])`: the size a module's forward is asked for, with
 * unknown sizes when the code does not say them (`output_size=skip.shape`).
 */
function outputSizeOf(call: Node, values: Values): OutputSizeRequest | undefined {
  const argumentList = call.childForFieldName('arguments');
  const written = argumentList ? namedChildrenOf(argumentList).filter((node) => node.type !== 'comment') : [];
  const keyword = written.find(
    (node) => node.type === 'keyword_argument' && node.childForFieldName('name')?.text === 'output_size',
  );
  const node = keyword
    ? keyword.childForFieldName('value')
    : written[1]?.type === 'keyword_argument'
      ? null
      : written[1];
  if (!node) return undefined;
  const value = values.of(node);
  if (value === null) return undefined; // output_size=None: the layer's own output_padding
  const span = spanOf(node);
  if (typeof value === 'number' && Number.isInteger(value)) return { sizes: [value], form: 'int', span };
  const sizes = Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v));
  return sizes
    ? { sizes: value as number[], form: values.isList(node) ? 'list' : 'tuple', span }
    : { sizes: null, form: 'tuple', span };
}

/** `for block in self.blocks:` over an `nn.ModuleList` set in `__init__`: its modules, the loop's name and body. */
interface ModuleLoop {
  steps: ModelStep[];
  variable: string;
  body: Node;
}

function moduleLoop(statement: Node, listed: ReadonlyMap<string, ModelStep[]>): ModuleLoop | undefined {
  if (statement.type !== 'for_statement') return undefined;
  const variable = statement.childForFieldName('left');
  const over = statement.childForFieldName('right');
  const body = statement.childForFieldName('body');
  const self = over?.type === 'attribute' && over.childForFieldName('object')?.text === 'self';
  const steps = self ? listed.get(over.childForFieldName('attribute')?.text ?? '') : undefined;
  return steps && body && variable?.type === 'identifier' ? { steps, variable: variable.text, body } : undefined;
}

/**
 * forward's simple statements in the order written, through `if`/`for`/`with` blocks (nested functions aside); a
 * loop over a ModuleList (`kept`) is kept whole, to be read once per module.
 */
function forwardStatements(block: Node, kept: (statement: Node) => unknown): Node[] {
  return namedChildrenOf(block).flatMap((statement) => {
    if (statement.type === 'function_definition' || statement.type === 'class_definition') return [];
    if (kept(statement)) return [statement];
    const blocks = namedChildrenOf(statement).flatMap((child) =>
      child.type === 'block' ? [child] : namedChildrenOf(child).filter((grand) => grand.type === 'block'),
    );
    return blocks.length ? blocks.flatMap((inner) => forwardStatements(inner, kept)) : [statement];
  });
}

/** The calls of a statement in the order Python evaluates them: arguments and receivers end before their call. */
const callsInOrder = (statement: Node): Node[] =>
  statement
    .descendantsOfType('call')
    .filter((call): call is Node => !!call)
    .sort((a, b) => a.endIndex - b.endIndex);
