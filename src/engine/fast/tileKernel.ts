import { FunctionBody } from './wasm/functionBody';
import { Op, SimdOp, ValueType } from './wasm/opcodes';

const { i32, v128 } = ValueType;

/** Every tile kernel's signature: byte addresses and counts, all i32. */
export const TILE_PARAMS = [i32, i32, i32, i32, i32, i32, i32, i32, i32, i32] as const;

/**
 * The micro-kernel: `channels` output channels × `vectors` f64x2 columns (2·vectors neighbouring outputs of one
 * row), kept in registers while it runs through a list of taps, then stored once. It is an implicit GEMM: tap t
 * reads the input at `x + taps[t]` (a byte offset the planner computed: channel, kernel row and column, stride
 * phase) and the packed weights `w[t][channels]`. Repeats for `nTiles` tiles along the row.
 *
 * Parameters: x (input of the first tile), w, taps, nTaps, out (first channel's output), channelStride (bytes
 * between output channels), nTiles, bias (`channels` doubles the accumulators start from), lastColumns (outputs
 * of the last tile to store: fewer than 2·vectors at a row's end, so rows can be written in place), columnBytes
 * (bytes between neighbouring outputs: 8, or a transposed stride phase's step, whose outputs interleave with the other
 * phases' and are stored lane by lane).
 * `fused` multiplies and adds in one relaxed-SIMD instruction (an FMA on x64 and arm64): half the arithmetic
 * instructions, which is what bounds this loop.
 */
