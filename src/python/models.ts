/**
 * The models in a document and the order they apply their layers: an `nn.Sequential(...)` (nested Sequentials and
 * an `OrderedDict` of named layers flattened in order), and an `nn.Module` subclass whose `forward` applies the
 * modules its `__init__` sets (`x = F.relu(self.bn1(self.conv1(x)))` applies conv1, bn1, then relu).
 */
import { declaredInput } from './inputComment';
import type { Qualify } from './imports';
import type { LayerCall, Model, ModelStep, OutputSizeRequest } from './layer';
import { flattenMethod } from './tensorMethods';
import { enclosing, namedChildrenOf, spanOf, type Node } from './syntax';
import type { Values } from './values';

const SEQUENTIAL = 'torch.nn.Sequential';
const MODULE = 'torch.nn.Module';
const ORDERED_DICT = 'collections.OrderedDict';

export interface ModelContext {
  text: string;
  qualify: Qualify;
  values: Values;
  /** The layer read at a call node, when the call is one. */
  layerAt(call: Node): LayerCall | undefined;
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
    if (argument.type === 'call' && isCallTo(argument, SEQUENTIAL, context)) {
      steps.push(...sequentialSteps(argument, context, attribute));
    } else if (argument.type === 'call' && isCallTo(argument, ORDERED_DICT, context)) {
      steps.push(...orderedDictSteps(argument, context));
    } else {
      steps.push({ call: moduleCall(argument, context), ...(attribute && { attribute }), hintAt: argument.endIndex });
    }
  }
  return steps;
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
function moduleCall(node: Node, context: ModelContext): LayerCall {
  const known = node.type === 'call' ? context.layerAt(node) : undefined;
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

/** `self.<attribute>` -> the steps its module applies, from `__init__`'s assignments. */
function modulesOf(init: Node, context: ModelContext): Map<string, (hintAt?: number) => ModelStep[]> {
  const modules = new Map<string, (hintAt?: number) => ModelStep[]>();
  for (const assignment of init.descendantsOfType('assignment')) {
    const left = assignment?.childForFieldName('left');
    const right = assignment?.childForFieldName('right');
    const attribute = left?.type === 'attribute' && left.childForFieldName('object')?.text === 'self';
    if (!left || !right || !attribute || right.type !== 'call') continue;
    const name = left.childForFieldName('attribute')?.text ?? '';
    if (isCallTo(right, SEQUENTIAL, context)) {
      const steps = sequentialSteps(right, context, name);
      modules.set(name, () => steps);
    } else {
      const call = moduleCall(right, context);
      modules.set(name, (hintAt = right.endIndex) => [{ call, attribute: name, hintAt }]);
    }
  }
  return modules;
}

function classModel(cls: Node, statement: Node, context: ModelContext): Model | undefined {
  const init = methodNamed(cls, '__init__');
  const forward = methodNamed(cls, 'forward');
  const body = forward?.childForFieldName('body');
  if (!init || !body) return undefined;
  const modules = modulesOf(init, context);
  const steps: ModelStep[] = [];
  for (const statement of forwardStatements(body)) {
    for (const call of callsInOrder(statement)) {
      const callee = call.childForFieldName('function');
      const self = callee?.type === 'attribute' && callee.childForFieldName('object')?.text === 'self';
      const module = self ? modules.get(callee.childForFieldName('attribute')?.text ?? '') : undefined;
      if (module) {
        const applied = module(statement.endIndex);
        const outputSize = outputSizeOf(call, context.values);
        // Only a ConvTranspose's forward takes a size; a Sequential's would refuse it (left unread).
        steps.push(...(outputSize && applied.length === 1 ? [{ ...applied[0], outputSize }] : applied));
        continue;
      }
      const layer = context.layerAt(call) ?? flattenMethod(call, context.values);
      if (layer) steps.push({ call: layer, hintAt: statement.endIndex });
    }
  }
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

/** forward's simple statements in the order written, through `if`/`for`/`with` blocks (nested functions aside). */
function forwardStatements(block: Node): Node[] {
  return namedChildrenOf(block).flatMap((statement) => {
    if (statement.type === 'function_definition' || statement.type === 'class_definition') return [];
    const blocks = namedChildrenOf(statement).flatMap((child) =>
      child.type === 'block' ? [child] : namedChildrenOf(child).filter((grand) => grand.type === 'block'),
    );
    return blocks.length ? blocks.flatMap(forwardStatements) : [statement];
  });
}

/** The calls of a statement in the order Python evaluates them: arguments and receivers end before their call. */
const callsInOrder = (statement: Node): Node[] =>
  statement
    .descendantsOfType('call')
    .filter((call): call is Node => !!call)
    .sort((a, b) => a.endIndex - b.endIndex);
