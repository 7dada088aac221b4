/** The few WebAssembly opcodes the kernels use (core spec 2.0 plus the fixed-width SIMD proposal). */
export const ValueType = { i32: 0x7f, f64: 0x7c, v128: 0x7b } as const;
export type ValueType = (typeof ValueType)[keyof typeof ValueType];

export const Op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  callIndirect: 0x11,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  select: 0x1b,
  i32Load: 0x28,
  f64Load: 0x2b,
  f64Store: 0x39,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtU: 0x49,
  i32GtU: 0x4b,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32DivU: 0x6e,
  i32And: 0x71,
  i32Or: 0x72,
  bulkPrefix: 0xfc,
  simdPrefix: 0xfd,
} as const;

/** Opcodes after the 0xfd prefix, encoded as u32 LEB128 (`f64x2RelaxedMadd` is from the relaxed SIMD proposal). */
export const SimdOp = {
  v128Load: 0x00,
  v128Load64Splat: 0x0a,
  v128Store: 0x0b,
  i8x16Shuffle: 0x0d,
  v128Store64Lane: 0x5b,
  f64x2Add: 0xf0,
  f64x2Mul: 0xf2,
  /** `a * b + c`, fused where the hardware has FMA. */
  f64x2RelaxedMadd: 0x107,
} as const;

/** Bulk-memory opcodes after the 0xfc prefix. */
export const BulkOp = { memoryCopy: 0x0a, memoryFill: 0x0b } as const;

export const BLOCK_TYPE_EMPTY = 0x40;
