/**
 * The PyTorch layers ConvLens reads in the user's code, as PyTorch fills their arguments in: the contract between the
 * reader (tree-sitter: what is written) and the shapes (what comes out). Pure data; no vscode, no parser types.
 */
import type { PaddingMode, Rank } from '../engine/ops';

/** A stretch of the document, in character offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A size PyTorch knows at run time but the code does not say (a functional conv's weight read from a variable). */
export type Dim = number | null;
/** A tensor's shape, batch first, as PyTorch prints it. */
export type Shape = readonly Dim[];

/** Which statistic a pooling layer takes over each window. */
export type Reduction = 'max' | 'avg';

export interface ConvLayer {
  kind: 'conv';
  rank: Rank;
  transposed: boolean;
  /** Null for a functional call whose weight is a variable. */
  inChannels: Dim;
  outChannels: Dim;
  /**
   * One entry per spatial axis, PyTorch's `_single`/`_pair`/`_triple` already applied (which, like PyTorch, keep a
   * tuple of the wrong length as written: check `kernel.length` against `rank`).
   */
  kernel: number[];
  stride: number[];
  /** `padding="same"`/`"valid"` as written (non-transposed only); numbers otherwise. */
  padding: number[] | 'same' | 'valid';
  dilation: number[];
  /** Zeros for a non-transposed conv. */
  outputPadding: number[];
  groups: number;
  bias: boolean;
  paddingMode: PaddingMode;
}

export interface PoolLayer {
  kind: 'pool';
  reduction: Reduction;
  rank: Rank;
  kernel: number[];
  /** PyTorch's default stride is the kernel size. */
  stride: number[];
  padding: number[];
  /** Always ones for average pooling. */
  dilation: number[];
  ceilMode: boolean;
}

export interface AdaptivePoolLayer {
  kind: 'adaptivePool';
  reduction: Reduction;
  rank: Rank;
  /** `None` keeps that axis's input size. */
  outputSize: Dim[];
}

/** `nn.Upsample` / `F.interpolate`: rank taken from the input it meets. */
export interface UpsampleLayer {
  kind: 'upsample';
  /** Exactly one of `size` and `scaleFactor` is set, as PyTorch requires. */
  size?: number[] | number;
  scaleFactor?: number[] | number;
  mode: string;
}

/** `nn.Flatten` (start_dim 1), `torch.flatten` (start_dim 0), `x.flatten(...)`, `x.view(x.size(0), -1)`. */
export interface FlattenLayer {
  kind: 'flatten';
  startDim: number;
  endDim: number;
}

/** `x.view(-1, 400)`, `x.reshape(-1, 400)`: the sizes as written, one of them -1 for PyTorch to work out. */
export interface ReshapeLayer {
  kind: 'reshape';
  sizes: number[];
}

export interface LinearLayer {
  kind: 'linear';
  inFeatures: number;
  outFeatures: number;
  bias: boolean;
}

/** `nn.BatchNorm1d/2d/3d`, `nn.InstanceNorm…`: the shape is kept, but the channels and the input's rank are checked. */
export interface NormLayer {
  kind: 'norm';
  torchName: string;
  /** The spatial rank the layer expects (BatchNorm1d takes 2-D or 3-D input; rank 1 here). */
  rank: Rank;
  numFeatures: number;
}

/** Activations, Dropout, Identity: the output has the input's shape. */
export interface ShapeKeepingLayer {
  kind: 'keep';
  torchName: string;
}

export type Layer =
  | ConvLayer
  | PoolLayer
  | AdaptivePoolLayer
  | UpsampleLayer
  | FlattenLayer
  | ReshapeLayer
  | LinearLayer
  | NormLayer
  | ShapeKeepingLayer;

/** One argument of a call, by PyTorch's parameter name. */
export interface LayerArgument {
  /** The text as written (`3`, `(2, 2)`, `KERNEL`), or absent when PyTorch's default applies. */
  text?: string;
  /** Where it was written: positional or keyword; a quick fix edits this span (or inserts a keyword). */
  span?: TextSpan;
}

