/**
 * The dtypes an array call may name (`np.array(x, dtype=int)`, `torch.tensor(x, dtype=torch.float32)`), and what
 * each does to the numbers written: an integer dtype truncates toward zero, as numpy's astype and torch.tensor do,
 * and refuses a number outside its range; float32 rounds to the nearest float32.
 */
export interface NumberType {
  /** The dtype's canonical name, for messages: `int8`, `float32`. */
  name: string;
  /** The number as this dtype holds it, or undefined when it does not fit. */
  convert(value: number): number | undefined;
}

const integer = (name: string, min: number, max: number): NumberType => ({
  name,
  convert: (value) => {
    const truncated = Math.trunc(value) + 0; // + 0: -0.5 becomes 0, not -0
    return truncated >= min && truncated <= max ? truncated : undefined;
  },
});

const INT8 = integer('int8', -128, 127);
const INT16 = integer('int16', -32_768, 32_767);
const INT32 = integer('int32', -2_147_483_648, 2_147_483_647);
const INT64 = integer('int64', -(2 ** 63), 2 ** 63 - 1);
const UINT8 = integer('uint8', 0, 255);
const UINT16 = integer('uint16', 0, 65_535);
const UINT32 = integer('uint32', 0, 4_294_967_295);
const UINT64 = integer('uint64', 0, 2 ** 64 - 1);
const FLOAT32: NumberType = { name: 'float32', convert: Math.fround };
const FLOAT64: NumberType = { name: 'float64', convert: (value) => value };

/** numpy's names, also written as strings (`dtype='int32'`); Python's `int` and `float` are numpy's int64 and
 * float64. */
const NUMPY: Record<string, NumberType> = {
  int: INT64,
  float: FLOAT64,
  int8: INT8,
  byte: INT8,
  int16: INT16,
  short: INT16,
  int32: INT32,
  intc: INT32,
  int64: INT64,
  int_: INT64,
  intp: INT64,
  longlong: INT64,
  uint8: UINT8,
  ubyte: UINT8,
  uint16: UINT16,
  ushort: UINT16,
  uint32: UINT32,
  uintc: UINT32,
  uint64: UINT64,
  uint: UINT64,
  ulonglong: UINT64,
  float32: FLOAT32,
  single: FLOAT32,
  float64: FLOAT64,
  double: FLOAT64,
  float_: FLOAT64,
};

/** torch's names: `torch.int` is int32 and `torch.float` float32, unlike Python's. */
const TORCH: Record<string, NumberType> = {
  int8: INT8,
  int16: INT16,
  short: INT16,
  int32: INT32,
  int: INT32,
  int64: INT64,
  long: INT64,
  uint8: UINT8,
  float32: FLOAT32,
  float: FLOAT32,
  float64: FLOAT64,
  double: FLOAT64,
};

/** The dtype a name or string spells (`int`, `np.int32`, `'float64'`, `torch.long`), or undefined. */
export function numberType(spelled: string): NumberType | undefined {
  const dot = spelled.lastIndexOf('.');
  const module = spelled.slice(0, Math.max(dot, 0));
  const name = spelled.slice(dot + 1);
  const table = module === 'torch' ? TORCH : module === '' || module === 'np' || module === 'numpy' ? NUMPY : undefined;
  return table && Object.hasOwn(table, name) ? table[name] : undefined;
}

/** What a message lists as readable dtypes. */
export const KNOWN_DTYPES = 'int, float, np.int32, np.int64, np.float32, np.float64, torch.int64, torch.float32, ...';
