/**
 * What a name means through the module's imports: `nn.Conv2d` is `torch.nn.Conv2d` after `import torch.nn as nn`,
 * `from torch import nn` or `from torch.nn import Conv2d` (then `Conv2d`).
 */
import { dottedName, type Node } from './syntax';

/**
 * The names a notebook cell or snippet uses without importing them (the imports sit in another cell): PyTorch's own
 * conventions. An import of the same name in the document wins.
 */
const CONVENTIONS: Readonly<Record<string, string>> = {
  torch: 'torch',
  nn: 'torch.nn',
  F: 'torch.nn.functional',
  OrderedDict: 'collections.OrderedDict',
};

/** The bindings of the document's top-level imports, local name -> full dotted name. */
function importedNames(statements: readonly Node[]): Map<string, string> {
  const names = new Map<string, string>(Object.entries(CONVENTIONS));
  for (const statement of statements) {
    if (statement.type === 'import_statement') {
      for (const name of statement.childrenForFieldName('name')) {
        if (!name) continue;
        if (name.type === 'aliased_import') {
          const alias = name.childForFieldName('alias')?.text;
          const full = name.childForFieldName('name')?.text;
          if (alias && full) names.set(alias, full);
        } else {
          const head = name.text.split('.')[0]; // `import torch.nn` binds `torch`
          names.set(head, head);
        }
      }
    } else if (statement.type === 'import_from_statement') {
      const module = statement.childForFieldName('module_name')?.text;
      if (!module) continue;
      for (const name of statement.childrenForFieldName('name')) {
        if (!name) continue;
        const imported = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
        const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name.text;
        if (imported && local) names.set(local, `${module}.${imported}`);
      }
    }
  }
  return names;
}

/** Qualifies callees: `nn.Conv2d` -> `torch.nn.Conv2d`; undefined for names no import explains. */
export type Qualify = (callee: Node) => string | undefined;

export function qualifier(statements: readonly Node[]): Qualify {
  const names = importedNames(statements);
  return (callee) => {
    const dotted = dottedName(callee);
    if (!dotted) return undefined;
    const dot = dotted.indexOf('.');
    const head = names.get(dot < 0 ? dotted : dotted.slice(0, dot));
    return head && (dot < 0 ? head : head + dotted.slice(dot));
  };
}
