/**
 * What a command gives back to whoever ran it. Callers in the extension host (tests, other extensions) get the
 * object itself; the workbench (a keybinding, the palette, a CodeLens or hover link) gets it as JSON across the
 * process boundary, and a view's typed arrays make that seconds of text for a big input, carried before the panel's
 * own message could pass. So its JSON says only what happened.
 */
export function briefAcrossProcesses<T extends object>(result: T): T {
  return Object.defineProperty(result, 'toJSON', {
    value: () => ('view' in result ? { shown: true } : { ...result }),
  });
}
