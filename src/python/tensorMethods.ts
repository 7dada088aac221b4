/**
 * Tensor methods a `forward` flattens with: `x.flatten(1)` (`Tensor.flatten`, bound like any layer call), and
 * `x.view(x.size(0), -1)` or `x.reshape(x.shape[0], -1)`, which keep the batch and flatten the rest as `nn.Flatten`.
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
  const args = namedChildrenOf(argumentList);
  if (args.length !== 2 || !isBatchSize(args[0], tensor) || compact(args[1]) !== '-1') return undefined;
  return {
    torchName: method,
    functional: true,
    span: spanOf(call),
    calleeSpan: spanOf(callee),
    args: {},
    layer: { kind: 'flatten', startDim: 1, endDim: -1 },
  };
}
