/**
 * What a model does to its input, step by step, as the editor shows it: the shape after each step (the inlay hints),
 * the first step that refuses what reaches it, every layer PyTorch would not build and every layer whose output
 * misses the target its comment gives (the diagnostics, with their fixes). Pure, so it is unit-tested without VS Code.
 */
import type {
  Layer,
  LayerCall,
  LayerFix,
  LayerOutcome,
  Model,
  ModelStep,
  OutputSizeRequest,
  PythonReading,
  Shape,
  TextSpan,
} from '../python/layer';
import {
  layerConstraints,
  ReceptiveField,
  receptiveFields,
  shapesThrough,
  transposedSizeFixes,
} from '../python/shapes';
import { dimText } from '../python/shapes/dims';
import type { LayerContext } from './layerHover';

/** One step of a model met with a shape: what comes in and what the layer makes of it. */
export interface StepShape {
  step: ModelStep;
  input: Shape;
  outcome: LayerOutcome;
}

/**
 * The model's steps up to the first whose arguments are not all literals, or whose forward is given a size the code
 * does not say (or one given to a layer that is not a ConvTranspose): nothing after it is known.
 */
function resolvedSteps(model: Model): { step: ModelStep; layer: Layer }[] {
  const steps: { step: ModelStep; layer: Layer }[] = [];
  for (const step of model.steps) {
    const { layer } = step.call;
    if ('unresolved' in layer) break;
    const request = step.outputSize;
    if (request && (request.sizes === null || layer.kind !== 'conv' || !layer.transposed)) break;
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
    steps.map((s) => s.step.outputSize),
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

const sizesText = (sizes: Shape): string => sizes.map(dimText).join('×');

/** The receptive field after each step (see `receptiveFields`), while the steps are known. */
export const stepFields = (model: Model): (ReceptiveField | undefined)[] =>
  receptiveFields(resolvedSteps(model).map((s) => s.layer));

/**
 * The shape after a step, batch left out (the input comment puts it first and no layer here changes it):
 * `→ 16×112×112`.
 */
export const shapeHint = (shape: Shape): string => `→ ${shape.slice(1).map(dimText).join('×')}`;

/** An inlay hint: where it goes, what it says, and its tooltip. */
export interface ShapeHint {
  at: number;
  label: string;
  tooltip: string;
}

const stepName = (step: ModelStep): string => step.attribute ?? step.call.torchName;

/**
 * One hint where each line's steps end, with the shape coming out: `→ 16×112×112`. A line that applies several
 * layers (`x = self.pool(F.relu(self.conv1(x)))`) gets one hint that names them in the order they apply,
 * `conv1 · relu · pool → 6×14×14`, and each one's shape in its tooltip.
 */
export function shapeHints(steps: readonly StepShape[]): ShapeHint[] {
  const lines: StepShape[][] = [];
  for (const step of steps) {
    if (!step.outcome.ok) break;
    const line = lines.at(-1);
    if (line && line[0].step.hintAt === step.step.hintAt) line.push(step);
    else lines.push([step]);
  }
  return lines.map((line) => {
    const shapeOf = (s: StepShape) => (s.outcome.ok ? s.outcome.shape : []);
    const last = shapeOf(line[line.length - 1]);
    const at = line[0].step.hintAt;
    if (line.length === 1)
      return {
        at,
        label: shapeHint(last),
        tooltip: `Shape after ${stepName(line[0].step)}, batch first: ${sizesText(last)}`,
      };
    return {
      at,
      label: `${line.map((s) => stepName(s.step)).join(' · ')} ${shapeHint(last)}`,
      tooltip: [
        'Shape after each step, batch first:',
        ...line.map((s) => `${stepName(s.step)}: ${sizesText(shapeOf(s))}`),
      ].join('\n'),
    };
  });
}

/**
 * A layer PyTorch refuses, in its words, or one whose output misses its target, where the editor marks it; with the
 * fixes that make it fit, the smallest change first.
 */
export interface LayerProblem {
  call: LayerCall;
  span: TextSpan;
  message: string;
  fixes: LayerFix[];
}

/**
 * The argument the one fix changes when the call writes it, else the size forward asks for (where PyTorch refuses
 * it), else the whole call.
 */
function problemAt(call: LayerCall, message: string, fix?: LayerFix, outputSize?: OutputSizeRequest): LayerProblem {
  const span = (fix && call.args[fix.parameter]?.span) ?? outputSize?.span ?? call.span;
  return { call, span, message, fixes: fix ? [fix] : [] };
}

/** What the models `call` is a step of say about it, for its hover: the first model with a known input shape wins. */
export function layerContext(
  reading: PythonReading,
  inputOf: (model: Model) => Shape | undefined,
  call: LayerCall,
): LayerContext {
  const sized = sizedByForward(call, reading.models) ? { sizedByForward: true } : {};
  for (const model of reading.models) {
    const index = model.steps.findIndex((s) => s.call.span.start === call.span.start);
    if (index < 0) continue;
    const field = stepFields(model)[index];
    const input = inputOf(model);
    const step = input && stepShapes(model, input)[index];
    if (step) return { input: step.input, outcome: step.outcome, field, ...sized };
    if (field) return { field, ...sized };
  }
  return sized;
}

/** Whether the models apply `call` and give `output_size=` to each of its forward calls. */
function sizedByForward(call: LayerCall, models: readonly Model[]): boolean {
  const uses = models.flatMap((m) => m.steps).filter((s) => s.call.span.start === call.span.start);
  return uses.length > 0 && uses.every((s) => s.outputSize);
}

/** Every layer that breaks its own rules (PyTorch's constructor or first call refuses it), wherever it is written. */
export function constructionProblems(reading: PythonReading): LayerProblem[] {
  return reading.layers.flatMap((call) =>
    'unresolved' in call.layer
      ? []
      : layerConstraints(call.layer, sizedByForward(call, reading.models)).map((message) => problemAt(call, message)),
  );
}

/**
 * A step whose output misses the target its `# convlens: output` comment gives (the comment's sizes are the output's
 * last ones: `64x64`, or the whole shape), said plainly, with a transposed conv's fixes that reach it.
 */
function targetProblem({ step, input, outcome }: StepShape): LayerProblem | undefined {
  const { call } = step;
  const target = call.target?.shape;
  if (!target || !outcome.ok || 'unresolved' in call.layer) return undefined;
  const got = outcome.shape.slice(-target.length);
  if (target.length <= outcome.shape.length && got.every((d, a) => d === null || d === target[a])) return undefined;
  const { layer } = call;
  const message = `${call.torchName} turns ${sizesText(input.slice(-target.length))} into ${sizesText(got)}, but its comment asks for ${sizesText(target)}`;
  const spatial = layer.kind === 'conv' ? input.slice(-layer.rank) : [];
  const fixes =
    layer.kind === 'conv' && !step.outputSize && target.length >= layer.rank && spatial.every((d) => d !== null)
      ? transposedSizeFixes(layer, spatial as number[], target.slice(-layer.rank))
      : [];
  return { call, span: call.span, message, fixes };
}

/** Every problem of a reading, given the input shape of each model that has one; each once. */
export function readingProblems(reading: PythonReading, inputOf: (model: Model) => Shape | undefined): LayerProblem[] {
  const problems = constructionProblems(reading);
  const add = (problem: LayerProblem | undefined) => {
    const seen = (p: LayerProblem) => p.span.start === problem?.span.start && p.message === problem.message;
    if (problem && !problems.some(seen)) problems.push(problem);
  };
  for (const model of reading.models) {
    const input = inputOf(model);
    if (!input) continue;
    const steps = stepShapes(model, input);
    for (const step of steps) add(targetProblem(step));
    const last = steps.at(-1);
    if (last && !last.outcome.ok)
      add(problemAt(last.step.call, last.outcome.message, last.outcome.fix, last.step.outputSize));
  }
  return problems;
}
