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
  /** Copies a 2-D block of f64 inside the memory; addresses and strides in bytes. */
  copy2d(dst: number, dstRowStride: number, dstColumnStride: number, src: number, srcRowStride: number, srcColumnStride: number, rows: number, columns: number): void;
  zero(dst: number, bytes: number): void;
}

const cached = new Map<boolean, FastRuntime | null>();

/**
 * The runtime, built on first use: over private memory for this thread alone, or over shared memory that worker
 * threads can run on too (Node only; JS copies into and out of shared memory are about twice as slow, so
 * computations that stay on one thread use the private one). Undefined where WebAssembly SIMD is missing.
 */
export function fastRuntime(shared = false): FastRuntime | undefined {
  if (!cached.has(shared)) cached.set(shared, instantiate(shared) ?? null);
  return cached.get(shared) ?? undefined;
}

/** Forgets a runtime (its memory is collected once nothing else holds it); the next call builds a fresh one. */
export function releaseFastRuntime(shared: boolean): void {
  cached.delete(shared);
}

function instantiate(shared: boolean): FastRuntime | undefined {
  const wasm = webAssembly();
  if (!wasm) return undefined;
  // Shared memory only where worker threads could use it: it needs SharedArrayBuffer, which browsers gate.
  if (shared && (typeof SharedArrayBuffer !== 'function' || nodeBuiltin('worker_threads') === undefined)) return undefined;
  try {
    const module = new wasm.Module(kernelModuleBytes(shared));
    const memory = new wasm.Memory({ initial: 1, maximum: MAXIMUM_PAGES, shared });
    const exports = new wasm.Instance(module, { env: { memory } }).exports as unknown as Pick<FastRuntime, 'run' | 'copy2d' | 'zero'>;
    return { module, memory, shared, arena: new WasmArena(memory), run: exports.run, copy2d: exports.copy2d, zero: exports.zero };
  } catch {
    return undefined;
  }
}
