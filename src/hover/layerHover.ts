/**
 * The hover on a PyTorch layer in the user's code, as Markdown: its arguments as PyTorch fills them in, the shape
 * in and out, the output-size formula per axis, the weight and its parameter count, the receptive field so far, and
 * what PyTorch would refuse, in its words. Pure, so it is unit-tested without VS Code.
 */
import { markdownText } from '../format/markdownText';
import type { ConvLayer, Layer, LayerCall, LayerOutcome, Shape } from '../python/layer';
import {
  AxisFormula,
  forwardInputSizes,
  layerConstraints,
  layerParameters,
  outputSizeFormulas,
  ReceptiveField,
  transposedChoices,
} from '../python/shapes';
import { convAxes, convOp } from '../python/shapes/conv';
import { dimText } from '../python/shapes/dims';

/** What is known about the layer from the model it is a step of. */
export interface LayerContext {
  /** The shape reaching the layer, batch first, when the model's input shape is known. */
  input?: Shape;
  /** What the layer makes of that shape. */
  outcome?: LayerOutcome;
  /** From the model's input to this layer's output. */
  field?: ReceptiveField;
  /** What goes in and out on each pass, when the layer is applied more than once; `input`, `outcome`: the first. */
  passes?: { input: Shape; outcome: LayerOutcome }[];
  /** Whether those passes are a loop's (one call in forward, or a layer built in a loop) or calls written apart. */
  passesOf?: 'a loop' | 'calls';
  /** Every forward call gives this ConvTranspose `output_size=`: PyTorch never checks its own output_padding. */
  sizedByForward?: boolean;
}

const shapeText = (shape: Shape): string => shape.map(dimText).join('×');

/** How PyTorch's docs name each axis. */
const AXIS_SYMBOL = { length: 'L', depth: 'D', height: 'H', width: 'W' } as const;

/** `(3, 3)`: a per-axis value as PyTorch's module repr prints it. */
const tuple = (values: readonly number[]): string => `(${values.join(', ')}${values.length === 1 ? ',' : ''})`;

const python = (value: boolean): string => (value ? 'True' : 'False');

/** Every argument of the layer as PyTorch holds it, defaults included, in the order of its signature. */
function argumentsText(layer: Layer): string {
  switch (layer.kind) {
    case 'conv': {
      const padding = typeof layer.padding === 'string' ? `'${layer.padding}'` : tuple(layer.padding);
      return [
        `in_channels=${dimText(layer.inChannels)}`,
        `out_channels=${dimText(layer.outChannels)}`,
        `kernel_size=${tuple(layer.kernel)}`,
        `stride=${tuple(layer.stride)}`,
        `padding=${padding}`,
        ...(layer.transposed ? [`output_padding=${tuple(layer.outputPadding)}`] : []),
        `dilation=${tuple(layer.dilation)}`,
        `groups=${layer.groups}`,
        `bias=${python(layer.bias)}`,
        ...(layer.transposed ? [] : [`padding_mode='${layer.paddingMode}'`]),
      ].join(', ');
    }
    case 'pool':
      return [
        `kernel_size=${tuple(layer.kernel)}`,
        `stride=${tuple(layer.stride)}`,
        `padding=${tuple(layer.padding)}`,
        ...(layer.reduction === 'max' ? [`dilation=${tuple(layer.dilation)}`] : []),
        `ceil_mode=${python(layer.ceilMode)}`,
      ].join(', ');
    case 'adaptivePool':
      return `output_size=${tuple(layer.outputSize.map((d) => d ?? NaN)).replace(/NaN/g, 'None')}`;
    case 'linear':
      return `in_features=${layer.inFeatures}, out_features=${layer.outFeatures}, bias=${python(layer.bias)}`;
    case 'norm':
      return `num_features=${layer.numFeatures}`;
    case 'flatten':
      return `start_dim=${layer.startDim}, end_dim=${layer.endDim}`;
    case 'reshape':
      return layer.sizes.join(', ');
    case 'upsample': {
      const size = (v: number | number[]) => (typeof v === 'number' ? String(v) : tuple(v));
      const by = layer.size !== undefined ? `size=${size(layer.size)}` : `scale_factor=${size(layer.scaleFactor ?? 1)}`;
      return `${by}, mode='${layer.mode}'`;
    }
    case 'keep':
      return '';
  }
}

/** The shape's axes as PyTorch's docs name them, from the formula's `H_out = …`. */
const outputSymbol = (formula: AxisFormula): string => formula.text.slice(0, formula.text.indexOf(' ='));

/**
 * One entry per spatial axis: the formula in symbols and simplified, and with the numbers once the size coming in is
 * known.
 */
function formulaLines(layer: Layer, input?: Shape): string[] {
  const known = input ? outputSizeFormulas(layer, input) : [];
  return outputSizeFormulas(layer).map((general, a) => {
    const out = outputSymbol(general);
    const lines = [`- \`${out} = ${general.symbolic}\``, `  - simplified: \`${out} = ${general.simplified}\``];
    if (known[a]?.value !== undefined) lines.push(`  - here: \`${known[a].text}\``);
    return lines.join('\n');
  });
}

