/**
 * What a model does to its input, step by step, as the editor shows it: the shape after each step (the inlay hints),
 * the first step that refuses what reaches it and every layer PyTorch would not build (the diagnostics, with their
 * fixes). Pure, so it is unit-tested without VS Code.
 */
import type {
  Layer,
  LayerCall,
  LayerFix,
  LayerOutcome,
  Model,
  ModelStep,
  PythonReading,
  Shape,
  TextSpan,
} from '../python/layer';
import { layerConstraints, ReceptiveField, receptiveFields, shapesThrough } from '../python/shapes';
import { dimText } from '../python/shapes/dims';

/** One step of a model met with a shape: what comes in and what the layer makes of it. */
export interface StepShape {
  step: ModelStep;
  input: Shape;
  outcome: LayerOutcome;
}

/** The model's steps up to the first whose arguments are not all literals: nothing after it is known. */
function resolvedSteps(model: Model): { step: ModelStep; layer: Layer }[] {
  const steps: { step: ModelStep; layer: Layer }[] = [];
  for (const step of model.steps) {
    const { layer } = step.call;
    if ('unresolved' in layer) break;
    steps.push({ step, layer });
  }
  return steps;
}

/** The steps from the model's input to the first one that refuses its input, that one included. */
export function stepShapes(model: Model, input: Shape): StepShape[] {
  const steps = resolvedSteps(model);
  const { shapes, failure } = shapesThrough(
    steps.map((s) => s.layer),
    input,
  );
  const walked: StepShape[] = shapes.map((shape, i) => ({
    step: steps[i].step,
    input: i === 0 ? input : shapes[i - 1],
    outcome: { ok: true, shape },
  }));
  if (failure) {
    const { message, fix } = failure;
    walked.push({ step: steps[failure.step].step, input: failure.input, outcome: { ok: false, message, fix } });
  }
  return walked;
}

/** The receptive field after each step (see `receptiveFields`), while the steps are known. */
export const stepFields = (model: Model): (ReceptiveField | undefined)[] =>
  receptiveFields(resolvedSteps(model).map((s) => s.layer));

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

/** Every layer that breaks its own rules (PyTorch's constructor or first call refuses it), wherever it is written. */
export function constructionProblems(reading: PythonReading): LayerProblem[] {
  return reading.layers.flatMap((call) =>
    'unresolved' in call.layer ? [] : layerConstraints(call.layer).map((message) => problemAt(call, message)),
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
