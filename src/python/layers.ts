/**
 * A layer constructor or functional call, read as PyTorch binds it: positional arguments in the signature's order,
 * keywords by name, defaults filled in, ints expanded to one per axis. An argument without a known value (a name
 * bound at run time, `*args`) leaves the layer unresolved, naming that argument.
 */
import { PADDING_MODES, type PaddingMode, type Rank } from '../engine/ops';
import type { Layer, LayerArgument, LayerCall, TextSpan } from './layer';
import type { Family, Signature } from './signatures';
import { namedChildrenOf, spanOf, type Node } from './syntax';
import { isTensor, type Value, type Values } from './values';

/** The argument (or callee, or call) whose value the reader cannot know. */
class Unreadable extends Error {
  constructor(
    readonly argument: string,
    readonly span: TextSpan,
  ) {
    super(argument);
  }
}

interface Bound {
  node: Node;
  value: Value | undefined;
}

/** The call's arguments by parameter name, and the named arguments' spans for `LayerCall.args`. */
function bind(call: Node, signature: Signature, values: Values): Map<string, Bound> {
  const bound = new Map<string, Bound>();
  if (signature.ignoresArguments) return bound;
  const argumentList = call.childForFieldName('arguments');
  const written = argumentList ? namedChildrenOf(argumentList).filter((node) => node.type !== 'comment') : [];
  let position = 0;
  for (const argument of written) {
    if (argument.type === 'keyword_argument') {
      const name = argument.childForFieldName('name')?.text ?? '';
      const value = argument.childForFieldName('value') ?? argument;
      if (!signature.parameters.some((p) => p.name === name)) throw new Unreadable(name, spanOf(argument));
      bound.set(name, { node: value, value: values.of(value) });
    } else if (argument.type === 'list_splat' || argument.type === 'dictionary_splat') {
      throw new Unreadable(argument.text, spanOf(argument));
    } else {
      const parameter = signature.parameters[position++];
      if (!parameter) throw new Unreadable(argument.text, spanOf(argument)); // more arguments than PyTorch takes
      bound.set(parameter.name, { node: argument, value: values.of(argument) });
    }
  }
  return bound;
}

/** Reads a call whose callee names a known signature. */
export function readLayerCall(call: Node, signature: Signature, values: Values): LayerCall {
  const callee = call.childForFieldName('function') ?? call;
  const base = {
    torchName: signature.torchName,
    functional: signature.functional,
    span: spanOf(call),
    calleeSpan: spanOf(callee),
  };
  let bound: Map<string, Bound>;
  try {
    bound = bind(call, signature, values);
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    return { ...base, args: {}, layer: { unresolved: error.argument, span: error.span } };
  }
  const args: Record<string, LayerArgument> = {};
  for (const [name, { node }] of bound) args[name] = { text: node.text, span: spanOf(node) };
  let layer: LayerCall['layer'];
  try {
    layer = build(signature.family, new Arguments(call, signature, bound), signature.torchName);
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    layer = { unresolved: error.argument, span: error.span };
  }
  return { ...base, args, layer };
}

/** The bound arguments' values, with the signature's defaults, as the types a layer needs. */
class Arguments {
  constructor(
    private readonly call: Node,
    private readonly signature: Signature,
    private readonly bound: Map<string, Bound>,
  ) {}

  value(name: string): Value {
    const bound = this.bound.get(name);
    if (bound) {
      if (bound.value === undefined) throw new Unreadable(name, spanOf(bound.node));
      return bound.value;
    }
    const parameter = this.signature.parameters.find((p) => p.name === name);
    if (parameter?.default === undefined) throw new Unreadable(name, spanOf(this.call)); // a required one is missing
    return parameter.default;
  }

  /** Whether the signature has this parameter (a functional conv's `weight`). */
  has(name: string): boolean {
    return this.signature.parameters.some((p) => p.name === name);
  }

  unreadable(name: string): Unreadable {
    return new Unreadable(name, this.whereWritten(name));
  }

  /** Where the argument is written, or the call when the default applies. */
  private whereWritten(name: string): TextSpan {
    const bound = this.bound.get(name);
    return bound ? spanOf(bound.node) : spanOf(this.call);
  }

  int(name: string): number {
    const value = this.value(name);
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    throw this.unreadable(name);
  }

  bool(name: string): boolean {
    const value = this.value(name);
    if (typeof value === 'boolean') return value;
    throw this.unreadable(name);
  }

  string(name: string): string {
    const value = this.value(name);
    if (typeof value === 'string') return value;
    throw this.unreadable(name);
  }

  /** An int for every axis (PyTorch's `_single`/`_pair`/`_triple`), or a tuple as written. */
  perAxis(name: string, rank: Rank): number[] {
    return this.ints(name, this.value(name), rank);
  }

