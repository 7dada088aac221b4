/**
 * The machine's WebAssembly f64x2 multiply-add peak on one core: a loop of independent relaxed-SIMD multiply-adds
 * (enough chains to hide the instruction's latency, few enough to stay in registers), built with the engine's own
 * module encoder. The engine's GFLOP/s divided by this says how close its inner loop gets to the hardware.
 */
import { FunctionBody } from '../src/engine/fast/wasm/functionBody';
import { encodeModule } from '../src/engine/fast/wasm/moduleBytes';
import { Op, SimdOp, ValueType } from '../src/engine/fast/wasm/opcodes';
import { webAssembly } from '../src/engine/fast/wasmApi';
import { cpuMs } from './timing';

/** Independent accumulators: two FMA units × a 4-5 cycle latency, with 16 vector registers on x64. */
const CHAINS = 10;
const ITERATIONS = 2_000_000;
const FLOPS_PER_ITERATION = CHAINS * 2 * 2;

/** `peak(iterations)`: every chain does acc = a*b + acc per iteration; the sums go to memory so nothing is dropped. */
function peakLoop(): FunctionBody {
  const { i32, v128 } = ValueType;
  const f = new FunctionBody([i32]);
  const [a, b] = [f.local(v128), f.local(v128)];
  const acc = Array.from({ length: CHAINS }, () => f.local(v128));
  f.i32Const(0).simdMemory(SimdOp.v128Load64Splat, 0).set(a);
  f.i32Const(0).simdMemory(SimdOp.v128Load64Splat, 8).set(b);
  for (const chain of acc) f.get(a).set(chain);
  f.loop(() => {
    for (const chain of acc) f.get(a).get(b).get(chain).simd(SimdOp.f64x2RelaxedMadd).set(chain);
    f.get(0).i32Const(1).op(Op.i32Sub).tee(0).brIf(0);
  });
  acc.forEach((chain, i) =>
    f
      .i32Const(16 + 16 * i)
      .get(chain)
      .simdMemory(SimdOp.v128Store, 0),
  );
  return f;
}

/** GFLOP/s of the loop on one core: the fastest of a few runs, in CPU time, so other jobs' load does not count. */
export function measureWasmPeak(): number {
  const bytes = encodeModule({
    memory: { minimumPages: 1, maximumPages: 1, shared: false },
    functions: [{ body: peakLoop(), exportAs: 'peak' }],
    table: [],
  });
  const wasm = webAssembly()!;
  const memory = new wasm.Memory({ initial: 1, maximum: 1, shared: false });
  new Float64Array(memory.buffer).set([1, 1e-9]);
  const instance = new wasm.Instance(new wasm.Module(bytes), { env: { memory } });
  const peak = instance.exports.peak as (iterations: number) => void;
  peak(ITERATIONS / 10);
  let best = Infinity;
  for (let run = 0; run < 7; run++)
    best = Math.min(
      best,
      cpuMs(() => peak(ITERATIONS)),
    );
  return (ITERATIONS * FLOPS_PER_ITERATION) / best / 1e6;
}
