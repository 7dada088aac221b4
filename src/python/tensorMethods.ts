/**
 * Tensor methods a `forward` flattens with: `x.flatten(1)`, `x.view(x.size(0), -1)`, `x.reshape(x.shape[0], -1)`.
 * Each reads as the flatten PyTorch's `nn.Flatten` does (batch kept, the rest in one dimension), or as
 * `Tensor.flatten(start_dim=0, end_dim=-1)` with its own arguments.
 */
import type { LayerCall } from './layer';
import { namedChildrenOf, spanOf, type Node } from './syntax';

/** `x.size(0)` or `x.shape[0]`: the batch size of the tensor being reshaped. */
function isBatchSize(node: Node, tensor: string): boolean {
  if (node.type === 'subscript')
    return (
      node.childForFieldName('value')?.text === `${tensor}.shape` && node.childForFieldName('subscript')?.text === '0'
    );
  if (node.type !== 'call') return false;
  const argumentList = node.childForFieldName('arguments');
  return (
    node.childForFieldName('function')?.text === `${tensor}.size` && argumentList?.text.replace(/\s/g, '') === '(0)'
  );
}

const integerText = (node: Node | undefined, fallback: number): number | undefined =>
  node === undefined
    ? fallback
    : /^-?\d+$/.test(node.text.replace(/\s/g, ''))
      ? Number(node.text.replace(/\s/g, ''))
      : undefined;

/** The flatten a tensor method call performs, if it is one of the known forms. */
export function flattenMethod(call: Node): LayerCall | undefined {
  const callee = call.childForFieldName('function');
  const argumentList = call.childForFieldName('arguments');
  if (callee?.type !== 'attribute' || !argumentList) return undefined;
  const tensor = callee.childForFieldName('object')?.text ?? '';
  const method = callee.childForFieldName('attribute')?.text;
  const args = namedChildrenOf(argumentList);
  const base = { torchName: method ?? '', functional: true, span: spanOf(call), calleeSpan: spanOf(callee) } as const;
  if (method === 'flatten') {
    const positional = args.filter((a) => a.type !== 'keyword_argument');
    const keyword = (name: string): Node | undefined =>
      args
        .find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name)
        ?.childForFieldName('value') ?? undefined;
    const start = positional[0] ?? keyword('start_dim');
    const end = positional[1] ?? keyword('end_dim');
    const startDim = integerText(start, 0);
    const endDim = integerText(end, -1);
    const written = Object.fromEntries(
      [
        ['start_dim', start],
        ['end_dim', end],
      ].flatMap(([name, node]) =>
        node && typeof node !== 'string' ? [[name, { text: node.text, span: spanOf(node) }]] : [],
      ),
    );
    if (startDim === undefined || endDim === undefined) {
      const unread = startDim === undefined ? start : end;
      return {
        ...base,
        args: written,
        layer: { unresolved: startDim === undefined ? 'start_dim' : 'end_dim', span: spanOf(unread ?? call) },
      };
    }
    return { ...base, args: written, layer: { kind: 'flatten', startDim, endDim } };
  }
  if (
    (method === 'view' || method === 'reshape') &&
    args.length === 2 &&
    isBatchSize(args[0], tensor) &&
    args[1].text.replace(/\s/g, '') === '-1'
  )
    return { ...base, args: {}, layer: { kind: 'flatten', startDim: 1, endDim: -1 } };
  return undefined;
}