  private ints(name: string, value: Value, rank: Rank): number[] {
    if (typeof value === 'number' && Number.isInteger(value)) return new Array<number>(rank).fill(value);
    if (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v)))
      return value as number[];
    throw this.unreadable(name);
  }

  /** `stride=None` (the pools' default) means the kernel size. */
  perAxisOr(name: string, rank: Rank, fallback: number[]): number[] {
    const value = this.value(name);
    return value === null ? fallback : this.ints(name, value, rank);
  }

  /** An int or a sequence of ints, `None` entries kept (adaptive pools' output sizes). */
  sizes(name: string, rank: Rank): (number | null)[] {
    const value = this.value(name);
    if (typeof value === 'number' && Number.isInteger(value)) return new Array<number>(rank).fill(value);
    if (Array.isArray(value) && value.every((v) => v === null || (typeof v === 'number' && Number.isInteger(v))))
      return value as (number | null)[];
    throw this.unreadable(name);
  }

  /** A number or a sequence of numbers, as written; undefined for `None`. */
  numbers(name: string): number | number[] | undefined {
    const value = this.value(name);
    if (value === null) return undefined;
    if (typeof value === 'number') return value;
    if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return value as number[];
    throw this.unreadable(name);
  }

  /** A functional conv's weight size, read from a tensor built with a literal size. */
  weightShape(rank: Rank): number[] {
    const value = this.value('weight');
    if (isTensor(value) && value.tensorShape.length === rank + 2) return value.tensorShape;
    throw this.unreadable('weight');
  }
}

function build(family: Family, args: Arguments, torchName: string): Layer {
  switch (family.kind) {
    case 'conv':
      return conv(family.rank, family.transposed, args);
    case 'pool': {
      const kernel = args.perAxis('kernel_size', family.rank);
      return {
        kind: 'pool',
        reduction: family.reduction,
        rank: family.rank,
        kernel,
        stride: args.perAxisOr('stride', family.rank, kernel),
        padding: args.perAxis('padding', family.rank),
        dilation: family.reduction === 'max' ? args.perAxis('dilation', family.rank) : kernel.map(() => 1),
        ceilMode: args.bool('ceil_mode'),
      };
    }
    case 'adaptivePool':
      return {
        kind: 'adaptivePool',
        reduction: family.reduction,
        rank: family.rank,
        outputSize: args.sizes('output_size', family.rank),
      };
    case 'upsample': {
      const size = args.numbers('size');
      const scaleFactor = args.numbers('scale_factor');
      return {
        kind: 'upsample',
        ...(size !== undefined && { size }),
        ...(scaleFactor !== undefined && { scaleFactor }),
        mode: args.string('mode'),
      };
    }
    case 'flatten':
      return { kind: 'flatten', startDim: args.int('start_dim'), endDim: args.int('end_dim') };
    case 'linear':
      return {
        kind: 'linear',
        inFeatures: args.int('in_features'),
        outFeatures: args.int('out_features'),
        bias: args.bool('bias'),
      };
    case 'norm':
      return { kind: 'norm', torchName, rank: family.rank, numFeatures: args.int('num_features') };
    case 'keep':
      return { kind: 'keep', torchName };
  }
}

function conv(rank: Rank, transposed: boolean, args: Arguments): Layer {
  const groups = args.int('groups');
  const written = args.value('padding');
  const padding = written === 'same' || written === 'valid' ? written : args.perAxis('padding', rank);
  const common = {
    kind: 'conv',
    rank,
    transposed,
    stride: args.perAxis('stride', rank),
    padding,
    dilation: args.perAxis('dilation', rank),
    outputPadding: transposed ? args.perAxis('output_padding', rank) : new Array<number>(rank).fill(0),
    groups,
  } as const;
  if (args.has('weight')) {
    // The functional ops read sizes off the weight: [out, in / groups, k...], transposed [in, out / groups, k...].
    const [first, second, ...kernel] = args.weightShape(rank);
    const perGroup = second * groups;
    return {
      ...common,
      inChannels: transposed ? first : perGroup,
      outChannels: transposed ? perGroup : first,
      kernel,
      bias: args.value('bias') !== null,
      paddingMode: 'zeros',
    };
  }
  const paddingMode = args.string('padding_mode');
  if (!(PADDING_MODES as readonly string[]).includes(paddingMode)) throw args.unreadable('padding_mode');
  return {
    ...common,
    inChannels: args.int('in_channels'),
    outChannels: args.int('out_channels'),
    kernel: args.perAxis('kernel_size', rank),
    bias: args.bool('bias'),
    paddingMode: paddingMode as PaddingMode,
  };
}
