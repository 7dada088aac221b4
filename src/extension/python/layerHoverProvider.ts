import * as vscode from 'vscode';
import { layerHoverMarkdown } from '../../hover/layerHover';
import { layerContext } from '../../hover/modelShapes';
import { LayerCall, PythonReading } from '../../python/layer';
import { readSettings } from '../settings';
import { InputShapes } from './inputShapes';
import { PythonSource, PythonSources } from './pythonSources';

/**
 * The innermost layer call written around `offset`. The models' steps come first: a layer in a loop is read there
 * with the first pass's names bound, and a list ConvLens could not read is a step saying why (a module ConvLens does
 * not know, `ResBlock(64)`, whose reason is only its name, has no hover).
 */
export function callAt(reading: PythonReading, offset: number): LayerCall | undefined {
  const steps = reading.models.flatMap((model) => model.steps.map((step) => step.call));
  const told = steps.filter((call) => !('unresolved' in call.layer) || call.layer.unresolved !== call.torchName);
  let found: LayerCall | undefined;
  for (const call of [...told, ...reading.layers]) {
    const { start, end } = call.span;
    if (start <= offset && offset <= end && (!found || end - start < found.span.end - found.span.start)) found = call;
  }
  return found;
}

/** Where a position falls in the reading: the source (none when ConvLens did not read it), and the call there. */
interface LayerCallAt {
  source?: PythonSource;
  offset?: number;
  call?: LayerCall;
}

/** The innermost layer call at `position`, with the source read and the offset it falls on. */
async function layerCallAt(
  sources: PythonSources,
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<LayerCallAt> {
  const source = await sources.sourceOf(document);
  const offset = source?.offsetOf(document, position);
  if (!source || offset === undefined) return { source };
  return { source, offset, call: callAt(source.reading, offset) };
}

/** Arguments that are tensors, not settings of the layer: their literal previews stay beside the layer's hover. */
const TENSOR_ARGUMENTS = new Set(['input', 'weight', 'bias']);

/**
 * Whether `position` is on a setting of a PyTorch layer (`kernel_size=(3, 3)`): the layer's hover explains it, so a
 * literal preview of the tuple (`list 2`) would only repeat it.
 */
export async function onLayerSetting(
  sources: PythonSources,
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<boolean> {
  if (!readSettings(document.uri).python.hovers) return false;
  const { call, offset } = await layerCallAt(sources, document, position);
  if (!call || offset === undefined) return false;
  return Object.entries(call.args).some(
    ([parameter, { span }]) => span && span.start <= offset && offset <= span.end && !TENSOR_ARGUMENTS.has(parameter),
  );
}

/** Why ConvLens did not read the file (a size limit), said once, in the hover rather than in a pop-up. */
const refusalHover = (why: string | undefined): vscode.Hover | undefined =>
  why === undefined
    ? undefined
    : new vscode.Hover(new vscode.MarkdownString(`ConvLens did not read this code. ${why}`));

/** Explains a PyTorch layer on hover (beside the literal previews of the other hover provider). */
export class LayerHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly sources: PythonSources,
    private readonly inputs: InputShapes,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!readSettings(document.uri).python.hovers) return undefined;
    const { source, call } = await layerCallAt(this.sources, document, position);
    if (!source) return refusalHover(this.sources.untoldRefusal(document));
    if (!call) return undefined;
    const markdown = layerHoverMarkdown(
      call,
      layerContext(source.reading, (model) => this.inputs.of(source.uri, model), call),
    );
    return new vscode.Hover(new vscode.MarkdownString(markdown), source.place(call.span).range);
  }
}