/** `weight 16×3×3×3 · 448 parameters`. */
function weightLine(layer: Layer): string[] {
  const { weight, count } = layerParameters(layer);
  if (!weight) return [];
  const total = count === null ? '' : ` · **${count.toLocaleString('en-US')} parameters**`;
  return ['', `weight ${shapeText(weight)}${total}`];
}

/**
 * Why `output_padding` exists: a strided forward conv maps several input sizes to one output size, so the transposed
 * conv, going back, has to be told which of them to give.
 */
function outputPaddingLines(layer: ConvLayer, input?: Shape): string[] {
  if (!layer.transposed || layer.stride.every((s) => s === 1)) return [];
  const spatial = input?.slice(-layer.rank);
  const forward = `\`${convOp({ ...layer, transposed: false })}\``;
  const lines = convAxes(layer).flatMap((axis, a) => {
    const size = spatial?.[a];
    if (typeof size !== 'number' || axis.stride === 1) return [];
    const sizes = forwardInputSizes({ ...axis, input: size }, axis.padBefore);
    const picks = sizes.map((s) => `${s.outputPadding} gives ${s.size}`).join(', ');
    const all = sizes.map((s) => s.size).join(', ');
    return [
      `- ${AXIS_SYMBOL[axis.name]}: a ${forward} with these parameters maps ${all} all to ${size}; \`output_padding\` ${picks}`,
    ];
  });
  if (lines.length > 0) return ['', 'Why `output_padding`:', ...lines];
  return [
    '',
    `Why \`output_padding\`: with stride > 1 a forward conv maps several input sizes to one output size; \`output_padding\` (below the stride) says which one this layer gives back.`,
  ];
}

/** For a transposed conv with a `# convlens: output` target: every padding and output_padding that reach it. */
function targetLines(call: LayerCall, layer: ConvLayer, input?: Shape): string[] {
  const target = call.target?.shape.slice(-layer.rank);
  if (!target || !layer.transposed || !input || target.length < layer.rank) return [];
  const spatial = input.slice(-layer.rank);
  const lines = convAxes(layer).flatMap((axis, a) => {
    const size = spatial[a];
    if (typeof size !== 'number') return [];
    const choices = transposedChoices({ ...axis, input: size }, target[a]);
    const settings = choices.map((c) => `\`padding=${c.padding}, output_padding=${c.outputPadding}\``).join(' · ');
    return [`- ${AXIS_SYMBOL[axis.name]}: ${size} → ${target[a]} with ${settings || 'no padding and output_padding'}`];
  });
  return lines.length > 0 ? ['', `**Target ${shapeText(target)}** (its comment):`, ...lines] : [];
}

/** `input 1×3×32×32 → output **1×16×16×16**`, or `→ refused`. */
const inOut = (input: Shape, outcome: LayerOutcome): string =>
  `input ${shapeText(input)} → ${outcome.ok ? `output **${shapeText(outcome.shape)}**` : 'refused'}`;

/** The layer's name and its shapes; for a layer applied again and again, each pass's (the rest: the first). */
function headline(call: LayerCall, context: LayerContext): string {
  const name = `**ConvLens** · \`${call.torchName}\``;
  const { input, outcome, passes } = context;
  if (passes) {
    const [many, one] = context.passesOf === 'calls' ? ['calls** in forward', 'call'] : ['passes** of a loop', 'pass'];
    return [
      `${name} · **${passes.length} ${many}`,
      ...passes.map((pass, p) => `- ${one} ${p + 1}: ${inOut(pass.input, pass.outcome)}`),
      '',
      `The first ${one}:`,
    ].join('\n');
  }
  if (!input || !outcome) return name;
  return `${name} · ${inOut(input, outcome)}`;
}

/** The hover's Markdown for one layer call. */
export function layerHoverMarkdown(call: LayerCall, context: LayerContext = {}): string {
  const { layer } = call;
  if ('unresolved' in layer) return `${headline(call, {})}\n\nNot worked out: ${markdownText(layer.unresolved)}`;
  const args = argumentsText(layer);
  const lines = [headline(call, context), ...(args ? ['', '```python', `${call.torchName}(${args})`, '```'] : [])];
  const formulas = formulaLines(layer, context.input);
  if (formulas.length > 0) lines.push('', '**Output size** per axis:', ...formulas);
  lines.push(...weightLine(layer));
  if (layer.kind === 'conv')
    lines.push(...outputPaddingLines(layer, context.input), ...targetLines(call, layer, context.input));
  const { field } = context;
  if (field) {
    const size = field.size.join('×');
    lines.push('', `receptive field **${size}** · jump ${field.jump.join('×')} (input cells, from the model's input)`);
  }
  const refusals = [
    ...layerConstraints(layer, context.sizedByForward),
    ...(context.outcome && !context.outcome.ok ? [context.outcome.message] : []),
  ];
  for (const message of new Set(refusals)) lines.push('', `⚠ PyTorch: ${markdownText(message)}`);
  return lines.join('\n');
}