export function tileKernel(channels: number, vectors: number, fused: boolean): FunctionBody {
  const f = new FunctionBody(TILE_PARAMS);
  const [x, w, taps, nTaps, out, channelStride, nTiles, bias, lastColumns, columnBytes] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
  ];
  const tap = f.local(i32);
  const tapEnd = f.local(i32);
  const weight = f.local(i32);
  const address = f.local(i32);
  const outStep = f.local(i32);
  const columnsHere = f.local(i32);
  const outOf = Array.from({ length: channels }, () => f.local(i32));
  const acc = Array.from({ length: channels }, () => Array.from({ length: vectors }, () => f.local(v128)));
  const xs = Array.from({ length: vectors }, () => f.local(v128));
  const ws = Array.from({ length: channels }, () => f.local(v128));
  const tileBytes = 16 * vectors;

  for (let k = 0; k < channels; k++) {
    f.get(out);
    if (k > 0) f.get(channelStride).i32Const(k).op(Op.i32Mul).op(Op.i32Add);
    f.set(outOf[k]);
  }
  f.get(taps).get(nTaps).i32Const(4).op(Op.i32Mul).op(Op.i32Add).set(tapEnd);
  f.get(columnBytes)
    .i32Const(2 * vectors)
    .op(Op.i32Mul)
    .set(outStep);

  /** acc += x[tap] * w[tap] for the tap the `tap` and `weight` pointers are at. */
  const multiplyTap = () => {
    f.get(x).get(tap).i32Load().op(Op.i32Add).set(address);
    const weightLoad = (k: number) =>
      f
        .get(weight)
        .simdMemory(SimdOp.v128Load64Splat, 8 * k)
        .set(ws[k]);
    const multiplyAdd = (k: number, j: number) => {
      if (fused) f.get(xs[j]).get(ws[k]).get(acc[k][j]).simd(SimdOp.f64x2RelaxedMadd);
      else f.get(acc[k][j]).get(xs[j]).get(ws[k]).simd(SimdOp.f64x2Mul).simd(SimdOp.f64x2Add);
      f.set(acc[k][j]);
    };
    // Keep the smaller of the two operand sets live, so accumulators never spill (x64 has 16 vector registers).
    if (vectors <= channels) {
      for (let j = 0; j < vectors; j++)
        f.get(address)
          .simdMemory(SimdOp.v128Load, 16 * j)
          .set(xs[j]);
      for (let k = 0; k < channels; k++) {
        weightLoad(k);
        for (let j = 0; j < vectors; j++) multiplyAdd(k, j);
      }
    } else {
      for (let k = 0; k < channels; k++) weightLoad(k);
      for (let j = 0; j < vectors; j++) {
        f.get(address)
          .simdMemory(SimdOp.v128Load, 16 * j)
          .set(xs[j]);
        for (let k = 0; k < channels; k++) multiplyAdd(k, j);
      }
    }
  };

  const storeAll = () => {
    for (let k = 0; k < channels; k++) {
      for (let j = 0; j < vectors; j++)
        f.get(outOf[k])
          .get(acc[k][j])
          .simdMemory(SimdOp.v128Store, 16 * j);
    }
  };
  // Only the first `columnsHere` outputs: whole vectors, then maybe one lane.
  const storeFirstColumns = () => {
    for (let j = 0; j < vectors; j++) {
      f.get(columnsHere)
        .i32Const(2 * j + 2)
        .op(Op.i32GeU);
      f.ifElse(
        () => {
          for (let k = 0; k < channels; k++)
            f.get(outOf[k])
              .get(acc[k][j])
              .simdMemory(SimdOp.v128Store, 16 * j);
        },
        () => {
          f.get(columnsHere)
            .i32Const(2 * j + 1)
            .op(Op.i32Eq);
          f.ifElse(() => {
            for (let k = 0; k < channels; k++)
              f.get(outOf[k])
                .get(acc[k][j])
                .store64Lane(0, 16 * j);
          });
        },
      );
    }
  };

  // Output by output, each lane where it goes, only the first `columnsHere`.
  const storeStrided = () => {
    for (let j = 0; j < vectors; j++) {
      for (let lane = 0; lane < 2; lane++) {
        const column = 2 * j + lane;
        f.get(columnsHere).i32Const(column).op(Op.i32GtU);
        f.ifElse(() => {
          for (let k = 0; k < channels; k++) {
            f.get(outOf[k]).get(columnBytes).i32Const(column).op(Op.i32Mul).op(Op.i32Add);
            f.get(acc[k][j]).store64Lane(lane);
          }
        });
      }
    }
  };

  f.block(() => {
    f.get(nTiles).op(Op.i32Eqz).brIf(0);
    f.loop(() => {
      for (let k = 0; k < channels; k++) {
        f.get(bias)
          .simdMemory(SimdOp.v128Load64Splat, 8 * k)
          .set(acc[k][0]);
        for (let j = 1; j < vectors; j++) f.get(acc[k][0]).set(acc[k][j]);
      }
      f.get(taps).set(tap).get(w).set(weight);
      // One tap per iteration: unrolling measured slower (TurboFan then hoists loads and spills accumulators).
      f.block(() => {
        f.get(tap).get(tapEnd).op(Op.i32Eq).brIf(0);
        f.loop(() => {
          multiplyTap();
          f.addTo(tap, 4).addTo(weight, 8 * channels);
          f.get(tap).get(tapEnd).op(Op.i32Ne).brIf(0);
        });
      });
      // The last tile stores only the row's remaining columns.
      f.get(lastColumns)
        .i32Const(2 * vectors)
        .get(nTiles)
        .i32Const(1)
        .op(Op.i32Eq)
        .op(Op.select)
        .set(columnsHere);
      f.get(columnBytes).i32Const(8).op(Op.i32Eq);
      f.ifElse(() => {
        f.get(columnsHere)
          .i32Const(2 * vectors)
          .op(Op.i32LtU);
        f.ifElse(storeFirstColumns, storeAll);
      }, storeStrided);
      f.addTo(x, tileBytes);
      for (let k = 0; k < channels; k++) f.get(outOf[k]).get(outStep).op(Op.i32Add).set(outOf[k]);
      f.get(nTiles).i32Const(1).op(Op.i32Sub).tee(nTiles).brIf(0);
    });
  });
  return f;
}
