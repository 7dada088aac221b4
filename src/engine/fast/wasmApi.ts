/**
 * The slice of the WebAssembly JS API the fast engine uses. Typed here because the engine is checked both as Node
 * code (no DOM lib, which is where TypeScript declares WebAssembly) and as webview code (DOM lib, no Node types).
 */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}

export interface WasmModule {
  readonly kind?: 'WebAssembly.Module';
}

export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  Instance: new (module: WasmModule, imports: object) => { exports: Record<string, unknown> };
}

export function webAssembly(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}
