/**
 * Tensor methods a `forward` flattens or reshapes with: `x.flatten(1)` (`Tensor.flatten`, bound like any layer call),
 * `x.view(x.size(0), -1)` or `x.reshape(x.shape[0], -1)`, which keep the batch and flatten the rest as `nn.Flatten`,
 * and `x.view(-1, 400)` with sizes the code states. A view or reshape read no other way is a step ConvLens cannot
 * work out, so no shape is guessed past it.
 */
import type { LayerCall } from './layer';
import { readLayerCall } from './layers';
import { TENSOR_FLATTEN } from './signatures';
import { namedChildrenOf, spanOf, type Node } from './syntax';
import type { Values } from './values';

const compact = (node: Node): string => node.text.replace(/\s/g, '');

/** `x.size(0)` or `x.shape[0]`: the batch size of the tensor being reshaped. */
function isBatchSize(node: Node, tensor: string): boolean {
  const written = compact(node);
  return written === `${tensor}.size(0)` || written === `${tensor}.shape[0]`;
}

/** The flatten a tensor method call performs, if it is one of the known forms. */
export function flattenMethod(call: Node, values: Values): LayerCall | undefined {
  const callee = call.childForFieldName('function');
  const argumentList = call.childForFieldName('arguments');
  if (callee?.type !== 'attribute' || !argumentList) return undefined;
  const method = callee.childForFieldName('attribute')?.text;
  if (method === 'flatten') return readLayerCall(call, TENSOR_FLATTEN, values);
  if (method !== 'view' && method !== 'reshape') return undefined;
  const tensor = compact(callee.childForFieldName('object') ?? callee);
  const args = namedChildrenOf(argumentList).filter((node) => node.type !== 'comment');
  const base = { torchName: method, functional: true, span: spanOf(call), calleeSpan: spanOf(callee), args: {} };
  if (args.length === 2 && isBatchSize(args[0], tensor) && compact(args[1]) === '-1')
    return { ...base, layer: { kind: 'flatten', startDim: 1, endDim: -1 } };
  // x.view(-1, 400) or x.view((-1, 400))
  const written = args.map((node) => values.of(node));
  const sizes = written.length === 1 && Array.isArray(written[0]) ? written[0] : written;
  if (sizes.length > 0 && sizes.every((s) => typeof s === 'number' && Number.isInteger(s)))
    return { ...base, layer: { kind: 'reshape', sizes: sizes as number[] } };
  return { ...base, layer: { unresolved: argumentList.text, span: spanOf(argumentList) } };
}
