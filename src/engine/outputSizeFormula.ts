/** The output-size formulas as mathjs expression trees: their text, with numbers plugged in, evaluated, simplified. */
import {
  ceilDependencies,
  create,
  floorDependencies,
  MathNode,
  parseDependencies,
  resolveDependencies,
  simplifyDependencies,
} from 'mathjs';
import { AxisGeometry } from './geometry';
import { AxisName, isTransposed, Op } from './ops';

/** One axis of a convolution; the input size is unknown for a layer seen without its input. */
export type OutputSizeAxis = Pick<
  AxisGeometry,
  'name' | 'kernel' | 'stride' | 'padBefore' | 'padAfter' | 'dilation' | 'outputPadding'
> & { input?: number };

/** The symbol of each axis's input size. */
const INPUT_SYMBOL: Readonly<Record<AxisName, string>> = {
  length: 'L_in',
  depth: 'D_in',
  height: 'H_in',
  width: 'W_in',
};

export interface OutputSizeExpression {
  /** In symbols: `floor((H_in + 2*padding - dilation*(k - 1) - 1) / stride) + 1`. */
  symbolic: string;
  /** With the axis's numbers plugged in; `H_in` (`L_in`, `D_in`, `W_in`) stays when the input size is unknown. */
  pluggedIn: string;
  /** `pluggedIn` simplified: `floor((H_in - 1) / 2) + 1`, or the size itself when the input size is known. */
  simplified: string;
  /** The output size, when the input size is known. */
  value?: number;
}

const SOURCES = {
  conv: 'floor((H_in + 2*padding - dilation*(k - 1) - 1) / stride) + 1',
  // padding "same" with an odd total pads one more cell after than before.
  convAsymmetric: 'floor((H_in + pad_before + pad_after - dilation*(k - 1) - 1) / stride) + 1',
  transposed: '(H_in - 1)*stride - 2*padding + dilation*(k - 1) + output_padding + 1',
  // Pooling is the conv's formula; ceil_mode rounds up (torch.nn.MaxPool2d docs).
  poolCeil: 'ceil((H_in + 2*padding - dilation*(k - 1) - 1) / stride) + 1',
};

type Formulas = Record<keyof typeof SOURCES, MathNode> & { math: ReturnType<typeof create> };

let built: Formulas | undefined;

/** Built on first use: setting mathjs up (its first parse) costs far more than a hover. */
function formulas(): Formulas {
  if (built) return built;
  const math = create({
    parseDependencies,
    resolveDependencies,
    simplifyDependencies,
    floorDependencies,
    ceilDependencies,
  });
  built = {
    math,
    conv: math.parse(SOURCES.conv),
    convAsymmetric: math.parse(SOURCES.convAsymmetric),
    transposed: math.parse(SOURCES.transposed),
    poolCeil: math.parse(SOURCES.poolCeil),
  };
  return built;
}

function formulaOf(op: Op, axis: OutputSizeAxis): MathNode {
  const f = formulas();
  if (isTransposed(op)) return f.transposed;
  return axis.padBefore === axis.padAfter ? f.conv : f.convAsymmetric;
}

/**
 * mathjs writes `2 * 1`; products stay tight (`2*1`) so the sums they sit in read at a glance. Fixed notation keeps
 * every digit of a size or parameter (mathjs would write 100000000 as 1e+8).
 */
const text = (node: MathNode): string =>
  node.toString({ parenthesis: 'keep', notation: 'fixed' }).replace(/ \* /g, '*');

/** Each symbol's value; an unknown input size stays a symbol, named after its axis (`W_in` on the width). */
function scopeOf(axis: OutputSizeAxis, withNumbers: boolean): Record<string, number | MathNode> {
  const scope: Record<string, number | MathNode> = {};
  if (withNumbers && axis.input !== undefined) scope.H_in = axis.input;
  else if (axis.name !== 'height') scope.H_in = new (formulas().math.SymbolNode)(INPUT_SYMBOL[axis.name]);
  if (!withNumbers) return scope;
  return Object.assign(scope, {
    k: axis.kernel,
    stride: axis.stride,
    padding: axis.padBefore,
    pad_before: axis.padBefore,
    pad_after: axis.padAfter,
    dilation: axis.dilation,
    output_padding: axis.outputPadding,
  });
}

