import { kernelModuleBytes, MAXIMUM_PAGES } from './kernelModule';
import { nodeBuiltin } from './nodeBuiltin';
import { WasmArena } from './wasmArena';
import { WasmMemory, WasmModule, webAssembly } from './wasmApi';

/** The compiled kernels, instantiated on this thread over one memory. */
export interface FastRuntime {
  module: WasmModule;
  memory: WasmMemory;
  /** Whether the memory is shared, so worker threads can run the same module on it. */
  shared: boolean;
  arena: WasmArena;
  /** Sweeps output rows [rowBegin, rowEnd) of the pass whose descriptor is at `descriptor`. */
  run(descriptor: number, rowBegin: number, rowEnd: number): void;
}

let cached: FastRuntime | null | undefined;

/** The runtime, built on first use; undefined where WebAssembly SIMD is missing (the caller falls back). */
export function fastRuntime(): FastRuntime | undefined {
  if (cached === undefined) cached = instantiate() ?? null;
  return cached ?? undefined;
}

function instantiate(): FastRuntime | undefined {
  const wasm = webAssembly();
  if (!wasm) return undefined;
  // Shared memory only where worker threads could use it: it needs SharedArrayBuffer, which browsers gate.
  const shared = typeof SharedArrayBuffer === 'function' && nodeBuiltin('worker_threads') !== undefined;
  try {
    const module = new wasm.Module(kernelModuleBytes(shared));
    const memory = new wasm.Memory({ initial: 1, maximum: MAXIMUM_PAGES, shared });
    const exports = new wasm.Instance(module, { env: { memory } }).exports as unknown as { run: FastRuntime['run'] };
    return { module, memory, shared, arena: new WasmArena(memory), run: exports.run };
  } catch {
    return undefined;
  }
}
