/**
 * PyTorch layers and models for the tests, built as the reader gives them (src/python/layer.ts), and what the tests
 * read back off a model: its steps' names, and the text where each is hinted.
 */
import type { ConvLayer, Layer, LayerCall, Model, PoolLayer, TextSpan } from '../../src/python/layer';

/** `nn.Conv2d(inChannels, outChannels, k)` with PyTorch's defaults, then `more` (a transposed one included). */
export const conv2d = (
  inChannels: number,
  outChannels: number,
  k: number,
  more: Partial<ConvLayer> = {},
): ConvLayer => ({
  kind: 'conv',
  rank: 2,
  transposed: false,
  inChannels,
  outChannels,
  kernel: [k, k],
  stride: [1, 1],
  padding: [0, 0],
  dilation: [1, 1],
  outputPadding: [0, 0],
  groups: 1,
  bias: true,
  paddingMode: 'zeros',
  ...more,
});

/** `nn.MaxPool2d(k)` with PyTorch's defaults (stride k), then `more`. */
export const pool = (k: number, more: Partial<PoolLayer> = {}): PoolLayer => ({
  kind: 'pool',
  reduction: 'max',
  rank: 2,
  kernel: [k, k],
  stride: [k, k],
  padding: [0, 0],
  dilation: [1, 1],
  ceilMode: false,
  ...more,
});

/** A call of the layer written at `at`, with no arguments of its own. */
export const layerCall = (torchName: string, layer: Layer, at = 0): LayerCall => ({
  torchName,
  functional: false,
  span: { start: at, end: at + 10 },
  calleeSpan: { start: at, end: at + 5 },
  args: {},
  layer,
});

/** A model `Net` applying the layers in order, each written 100 characters after the last. */
export const modelOf = (...layers: [string, Layer][]): Model => ({
  name: 'Net',
  span: { start: 0, end: 1000 },
  steps: layers.map(([name, layer], i) => ({ call: layerCall(name, layer, 100 * i), hintAt: 100 * i + 50 })),
});

/** Each step as `attribute:TorchName` (just the name inside a Sequential). */
export const stepNames = (model: Model): string[] =>
  model.steps.map((s) => (s.attribute ? `${s.attribute}:` : '') + s.call.torchName);

/** The text just before each step's hint, `length` characters of it. */
export const hintTexts = (text: string, model: Model, length: number): string[] =>
  model.steps.map((s) => text.slice(s.hintAt - length, s.hintAt));

/** The line each step is hinted on, trimmed. */
export const hintLines = (text: string, model: Model): string[] =>
  model.steps.map((s) => {
    const end = text.indexOf('\n', s.hintAt);
    return text.slice(text.lastIndexOf('\n', s.hintAt - 1) + 1, end < 0 ? text.length : end).trim();
  });

/** Where `written` last occurs in `text`. */
export function spanOfText(text: string, written: string): TextSpan {
  const start = text.lastIndexOf(written);
  if (start < 0) throw new Error(`${written} is not in the text`);
  return { start, end: start + written.length };
}
