/**
 * A Node built-in module when running in Node (20.16+), else undefined. `process.getBuiltinModule` keeps
 * bundlers from pulling Node modules into the browser build, where this simply answers undefined.
 */
export function nodeBuiltin<T>(name: string): T | undefined {
  const host = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  try {
    return host.process?.getBuiltinModule?.(name) as T | undefined;
  } catch {
    return undefined;
  }
}
