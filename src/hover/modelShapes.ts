/**
 * What a model does to its input, step by step, as the editor shows it: the shape after each step (the inlay hints),
 * the first step that refuses what reaches it and every layer PyTorch would not build (the diagnostics, with their
 * fixes). Pure, so it is unit-tested without VS Code.
 */
import type {
  LayerCall,
  LayerFix,
  LayerOutcome,
  Model,
  ModelStep,
  PythonReading,
  Shape,
  TextSpan,
} from '../python/layer';
import { kernelSpan } from '../engine';
import { convConstructionErrors } from '../python/shapes/conv';
import { dimText } from '../python/shapes/dims';
import { outputShape } from '../python/shapes/outputShape';

/** One step of a model met with a shape: what comes in and what the layer makes of it. */
export interface StepShape {
  step: ModelStep;
  input: Shape;
  outcome: LayerOutcome;
}

/**
 * The steps from the model's input to the first one that refuses its input, that one included; a step whose
 * arguments are not literals ends the walk before it, since nothing after it is known.
 */
export function stepShapes(model: Model, input: Shape): StepShape[] {
  const steps: StepShape[] = [];
  let shape = input;
  for (const step of model.steps) {
    const { layer } = step.call;
    if ('unresolved' in layer) break;
    const outcome = outputShape(layer, shape);
    steps.push({ step, input: shape, outcome });
    if (!outcome.ok) break;
    shape = outcome.shape;
  }
  return steps;
}

/**
 * The shape after a step, batch left out (the input comment puts it first and no layer here changes it):
 * `→ 16×112×112`.
 */
export const shapeHint = (shape: Shape): string => `→ ${shape.slice(1).map(dimText).join('×')}`;

/** A layer PyTorch refuses, in its words, where the editor marks it; with the one fix that makes it fit, if any. */
export interface LayerProblem {
  call: LayerCall;
  span: TextSpan;
  message: string;
  fix?: LayerFix;
}

/** The argument the fix changes when the call writes it, else the whole call. */
function problemAt(call: LayerCall, message: string, fix?: LayerFix): LayerProblem {
  const span = (fix && call.args[fix.parameter]?.span) ?? call.span;
  return fix ? { call, span, message, fix } : { call, span, message };
}

/** Every layer PyTorch's constructor would refuse, wherever it is written. */
export function constructionProblems(reading: PythonReading): LayerProblem[] {
  return reading.layers.flatMap((call) =>
    'unresolved' in call.layer || call.layer.kind !== 'conv'
      ? []
      : convConstructionErrors(call.layer).map((message) => problemAt(call, message)),
  );
}

/** The first step of `model` that refuses its input, as PyTorch would at run time. */
export function inputProblem(model: Model, input: Shape): LayerProblem | undefined {
  const last = stepShapes(model, input).at(-1);
  if (!last || last.outcome.ok) return undefined;
  return problemAt(last.step.call, last.outcome.message, last.outcome.fix);
}

/** Every problem of a reading, given the input shape of each model that has one; each once. */
export function readingProblems(reading: PythonReading, inputOf: (model: Model) => Shape | undefined): LayerProblem[] {
  const problems = constructionProblems(reading);
  for (const model of reading.models) {
    const input = inputOf(model);
    const problem = input && inputProblem(model, input);
    const seen = (p: LayerProblem) => p.span.start === problem?.span.start && p.message === problem.message;
    if (problem && !problems.some(seen)) problems.push(problem);
  }
  return problems;
}

/** How much of the model's input one cell sees after a step, and how far apart neighbouring cells' views are. */
export interface ReceptiveField {
  /** Input cells per spatial axis that reach one cell. */
  size: number[];
  /** Input cells between the views of neighbouring cells, per spatial axis. */
  jump: number[];
}

/**
 * The receptive field after each step of a model, from its input, while it is defined: a convolution or a pooling
 * window widens it by (span - 1) jumps and multiplies the jump by its stride; layers that keep the shape leave it;
 * anything else (a transposed conv, a flatten, an adaptive pool) ends it.
 */
export function receptiveFields(model: Model): ReceptiveField[] {
  const fields: ReceptiveField[] = [];
  let field: ReceptiveField | undefined;
  for (const { call } of model.steps) {
    const { layer } = call;
    if ('unresolved' in layer) break;
    if (layer.kind === 'keep' || layer.kind === 'norm') {
      if (!field) break;
    } else if ((layer.kind === 'conv' && !layer.transposed) || layer.kind === 'pool') {
      const previous = field ?? { size: layer.kernel.map(() => 1), jump: layer.kernel.map(() => 1) };
      if (previous.size.length !== layer.kernel.length) break;
      field = {
        size: previous.size.map((s, a) => s + (kernelSpan(layer.kernel[a], layer.dilation[a]) - 1) * previous.jump[a]),
        jump: previous.jump.map((j, a) => j * layer.stride[a]),
      };
    } else break;
    fields.push(field);
  }
  return fields;
}