/** A formula in symbols and with the axis's numbers plugged in. */
function trees(formula: MathNode, axis: OutputSizeAxis): { symbolic: MathNode; pluggedIn: MathNode } {
  const { math } = formulas();
  return {
    symbolic: math.resolve(formula, scopeOf(axis, false)),
    pluggedIn: math.resolve(formula, scopeOf(axis, true)),
  };
}

/** The formula's text in symbols and with the numbers plugged in; cheap next to simplifying. */
export function outputSizeText(op: Op, axis: OutputSizeAxis): Pick<OutputSizeExpression, 'symbolic' | 'pluggedIn'> {
  const { symbolic, pluggedIn } = trees(formulaOf(op, axis), axis);
  return { symbolic: text(symbolic), pluggedIn: text(pluggedIn) };
}

/** Builds the formulas and mathjs's functions behind them ahead of the first spec (see extension/warmUp.ts). */
export function warmUpOutputSizeFormulas(): void {
  outputSizeText('conv2d', {
    name: 'height',
    input: 3,
    kernel: 2,
    stride: 1,
    padBefore: 0,
    padAfter: 0,
    dilation: 1,
    outputPadding: 0,
  });
}

/**
 * Every symbol stands for an integer, so `floor` (or `ceil`) of a sum of products is that sum: `floor(H_in - 3)` is
 * `H_in - 3`.
 */
function roundingOfInteger(node: MathNode): MathNode {
  const { math } = formulas();
  const hasDivision = (n: MathNode) => n.filter((m) => math.isOperatorNode(m) && m.fn === 'divide').length > 0;
  return node.transform((n) =>
    math.isFunctionNode(n) && (n.fn.name === 'floor' || n.fn.name === 'ceil') && !hasDivision(n.args[0])
      ? n.args[0]
      : n,
  );
}

/** The formula for `op` on `axis`: symbolic, with numbers, simplified, and its value when the input size is known. */
export const outputSizeExpression = (op: Op, axis: OutputSizeAxis): OutputSizeExpression =>
  expressionOf(formulaOf(op, axis), axis);

/** One axis of a pooling window: its padding is the same on both sides, and it has no output_padding. */
export type PoolSizeAxis = Pick<OutputSizeAxis, 'name' | 'kernel' | 'stride' | 'dilation' | 'input'> & {
  padding: number;
};

/**
 * The pooling output-size formula (`nn.MaxPool*d`, `nn.AvgPool*d`), rounded up with `ceilMode`. The value is the
 * formula's: with ceil_mode PyTorch also drops a last window that would start in the right padding
 * (`poolOutputLength` in the geometry has that rule).
 */
export const poolOutputSizeExpression = (axis: PoolSizeAxis, ceilMode: boolean): OutputSizeExpression =>
  expressionOf(poolFormula(ceilMode), poolAsConv(axis));

/** The pooling formula's text in symbols and with the numbers plugged in; cheap next to simplifying. */
export function poolOutputSizeText(
  axis: PoolSizeAxis,
  ceilMode: boolean,
): Pick<OutputSizeExpression, 'symbolic' | 'pluggedIn'> {
  const { symbolic, pluggedIn } = trees(poolFormula(ceilMode), poolAsConv(axis));
  return { symbolic: text(symbolic), pluggedIn: text(pluggedIn) };
}

const poolFormula = (ceilMode: boolean): MathNode => (ceilMode ? formulas().poolCeil : formulas().conv);
const poolAsConv = (axis: PoolSizeAxis): OutputSizeAxis => ({
  ...axis,
  padBefore: axis.padding,
  padAfter: axis.padding,
  outputPadding: 0,
});

function expressionOf(formula: MathNode, axis: OutputSizeAxis): OutputSizeExpression {
  const { math } = formulas();
  const { symbolic, pluggedIn } = trees(formula, axis);
  return {
    symbolic: text(symbolic),
    pluggedIn: text(pluggedIn),
    simplified: text(math.simplify(pluggedIn, [...math.simplify.rules, roundingOfInteger])),
    value: axis.input === undefined ? undefined : (pluggedIn.evaluate() as number),
  };
}