/** A layer constructor or functional call found in the code. */
export interface LayerCall {
  /** PyTorch's own name: `Conv2d`, `ConvTranspose1d`, `MaxPool2d`, `Linear`, `conv2d` (torch.nn.functional). */
  torchName: string;
  functional: boolean;
  /** The whole call expression, and the callee as written (`nn.Conv2d`, `torch.nn.Conv2d`, `Conv2d`, `F.conv2d`). */
  span: TextSpan;
  calleeSpan: TextSpan;
  /** Every parameter of PyTorch's signature that the call sets, by name; defaults are in `layer`. */
  args: Readonly<Record<string, LayerArgument>>;
  /**
   * The layer with every argument resolved, or why it could not be: `unresolved` names the parameter whose value the
   * code does not state (`kernel_size` for `nn.Conv2d(3, 16, k)`, `weight` for a functional conv's variable weight),
   * or is the argument as written when it fits no parameter (`*sizes`, `kernal_size`, one too many); `span` is where
   * it is written, or the whole call when a required argument is missing. In a model, a module ConvLens does not
   * read (`ResBlock(64)`) is a step whose `unresolved` is its callee.
   */
  layer: Layer | { unresolved: string; span: TextSpan };
  /** From a `# convlens: output 64x64` comment on the layer's line: the output it should give. */
  target?: DeclaredShape;
}

/** A shape written in a `# convlens: input …` or `# convlens: output …` comment, and where its sizes are written. */
export interface DeclaredShape {
  shape: number[];
  span: TextSpan;
}

/**
 * The output size a forward call asks a ConvTranspose for (`self.up(x, output_size=(64, 64))`): PyTorch then picks
 * the output_padding itself, or refuses a size no output_padding reaches.
 */
export interface OutputSizeRequest {
  /** As written (spatial sizes, or batch and channels first too); null when the code does not say (`skip.shape`). */
  sizes: number[] | null;
  /** A tuple or a list (PyTorch's message prints it as Python does: `(64, 64)`, `[64, 64]`), or one int. */
  form: 'tuple' | 'list' | 'int';
  span: TextSpan;
}

/** A layer in the order a model applies it. */
export interface ModelStep {
  call: LayerCall;
  /** The attribute for a module set in `__init__` (`conv1`), absent inside `nn.Sequential(...)`. */
  attribute?: string;
  /** Where the inlay hint of the shape coming out goes (after the layer in a Sequential, after the forward line). */
  hintAt: number;
  /**
   * Where the call in forward that applies a module set in `__init__` starts: one module called twice on a line is
   * two steps of that line, where a loop's passes repeat the same call.
   */
  appliedAt?: number;
  /** `output_size=` given to the module's forward on this step, when it is. */
  outputSize?: OutputSizeRequest;
}

export interface Model {
  /** The class name, or the variable a `nn.Sequential(...)` is assigned to. */
  name: string;
  /** The class definition or the Sequential call. */
  span: TextSpan;
  steps: ModelStep[];
  /** From a `# convlens: input 1x3x224x224` comment on the model, when there is one. */
  input?: DeclaredShape;
}

/** Everything read from one Python document (or one notebook cell). */
export interface PythonReading {
  layers: LayerCall[];
  models: Model[];
}

/** The value an argument of the layer's call is set to. */
export interface ArgumentValue {
  /** PyTorch's parameter name (`in_channels`, `in_features`, `num_features`, `padding`, `output_padding`). */
  parameter: string;
  value: number | number[];
}

/** A quick fix: the value a parameter of the layer's call should have, and the fix's title in the editor. */
export interface LayerFix extends ArgumentValue {
  title: string;
  /** Other arguments the same fix sets (a transposed conv's padding with the output_padding it needs). */
  also?: ArgumentValue[];
}

/** What a layer makes of an input shape: the shape coming out, or PyTorch's own message for why it fails. */
export type LayerOutcome = { ok: true; shape: Shape } | { ok: false; message: string; fix?: LayerFix };
