import { FunctionBody } from './wasm/functionBody';
import { Op, SimdOp, ValueType } from './wasm/opcodes';

const { i32 } = ValueType;

/** The first f64 of each of two vectors: bytes 0-7 of the first, then bytes 0-7 of the second (16-23). */
const FIRST_OF_EACH = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];

/**
 * `copy2d(dst, dstRowStride, dstColumnStride, src, srcRowStride, srcColumnStride, rows, columns)`, strides in
 * bytes: moves a 2-D block of f64 between layouts inside the memory (padding, stride phases).
 * Unit column strides become one `memory.copy` per row; every other column of the source into consecutive ones (a
 * stride-2 layout's phases) goes two at a time through a vector shuffle. JS writes to shared memory are several
 * times slower, hence this.
 */
export function copy2d(): FunctionBody {
  const f = new FunctionBody([i32, i32, i32, i32, i32, i32, i32, i32]);
  const [dst, dstRow, dstColumn, src, srcRow, srcColumn, rows, columns] = [0, 1, 2, 3, 4, 5, 6, 7];
  const d = f.local(i32);
  const s = f.local(i32);
  const left = f.local(i32);
  f.block(() => {
    f.get(rows).op(Op.i32Eqz).get(columns).op(Op.i32Eqz).op(Op.i32Or).brIf(0);
    f.loop(() => {
      f.get(dstColumn).i32Const(8).op(Op.i32Eq).get(srcColumn).i32Const(8).op(Op.i32Eq).op(Op.i32And);
      f.ifElse(
        () => f.get(dst).get(src).get(columns).i32Const(8).op(Op.i32Mul).memoryCopy(),
        () => {
          f.get(dst).set(d).get(src).set(s).get(columns).set(left);
          f.get(dstColumn).i32Const(8).op(Op.i32Eq).get(srcColumn).i32Const(16).op(Op.i32Eq).op(Op.i32And);
          f.ifElse(() => {
            // Pairs: source elements 0 and 2 of four into one vector.
            f.block(() => {
              f.get(left).i32Const(2).op(Op.i32LtU).brIf(0);
              f.loop(() => {
                f.get(d);
                f.get(s).simdMemory(SimdOp.v128Load);
                f.get(s).simdMemory(SimdOp.v128Load, 16);
                f.shuffle(FIRST_OF_EACH).simdMemory(SimdOp.v128Store);
                f.addTo(d, 16).addTo(s, 32);
                f.get(left).i32Const(2).op(Op.i32Sub).tee(left).i32Const(2).op(Op.i32GeU).brIf(0);
              });
            });
          });
          // One at a time: every column of other strides, the odd one left of a pair loop.
          f.block(() => {
            f.get(left).op(Op.i32Eqz).brIf(0);
            f.loop(() => {
              f.get(d).get(s).f64Memory(Op.f64Load).f64Memory(Op.f64Store);
              f.get(d).get(dstColumn).op(Op.i32Add).set(d);
              f.get(s).get(srcColumn).op(Op.i32Add).set(s);
              f.get(left).i32Const(1).op(Op.i32Sub).tee(left).brIf(0);
            });
          });
        },
      );
      f.get(dst).get(dstRow).op(Op.i32Add).set(dst);
      f.get(src).get(srcRow).op(Op.i32Add).set(src);
      f.get(rows).i32Const(1).op(Op.i32Sub).tee(rows).brIf(0);
    });
  });
  return f;
}

/** The second f64 of each of two vectors: bytes 8-15 of the first, then bytes 8-15 of the second (24-31). */
const SECOND_OF_EACH = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];

/**
 * `splitPairs(dstEven, dstOdd, dstRowStride, src, srcRowStride, rows, pairs)`, strides in bytes: per row, the source's
 * first 4·pairs elements, its even ones to `dstEven` and its odd ones to `dstOdd`, consecutively: a stride-2
 * layout's two column phases in one pass over the source, where two `copy2d` calls read it twice.
 */
export function splitPairs(): FunctionBody {
  const f = new FunctionBody([i32, i32, i32, i32, i32, i32, i32]);
  const [dstEven, dstOdd, dstRow, src, srcRow, rows, pairs] = [0, 1, 2, 3, 4, 5, 6];
  const d = f.local(i32);
  const e = f.local(i32);
  const s = f.local(i32);
  const left = f.local(i32);
  const first = f.local(ValueType.v128);
  const second = f.local(ValueType.v128);
  f.block(() => {
    f.get(rows).op(Op.i32Eqz).get(pairs).op(Op.i32Eqz).op(Op.i32Or).brIf(0);
    f.loop(() => {
      f.get(dstEven).set(d).get(dstOdd).set(e).get(src).set(s).get(pairs).set(left);
      f.loop(() => {
        f.get(s).simdMemory(SimdOp.v128Load).set(first);
        f.get(s).simdMemory(SimdOp.v128Load, 16).set(second);
        f.get(d).get(first).get(second).shuffle(FIRST_OF_EACH).simdMemory(SimdOp.v128Store);
        f.get(e).get(first).get(second).shuffle(SECOND_OF_EACH).simdMemory(SimdOp.v128Store);
        f.addTo(d, 16).addTo(e, 16).addTo(s, 32);
        f.get(left).i32Const(1).op(Op.i32Sub).tee(left).brIf(0);
      });
      f.get(dstEven).get(dstRow).op(Op.i32Add).set(dstEven);
      f.get(dstOdd).get(dstRow).op(Op.i32Add).set(dstOdd);
      f.get(src).get(srcRow).op(Op.i32Add).set(src);
      f.get(rows).i32Const(1).op(Op.i32Sub).tee(rows).brIf(0);
    });
  });
  return f;
}

/** `zero(dst, bytes)`: `memory.fill` with 0. */
export function zero(): FunctionBody {
  const f = new FunctionBody([i32, i32]);
  f.get(0).i32Const(0).get(1).memoryFill();
  return f;
}
