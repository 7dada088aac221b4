/**
 * The hover on a PyTorch layer in the user's code, as Markdown: its arguments as PyTorch fills them in, the shape
 * in and out, the output-size formula per axis, the weight and its parameter count, the receptive field so far, and
 * what PyTorch would refuse, in its words. Pure, so it is unit-tested without VS Code.
 */
import { outputLength, outputSizeExpression } from '../engine';
import { markdownText } from '../format/markdownText';
import type { ConvLayer, Layer, LayerCall, LayerOutcome, Shape } from '../python/layer';
import { convAxes, convConstructionErrors, convOp, convWeightShape } from '../python/shapes/conv';
import { dimText, productOf } from '../python/shapes/dims';
import type { ReceptiveField } from './modelShapes';

/** What is known about the layer from the model it is a step of. */
export interface LayerContext {
  /** The shape reaching the layer, batch first, when the model's input shape is known. */
  input?: Shape;
  /** What the layer makes of that shape. */
  outcome?: LayerOutcome;
  /** From the model's input to this layer's output. */
  field?: ReceptiveField;
}

const shapeText = (shape: Shape): string => shape.map(dimText).join('×');

/** How PyTorch's docs name each axis's sizes. */
const SYMBOL = { length: 'L', depth: 'D', height: 'H', width: 'W' } as const;

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
    case 'upsample': {
      const size = (v: number | number[]) => (typeof v === 'number' ? String(v) : tuple(v));
      const by = layer.size !== undefined ? `size=${size(layer.size)}` : `scale_factor=${size(layer.scaleFactor ?? 1)}`;
      return `${by}, mode='${layer.mode}'`;
    }
    case 'keep':
      return '';
  }
}

/** One line per spatial axis: the formula in symbols, simplified, and with numbers once the size coming in is known. */
function formulaLines(layer: ConvLayer, input?: Shape): string[] {
  const spatial = input?.slice(-layer.rank);
  return convAxes(layer).map((axis, a) => {
    const out = `${SYMBOL[axis.name]}_out`;
    const general = outputSizeExpression(convOp(layer), axis);
    const lines = [`- \`${out} = ${general.symbolic}\``, `  - simplified: \`${out} = ${general.simplified}\``];
    const size = spatial?.[a];
    if (typeof size === 'number') {
      const known = outputSizeExpression(convOp(layer), { ...axis, input: size });
      lines.push(`  - here: \`${out} = ${known.pluggedIn} = ${known.value}\``);
    }
    return lines.join('\n');
  });
}

/** `weight 16×3×3×3 · 448 parameters (432 weights + 16 biases)`. */
function weightLine(weight: Shape, biases: number | null): string {
  const weights = productOf(weight);
  if (weights === null) return `weight ${shapeText(weight)}`;
  const total = weights + (biases ?? 0);
  const parts = biases ? ` (${weights.toLocaleString('en-US')} weights + ${biases} biases)` : '';
  return `weight ${shapeText(weight)} · **${total.toLocaleString('en-US')} parameters**${parts}`;
}

/**
 * Why `output_padding` exists: a strided forward conv maps several input sizes to one output size, so the transposed
 * conv, going back, has to be told which of them to give.
 */
function outputPaddingLines(layer: ConvLayer, input?: Shape): string[] {
  if (!layer.transposed || layer.stride.every((s) => s === 1)) return [];
  const spatial = input?.slice(-layer.rank);
  const lines = convAxes(layer).flatMap((axis, a) => {
    const size = spatial?.[a];
    if (typeof size !== 'number' || axis.stride === 1) return [];
    const first = outputLength(true, { ...axis, outputPadding: 0, input: size });
    const sizes = Array.from({ length: axis.stride }, (_, i) => first + i).filter(
      (n) => n > 0 && outputLength(false, { ...axis, input: n }) === size,
    );
    const picks = sizes.map((n, i) => `${i} gives ${n}`).join(', ');
    return [
      `- ${SYMBOL[axis.name]}: a \`${convOp({ ...layer, transposed: false })}\` with these parameters maps ${sizes.join(', ')} all to ${size}; \`output_padding\` ${picks}`,
    ];
  });
  if (lines.length > 0) return ['', 'Why `output_padding`:', ...lines];
  return [
    '',
    `Why \`output_padding\`: with stride > 1 a forward conv maps several input sizes to one output size; \`output_padding\` (below the stride) says which one this layer gives back.`,
  ];
}

function convLines(layer: ConvLayer, context: LayerContext): string[] {
  const biases = layer.bias ? layer.outChannels : 0;
  return [
    '',
    '**Output size** per axis:',
    ...formulaLines(layer, context.input),
    '',
    weightLine(convWeightShape(layer), biases),
    ...outputPaddingLines(layer, context.input),
  ];
}

function headline(call: LayerCall, context: LayerContext): string {
  const name = `**ConvLens** · \`${call.torchName}\``;
  const { input, outcome } = context;
  if (!input || !outcome) return name;
  return `${name} · input ${shapeText(input)} → ${outcome.ok ? `output **${shapeText(outcome.shape)}**` : 'refused'}`;
}

/** The hover's Markdown for one layer call. */
export function layerHoverMarkdown(call: LayerCall, context: LayerContext = {}): string {
  const { layer } = call;
  if ('unresolved' in layer) return `${headline(call, {})}\n\nNot worked out: ${markdownText(layer.unresolved)}`;
  const args = argumentsText(layer);
  const lines = [headline(call, context), ...(args ? ['', '```python', `${call.torchName}(${args})`, '```'] : [])];
  if (layer.kind === 'conv') lines.push(...convLines(layer, context));
  if (layer.kind === 'linear')
    lines.push('', weightLine([layer.outFeatures, layer.inFeatures], layer.bias ? layer.outFeatures : 0));
  const { field } = context;
  if (field) {
    const size = field.size.join('×');
    lines.push('', `receptive field **${size}** · jump ${field.jump.join('×')} (input cells, from the model's input)`);
  }
  const refusals = [
    ...(layer.kind === 'conv' ? convConstructionErrors(layer) : []),
    ...(context.outcome && !context.outcome.ok ? [context.outcome.message] : []),
  ];
  const unique = [...new Set(refusals)];
  if (unique.length > 0) lines.push(...unique.flatMap((m) => ['', `⚠ PyTorch: ${markdownText(m)}`]));
  return lines.join('\n');
}
