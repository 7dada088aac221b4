import { kernelModuleBytes, MAXIMUM_PAGES } from './kernelModule';
import { nodeBuiltin } from './nodeBuiltin';
import { WasmArena } from './wasmArena';
import { WasmApi, WasmMemory, WasmModule, webAssembly } from './wasmApi';

/** The compiled kernels, instantiated on this thread over one memory. */
export interface FastRuntime {
  module: WasmModule;
  memory: WasmMemory;
  /** Whether the memory is shared, so worker threads can run the same module on it. */
  shared: boolean;
  /** Whether the tiles multiply-add in one instruction (relaxed SIMD); false where the runtime lacks it. */
  fused: boolean;
  arena: WasmArena;
  /** Sweeps output rows [rowBegin, rowEnd) of the pass whose descriptor is at `descriptor`. */
  run(descriptor: number, rowBegin: number, rowEnd: number): void;
  /** Copies a 2-D block of f64 inside the memory; addresses and strides in bytes. */
  copy2d(
    dst: number,
    dstRowStride: number,
    dstColumnStride: number,
    src: number,
    srcRowStride: number,
    srcColumnStride: number,
    rows: number,
    columns: number,
  ): void;
  zero(dst: number, bytes: number): void;
  /** Per row, a source's even elements to one place and its odd ones to another; bytes (see `copyKernels.ts`). */
  splitPairs(
    dstEven: number,
    dstOdd: number,
    dstRowStride: number,
    src: number,
    srcRowStride: number,
    rows: number,
    pairs: number,
  ): void;
}

const cached = new Map<string, FastRuntime | null>();
const keyOf = (shared: boolean, fused: boolean) => `${shared ? 'shared' : 'private'}, ${fused ? 'fused' : 'unfused'}`;

/**
 * The runtime, built on first use: over private memory for this thread alone, or over shared memory that worker
 * threads can run on too (Node only; JS copies into and out of shared memory are about twice as slow, so
 * computations that stay on one thread use the private one). `fused` asks for the multiply-add tiles, and gets
 * them where the runtime has relaxed SIMD (Node 22 and later, so VS Code's extension host), else the plain ones.
 * Undefined where WebAssembly SIMD is missing.
 */
export function fastRuntime(shared = false, fused = true): FastRuntime | undefined {
  const key = keyOf(shared, fused);
  if (!cached.has(key)) cached.set(key, instantiate(shared, fused) ?? null);
  return cached.get(key) ?? undefined;
}

/** Forgets a runtime (its memory is collected once nothing else holds it); the next call builds a fresh one. */
export function releaseFastRuntime(runtime: FastRuntime): void {
  for (const [key, value] of cached) if (value === runtime) cached.delete(key);
}

function instantiate(shared: boolean, fused: boolean): FastRuntime | undefined {
  const wasm = webAssembly();
  if (!wasm) return undefined;
  // Shared memory only where worker threads could use it: it needs SharedArrayBuffer, which browsers gate.
  if (shared && (typeof SharedArrayBuffer !== 'function' || nodeBuiltin('worker_threads') === undefined))
    return undefined;
  try {
    const module = compile(wasm, shared, fused);
    const memory = new wasm.Memory({ initial: 1, maximum: MAXIMUM_PAGES, shared });
    const exports = new wasm.Instance(module.module, { env: { memory } }).exports as unknown as Pick<
      FastRuntime,
      'run' | 'copy2d' | 'zero' | 'splitPairs'
    >;
    return {
      ...module,
      memory,
      shared,
      arena: new WasmArena(memory),
      run: exports.run,
      copy2d: exports.copy2d,
      zero: exports.zero,
      splitPairs: exports.splitPairs,
    };
  } catch {
    return undefined;
  }
}

/** The module with fused tiles if asked for and the runtime validates them, else with plain ones. */
function compile(wasm: WasmApi, shared: boolean, fused: boolean): { module: WasmModule; fused: boolean } {
  if (fused) {
    const bytes = kernelModuleBytes(shared, true);
    if (wasm.validate(bytes)) return { module: new wasm.Module(bytes), fused: true };
  }
  return { module: new wasm.Module(kernelModuleBytes(shared, false)), fused: false };
}
