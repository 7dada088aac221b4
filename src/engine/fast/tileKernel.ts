import { FunctionBody } from './wasm/functionBody';
import { Op, SimdOp, ValueType } from './wasm/opcodes';

const { i32, v128 } = ValueType;

/** Every tile kernel's signature: byte addresses and counts, all i32. */
export const TILE_PARAMS = [i32, i32, i32, i32, i32, i32, i32, i32] as const;

/**
 * The micro-kernel: `channels` output channels × `vectors` f64x2 columns (2·vectors neighbouring outputs of one
 * row), kept in registers while it runs through a list of taps, then stored once. It is an implicit GEMM: tap t
 * reads the input at `x + taps[t]` (a byte offset the planner computed: channel, kernel row and column, stride
 * phase) and the packed weights `w[t][channels]`. Repeats for `nTiles` tiles along the row.
 *
 * Parameters: x (input of the first tile), w, taps, nTaps, out (first channel's output), channelStride (bytes
 * between output channels), nTiles, bias (`channels` doubles the accumulators start from).
 */
export function tileKernel(channels: number, vectors: number): FunctionBody {
  const f = new FunctionBody(TILE_PARAMS);
  const [x, w, taps, nTaps, out, channelStride, nTiles, bias] = [0, 1, 2, 3, 4, 5, 6, 7];
  const tap = f.local(i32);
  const tapEnd = f.local(i32);
  const weight = f.local(i32);
  const address = f.local(i32);
  const outOf = Array.from({ length: channels }, () => f.local(i32));
  const acc = Array.from({ length: channels }, () => Array.from({ length: vectors }, () => f.local(v128)));
  const xs = Array.from({ length: vectors }, () => f.local(v128));
  const wv = f.local(v128);
  const tileBytes = 16 * vectors;

  for (let k = 0; k < channels; k++) {
    f.get(out);
    if (k > 0) f.get(channelStride).i32Const(k).op(Op.i32Mul).op(Op.i32Add);
    f.set(outOf[k]);
  }
  f.get(taps).get(nTaps).i32Const(4).op(Op.i32Mul).op(Op.i32Add).set(tapEnd);

  f.block(() => {
    f.get(nTiles).op(Op.i32Eqz).brIf(0);
    f.loop(() => {
      for (let k = 0; k < channels; k++) {
        f.get(bias).simdMemory(SimdOp.v128Load64Splat, 8 * k).set(acc[k][0]);
        for (let j = 1; j < vectors; j++) f.get(acc[k][0]).set(acc[k][j]);
      }
      f.get(taps).set(tap).get(w).set(weight);
      f.block(() => {
        f.get(nTaps).op(Op.i32Eqz).brIf(0);
        f.loop(() => {
          f.get(x).get(tap).i32Load().op(Op.i32Add).set(address);
          for (let j = 0; j < vectors; j++) f.get(address).simdMemory(SimdOp.v128Load, 16 * j).set(xs[j]);
          for (let k = 0; k < channels; k++) {
            f.get(weight).simdMemory(SimdOp.v128Load64Splat, 8 * k).set(wv);
            for (let j = 0; j < vectors; j++) {
              f.get(acc[k][j]).get(xs[j]).get(wv).simd(SimdOp.f64x2Mul).simd(SimdOp.f64x2Add).set(acc[k][j]);
            }
          }
          f.addTo(tap, 4).addTo(weight, 8 * channels);
          f.get(tap).get(tapEnd).op(Op.i32Ne).brIf(0);
        });
      });
      for (let k = 0; k < channels; k++) {
        for (let j = 0; j < vectors; j++) f.get(outOf[k]).get(acc[k][j]).simdMemory(SimdOp.v128Store, 16 * j);
      }
      f.addTo(x, tileBytes);
      for (let k = 0; k < channels; k++) f.addTo(outOf[k], tileBytes);
      f.get(nTiles).i32Const(1).op(Op.i32Sub).tee(nTiles).brIf(0);
    });
  });
  return f;
}
