import { kernelModuleBytes } from './kernelModule';
import { nodeBuiltin } from './nodeBuiltin';
import { webAssembly } from './wasmApi';

/**
 * Turns on relaxed SIMD in a Node whose V8 has it only behind a flag (Node 20; it is on by default in Node 22+
 * and in VS Code's extension host), so benchmarks and tests run the fused tiles VS Code runs. Must run before the
 * fast engine compiles its first module. Returns whether the fused tiles now validate.
 */
export function enableRelaxedSimd(): boolean {
  const wasm = webAssembly();
  if (!wasm) return false;
  const fusedBytes = kernelModuleBytes(false, true);
  if (wasm.validate(fusedBytes)) return true;
  nodeBuiltin<{ setFlagsFromString(flags: string): void }>('v8')?.setFlagsFromString(
    '--experimental-wasm-relaxed-simd',
  );
  return wasm.validate(fusedBytes);
}
