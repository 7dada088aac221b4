import { ByteWriter } from './bytes';
import { BLOCK_TYPE_EMPTY, BulkOp, Op, SimdOp, ValueType } from './opcodes';

/** Memory alignment hint (log2 bytes): every address the kernels use is a multiple of 8, not always of 16. */
const ALIGN_8 = 3;
const ALIGN_4 = 2;

/**
 * Builds one function's body as stack-machine code. Locals are numbered after the parameters; labels are
 * relative depths, as in the binary format (0 = the innermost enclosing block or loop).
 */
export class FunctionBody {
  private readonly code = new ByteWriter();
  private readonly localTypes: ValueType[] = [];

  constructor(
    readonly params: readonly ValueType[],
    readonly results: readonly ValueType[] = [],
  ) {}

  /** Declares a new local and returns its index. */
  local(type: ValueType): number {
    this.localTypes.push(type);
    return this.params.length + this.localTypes.length - 1;
  }

  get(index: number): this {
    this.code.byte(Op.localGet).u32(index);
    return this;
  }

  set(index: number): this {
    this.code.byte(Op.localSet).u32(index);
    return this;
  }

  tee(index: number): this {
    this.code.byte(Op.localTee).u32(index);
    return this;
  }

  i32Const(value: number): this {
    this.code.byte(Op.i32Const).s32(value);
    return this;
  }

  op(opcode: (typeof Op)[keyof typeof Op]): this {
    this.code.byte(opcode);
    return this;
  }

  i32Load(offset = 0): this {
    this.code.byte(Op.i32Load).u32(ALIGN_4).u32(offset);
    return this;
  }

  /** A scalar f64 load or store at a constant byte offset from the address on the stack. */
  f64Memory(opcode: typeof Op.f64Load | typeof Op.f64Store, offset = 0): this {
    this.code.byte(opcode).u32(ALIGN_8).u32(offset);
    return this;
  }

  /** `v128.store64_lane`: stores one f64 lane of the vector on the stack. */
  store64Lane(lane: number, offset = 0): this {
    this.code.byte(Op.simdPrefix).u32(SimdOp.v128Store64Lane).u32(ALIGN_8).u32(offset).byte(lane);
    return this;
  }

  /** `memory.copy(dst, src, bytes)` within memory 0. */
  memoryCopy(): this {
    this.code.byte(Op.bulkPrefix).u32(BulkOp.memoryCopy).byte(0).byte(0);
    return this;
  }

  /** `memory.fill(dst, byteValue, bytes)` on memory 0. */
  memoryFill(): this {
    this.code.byte(Op.bulkPrefix).u32(BulkOp.memoryFill).byte(0);
    return this;
  }

  simd(opcode: (typeof SimdOp)[keyof typeof SimdOp]): this {
    this.code.byte(Op.simdPrefix).u32(opcode);
    return this;
  }

  /** `i8x16.shuffle`: byte i of the result is byte `lanes[i]` of the two vectors on the stack (16-31: the second). */
  shuffle(lanes: readonly number[]): this {
    this.code.byte(Op.simdPrefix).u32(SimdOp.i8x16Shuffle);
    for (const lane of lanes) this.code.byte(lane);
    return this;
  }

  /** A SIMD memory access: load, load64_splat or store, at a constant byte offset from the address on the stack. */
  simdMemory(
    opcode: typeof SimdOp.v128Load | typeof SimdOp.v128Load64Splat | typeof SimdOp.v128Store,
    offset = 0,
  ): this {
    this.code.byte(Op.simdPrefix).u32(opcode).u32(ALIGN_8).u32(offset);
    return this;
  }

  /** `local[index] += amount` for an i32 local. */
  addTo(index: number, amount: number): this {
    return this.get(index).i32Const(amount).op(Op.i32Add).set(index);
  }

  block(body: () => void): this {
    this.code.byte(Op.block).byte(BLOCK_TYPE_EMPTY);
    body();
    this.code.byte(Op.end);
    return this;
  }

  loop(body: () => void): this {
    this.code.byte(Op.loop).byte(BLOCK_TYPE_EMPTY);
    body();
    this.code.byte(Op.end);
    return this;
  }

  /** `if ... else ... end` on the i32 on the stack. */
  ifElse(then: () => void, otherwise?: () => void): this {
    this.code.byte(Op.if).byte(BLOCK_TYPE_EMPTY);
    then();
    if (otherwise) {
      this.code.byte(Op.else);
      otherwise();
    }
    this.code.byte(Op.end);
    return this;
  }

  brIf(depth: number): this {
    this.code.byte(Op.brIf).u32(depth);
    return this;
  }

  callIndirect(typeIndex: number, tableIndex = 0): this {
    this.code.byte(Op.callIndirect).u32(typeIndex).u32(tableIndex);
    return this;
  }

  /** The body as the code section stores it: run-length local declarations, the code, `end`. */
  encode(): ByteWriter {
    const out = new ByteWriter();
    const runs: { type: ValueType; count: number }[] = [];
    for (const type of this.localTypes) {
      const last = runs[runs.length - 1];
      if (last && last.type === type) last.count++;
      else runs.push({ type, count: 1 });
    }
    out.u32(runs.length);
    for (const run of runs) out.u32(run.count).byte(run.type);
    out.bytes(this.code.toBytes()).byte(Op.end);
    return out;
  }
}
