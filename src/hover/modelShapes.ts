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

/** Passes of a loop listed in a hint in full, up to this many; past it the first two, `…`, and the last. */
const PASSES_LISTED = 4;

/** The shape after a step that went through, batch first. */
const shapeAfter = (s: StepShape): Shape => (s.outcome.ok ? s.outcome.shape : []);

/** The steps one line applies, named in the order they apply: `conv1 · relu · pool`. */
const stepNames = (line: readonly StepShape[]): string => line.map((s) => stepName(s.step)).join(' · ');

/** The hint of a line applied once: its shape, and its steps' names when it applies several. */
function lineHint(at: number, line: readonly StepShape[]): ShapeHint {
  const last = shapeAfter(line[line.length - 1]);
  if (line.length === 1)
    return {
      at,
      label: shapeHint(last),
      tooltip: `Shape after ${stepName(line[0].step)}, batch first: ${sizesText(last)}`,
    };
  return {
    at,
    label: `${stepNames(line)} ${shapeHint(last)}`,
    tooltip: [
      'Shape after each step, batch first:',
      ...line.map((s) => `${stepName(s.step)}: ${sizesText(shapeAfter(s))}`),
    ].join('\n'),
  };
}

/**
 * The hint of a line a loop applies once per pass: the count and each pass's shape, `3 passes → 16×64×64, 32×32×32,
 * 64×16×16` (the first two, `…` and the last past `PASSES_LISTED`); every pass in its tooltip.
 */
function passesHint(at: number, passes: readonly StepShape[][]): ShapeHint {
  const outs = passes.map((line) => shapeAfter(line[line.length - 1]));
  const shown = (outs.length > PASSES_LISTED ? [outs[0], outs[1], null, outs[outs.length - 1]] : outs).map((shape) =>
    shape ? shape.slice(1).map(dimText).join('×') : '…',
  );
  const names = passes[0].length > 1 ? `${stepNames(passes[0])}, ` : '';
  const steps = (line: readonly StepShape[]) =>
    line.length === 1
      ? sizesText(shapeAfter(line[0]))
      : line.map((s) => `${stepName(s.step)} ${sizesText(shapeAfter(s))}`).join(' · ');
  return {
    at,
    label: `${names}${passes.length} passes → ${shown.join(', ')}`,
    tooltip: [
      'Shape after each pass of the loop, batch first:',
      ...passes.map((line, p) => `pass ${p + 1}: ${steps(line)}`),
    ].join('\n'),
  };
}

/**
 * One hint where each line's steps end, with the shape coming out: `→ 16×112×112`. A line that applies several
 * layers (`x = self.pool(F.relu(self.conv1(x)))`) gets one hint that names them in the order they apply,
 * `conv1 · relu · pool → 6×14×14`, and each one's shape in its tooltip. A line a loop applies again and again (a
 * layer appended in a `for`) gets one hint for all its passes.
 */
export function shapeHints(steps: readonly StepShape[]): ShapeHint[] {
  const lines: StepShape[][] = [];
  for (const step of steps) {
    if (!step.outcome.ok) break;
    const line = lines.at(-1);
    // A layer the line already applied from the same place in forward starts the loop's next pass.
    const again = line?.some(
      (s) => s.step.call.span.start === step.step.call.span.start && s.step.appliedAt === step.step.appliedAt,
    );
    if (line && line[0].step.hintAt === step.step.hintAt && !again) line.push(step);
    else lines.push([step]);
  }
  const passes = new Map<number, StepShape[][]>();
  for (const line of lines) {
    const at = line[0].step.hintAt;
    const seen = passes.get(at);
    if (seen) seen.push(line);
    else passes.set(at, [line]);
  }
  return [...passes].map(([at, lines]) => (lines.length === 1 ? lineHint(at, lines[0]) : passesHint(at, lines)));
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
    const shapes = input ? stepShapes(model, input) : [];
    const step = shapes[index];
    // A loop applies the call once per pass, forward maybe more than once: every pass the shapes reach, the first
    // one's in full.
    const passes = shapes.filter((s) => s.step.call.span.start === call.span.start);
    const apart = new Set(passes.map((s) => s.step.appliedAt)).size > 1;
    const looped =
      passes.length > 1
        ? {
            passes: passes.map((s) => ({ input: s.input, outcome: s.outcome })),
            passesOf: apart ? ('calls' as const) : ('a loop' as const),
          }
        : {};
    if (step) return { input: step.input, outcome: step.outcome, field, ...looped, ...sized };
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
