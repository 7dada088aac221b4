import { MAXIMUM_PAGES } from './kernelModule';
import { WasmMemory } from './wasmApi';

const PAGE_BYTES = 65536;
/** Tiles may read one vector past a padded row's end; keep that inside the memory. */
const SLACK_BYTES = 256;

/**
 * A bump allocator over the wasm memory for one computation: `alloc` every region first, `commit` (which grows
 * the memory once), then write through the fresh `f64` / `i32` views. `reset` frees everything.
 */
export class WasmArena {
  f64: Float64Array;
  i32: Int32Array;
  /** The last call's input region and block copies into it, whose padding it zeroed (see `execute`). */
  inputLayout: number[] | undefined;
  private top = 0;

  constructor(readonly memory: WasmMemory) {
    this.f64 = new Float64Array(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
  }

  reset(): void {
    this.top = 0;
  }

  /** Reserves `bytes` at a 16-byte aligned address and returns it. */
  alloc(bytes: number): number {
    const at = Math.ceil(this.top / 16) * 16;
    this.top = at + bytes;
    return at;
  }

  /** Grows the memory to hold every allocation; false when that exceeds the module's maximum. */
  commit(): boolean {
    const needed = this.top + SLACK_BYTES;
    const have = this.memory.buffer.byteLength;
    if (needed > have) {
      const pages = Math.ceil((needed - have) / PAGE_BYTES);
      if (have / PAGE_BYTES + pages > MAXIMUM_PAGES) return false;
      try {
        this.memory.grow(pages);
      } catch {
        return false; // The system refused the memory.
      }
    }
    if (this.f64.buffer !== this.memory.buffer || this.f64.length * 8 !== this.memory.buffer.byteLength) {
      this.f64 = new Float64Array(this.memory.buffer);
      this.i32 = new Int32Array(this.memory.buffer);
    }
    return true;
  }
}
