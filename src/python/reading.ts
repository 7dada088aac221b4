/** Reads a parsed Python document: every layer call it makes, and its models in the order they apply them. */
import { qualifier } from './imports';
import type { LayerCall, PythonReading } from './layer';
import { readLayerCall } from './layers';
import { readModels } from './models';
import { signatureOf } from './signatures';
import type { Node } from './syntax';
import { Values } from './values';

export function readTree(root: Node, text: string): PythonReading {
  const qualify = qualifier(root);
  const values = new Values(root, qualify);
  const layers: LayerCall[] = [];
  const byCall = new Map<number, LayerCall>();
  for (const call of root.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function');
    const qualified = callee && qualify(callee);
    const signature = qualified ? signatureOf(qualified) : undefined;
    if (!call || !signature) continue;
    const layer = readLayerCall(call, signature, values);
    layers.push(layer);
    byCall.set(call.id, layer);
  }
  const models = readModels(root, { text, qualify, layerAt: (call) => byCall.get(call.id) });
  return { layers, models };
}
