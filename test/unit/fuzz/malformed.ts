/**
 * Every way a selection can be wrong, each made from a valid spec by one change, with the message that must
 * name it and (where the change is one token) the text the error must point at.
 */
import { SpecModel } from './specModel';
import { Fields, Raw, Value } from './printing';

/** What a malformed variant must be refused with. */
export interface Expect {
  message: RegExp;
  /** The text under the error's range, when the change was one token or literal. */
  at?: RegExp;
}

export interface Malformed extends Expect {
  fields: Fields;
}

/** Picks from a seed, so each variant is a pure function of what fast-check drew. */
export class Picker {
  constructor(private state: number) {}
  int(n: number): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((((t ^ (t >>> 14)) >>> 0) % n) + n) % n;
  }
  one<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

type Mutation = (fields: Fields, model: SpecModel, pick: Picker) => Malformed;

const clone = (fields: Fields): Fields => fields.map(([k, v]) => [k, structuredClone(v)] as [string, Value]);
const get = (fields: Fields, key: string): Value | undefined => fields.find(([k]) => k === key)?.[1];
const kernelKey = (fields: Fields): string => (get(fields, 'weight') !== undefined ? 'weight' : 'kernel');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text: string): RegExp => new RegExp(`^${escape(text)}$`);

function set(fields: Fields, key: string, value: Value): Fields {
  const out = fields.filter(([k]) => k !== key);
  out.push([key, value]);
  return out;
}

/** The innermost arrays (rows of numbers) of a nested array, with their paths. */
function rows(v: Value, path: number[] = []): { row: Value[]; path: number[] }[] {
  if (!Array.isArray(v)) return [];
  if (!Array.isArray(v[0])) return [{ row: v, path }];
  return v.flatMap((x, i) => rows(x, [...path, i]));
}

/**
 * Replaces one number of `input` or the kernel with `make(number)`; returns the field's name and the index text.
 * With `sibling`, a row of one number gets a second one, so the change cannot leave a rectangular array.
 */
function replaceCell(
  fields: Fields,
  pick: Picker,
  make: (v: Value) => Value,
  sibling = false,
): { key: string; index: string } {
  const key = pick.one(['input', kernelKey(fields)]);
  const all = rows(get(fields, key)!);
  const { row, path } = pick.one(all);
  const j = pick.int(row.length);
  row[j] = make(row[j]);
  if (sibling && row.length === 1) row.push(0);
  return { key, index: [...path, j].map((i) => `[${i}]`).join('') };
}

const NON_FINITE = [
  'NaN',
  'Infinity',
  '-Infinity',
  'nan',
  'np.nan',
  'np.inf',
  '-np.inf',
  'math.inf',
  'torch.nan',
  "float('inf')",
  'float("nan")',
  "-float('inf')",
  '1e999',
  '-1e999',
  'inf',
];

/** The variants, by the name the suite's summary counts them under. */
export const MUTATIONS: Record<string, Mutation> = {
  ragged(fields, _m, pick) {
    const key = pick.one(['input', kernelKey(fields)]);
    const value = get(fields, key)!;
    // A row one longer or one shorter (maybe empty) than the first row beside it, added last so it is never first.
    const { path } = pick.one(rows(value));
    const parent = path.slice(0, -1).reduce<Value>((v, i) => (v as Value[])[i], value) as Value[];
    const first = parent[0] as Value[];
    parent.push(pick.int(2) === 0 ? [...first, 7] : first.slice(1));
    return {
      fields,
      message: /has \d+ elements?, but \w+(\[0\])+ has \d+: \w+ must be rectangular \(no ragged rows\)\.$/,
      at: /^[[(]|^np\.|^torch\.|^numpy\./,
    };
  },
  'too deep'(fields) {
    let deep: Value = get(fields, 'input')!;
    for (let i = 0; i < 101; i++) deep = [deep];
    return {
      fields: set(fields, 'input', deep),
      message: /^Nested more than 100 levels deep: this is not a spec or a matrix\.$/,
      at: /^[[(]$/,
    };
  },
  '1-D array'(fields, _m, pick) {
    const key = pick.one(['input', kernelKey(fields)]);
    const flat = rows(get(fields, key)!).flatMap((r) => r.row);
    const message =
      key === 'input'
        ? /^conv(_transpose)?2d reads input as a matrix \[H\]\[W\] or channels \[C\]\[H\]\[W\], but it has 1 dimension \[\d+\]\.$/
        : new RegExp(
            `^conv(_transpose)?2d reads ${key} as \\[kh\\]\\[kw\\] .* but it has shape \\[\\d+\\]\\.( For these shapes set "op": "conv(_transpose)?1d"\\.)?$`,
          );
    return { fields: set(fields, key, flat), message };
  },
  '5-D array'(fields, _m, pick) {
    const key = pick.one(['input', kernelKey(fields)]);
    let v = get(fields, key)!;
    const depth = (x: Value): number => (Array.isArray(x) ? 1 + depth(x[0]) : 0);
    while (depth(v) < 5) v = [v];
    const message =
      key === 'input'
        ? /^input must be a list \[L\], a matrix .* but it has 5 dimensions \[[\d, ]+\]\.$/
        : new RegExp(
            `^conv(_transpose)?2d reads ${key} as \\[kh\\]\\[kw\\] .* but it has shape \\[[\\d, ]+\\]\\.( For these shapes set "op": "conv(_transpose)?3d"\\.)?$`,
          );
    return { fields: set(fields, key, v), message };
  },
  'mixed depth'(fields, _m, pick) {
    // A lone number wrapped would just be a deeper (valid) array: it gets a plain sibling.
    const { key, index } = replaceCell(fields, pick, (v) => [v], true);
    // Wrapping the very first number deepens the shape read from it, so then its siblings are the ones wrong;
    // if it has none, the whole array is just one dimension deeper.
    const cell = `${key}${escape(index)} must be a number, but it is an array`;
    const sibling = `${key}(\\[\\d+\\])+ must be an array of length 1 \\(${key} has \\d+ dimensions\\), but it is number .*`;
    const deeper = `${key} must be a matrix .*, but it has (\\d+ dimensions|shape) \\[[\\d, ]+\\]`;
    const ragged = `${key}(\\[\\d+\\])+ has 2 elements, but ${key}(\\[0\\])+ has 1: ${key} must be rectangular \\(no ragged rows\\)`;
    return {
      fields,
      message: new RegExp(`^(${cell}|${sibling}|${deeper}|${ragged})\\.$`),
      at: /^[[(.-]|^\d|^np\.|^torch\.|^numpy\./,
    };
  },
  'string cell'(fields, _m, pick) {
    const word = pick.one(['a', '1', '', 'input']);
    const { key, index } = replaceCell(fields, pick, () => word);
    return {
      fields,
      message: new RegExp(
        `^${key}${escape(index)} must be a number, but it is the string ${escape(JSON.stringify(word))}\\.$`,
      ),
      at: new RegExp(`^["']${escape(word)}["']$`),
    };
  },
  'boolean cell'(fields, _m, pick) {
    const value = pick.int(2) === 0;
    const { key, index } = replaceCell(fields, pick, () => value);
    return {
      fields,
      message: new RegExp(`^${key}${escape(index)} must be a number, but it is boolean ${value}\\.$`),
      at: value ? /^(true|True)$/ : /^(false|False)$/,
    };
  },
  'null cell'(fields, _m, pick) {
    const { key, index } = replaceCell(fields, pick, () => null);
    return {
      fields,
      message: new RegExp(`^${key}${escape(index)} must be a number, but it is null\\.$`),
      at: /^(null|None)$/,
    };
  },
  'NaN or infinity'(fields, _m, pick) {
    const token = pick.one(NON_FINITE);
    const inParameter = pick.int(4) === 0;
    if (inParameter) {
      const key = pick.one(['stride', 'padding', 'dilation', 'groups']);
      return {
        fields: set(fields, key, new Raw(token)),
        message: new RegExp(
          `^${key} is (NaN|Infinity|-Infinity)( \\(written \`.*\`\\))?; only finite numbers are allowed\\.$`,
        ),
        at: exactly(token),
      };
    }
    const { key, index } = replaceCell(fields, pick, () => new Raw(token));
    return {
      fields,
      message: new RegExp(
        `^${key}${escape(index)} is (NaN|Infinity|-Infinity)( \\(written \`.*\`\\))?; only finite numbers are allowed\\.$`,
      ),
      at: exactly(token),
    };
  },
  'empty array'(fields, _m, pick) {
    const key = pick.one(['input', kernelKey(fields), 'bias']);
    const value = pick.one<Value>([[], [[]], [[], []]]);
    const message = new RegExp(`^${key} is empty: (it has|its rows have) no elements\\.$`);
    return { fields: set(fields, key, key === 'bias' ? [] : value), message, at: /^[[(]|^np\.|^torch\.|^numpy\./ };
  },
  'stride or dilation below 1'(fields, _m, pick) {
    const key = pick.one(['stride', 'dilation']);
    const bad = pick.one([0, -1, -2, -7]);
    if (pick.int(2) === 0)
      return {
        fields: set(fields, key, bad),
        message: new RegExp(`^${key} must be at least 1, but it is ${bad}\\.$`),
        at: /^-?\s*\d/,
      };
    const a = pick.int(2);
    const pair: Value = a === 0 ? [bad, 1] : [1, bad];
    return {
      fields: set(fields, key, pair),
      message: new RegExp(`^${key} ${['height', 'width'][a]} must be at least 1, but it is ${bad}\\.$`),
      at: /^-?\s*\d/,
    };
  },
  'negative padding'(fields, _m, pick) {
    const bad = pick.one([-1, -2, -10]);
    if (pick.int(2) === 0)
      return {
        fields: set(fields, 'padding', bad),
        message: new RegExp(`^padding must be non-negative, but it is ${bad}\\.$`),
        at: /^-\s*\d/,
      };
    return {
      fields: set(fields, 'padding', [0, bad]),
      message: new RegExp(`^padding width must be non-negative, but it is ${bad}\\.$`),
      at: /^-\s*\d/,
    };
  },
  'bad parameter type'(fields, _m, pick) {
    const key = pick.one(['stride', 'padding', 'dilation', 'output_padding']);
    const value = pick.one<Value>(['2', true, 1.5, [1, 2, 3], [1], [[1, 1]]]);
    const message =
      key === 'padding' && typeof value === 'string'
        ? /^padding must be an integer, one per axis, "valid" or "same", but it is the string "2"\.$/
        : new RegExp(`^${key} must be an integer or a list \\[height, width\\] of 2 integers, but it is .*\\.$`);
    return { fields: set(fields, key, value), message };
  },
  'unknown op'(fields, _m, pick) {
    const op = pick.one<Value>(['conv4d', 'Conv2d', 'conv2D', 2, true]);
    return {
      fields: set(fields, 'op', op),
      message:
        /^op must be one of "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", but it is .*\.$/,
    };
  },
  'output_padding too large'(fields, m, pick) {
    if (m.op === 'conv2d')
      return {
        fields: set(fields, 'output_padding', 1),
        message: /^output_padding applies only to transposed convolutions; conv2d has none\.$/,
      };
    const a = pick.int(2);
    const limit = Math.max(m.stride[a], m.dilation[a]) + pick.int(3);
    const pair: Value = a === 0 ? [limit, 0] : [0, limit];
    return {
      fields: set(fields, 'output_padding', pair),
      message: new RegExp(
        `^output_padding ${['height', 'width'][a]} \\(${limit}\\) must be smaller than either stride \\(\\d+\\) or dilation \\(\\d+\\), as in PyTorch\\.$`,
      ),
      at: new RegExp(`^${limit}(\\.0?)?$`),
    };
  },
  'groups not dividing channels'(fields, m, pick) {
    const channels = m.input.length;
    // With one channel the input may be written as a matrix, and every groups > 1 fails to divide it.
    const groups = pick.int(2) === 0 ? channels + 1 : pick.one<Value>([0, -1, 1.5, '2']);
    const message =
      Number.isInteger(groups) && (groups as number) > 1
        ? new RegExp(`^groups = ${groups} must divide the input's ${channels} channels?\\.$`)
        : /^groups must be a positive integer, but it is .*\.$/;
    return { fields: set(fields, 'groups', groups), message };
  },
  'kernel larger than padded input'(fields, m, pick) {
    // Only conv2d has this failure; the axis-0 size is pushed past the padded input (with its dilation).
    const padding = m.padding[0];
    const reach = m.input[0].length + 2 * padding + 1;
    const kh = Math.ceil((reach - 1) / m.dilation[0]) + 1;
    const [d0, d1, , kw] = [m.weight.length, m.weight[0].length, 0, m.weight[0][0][0].length];
    const weight = Array.from({ length: d0 }, () =>
      Array.from({ length: d1 }, () => Array.from({ length: kh }, () => Array.from({ length: kw }, () => pick.int(3)))),
    );
    const key = kernelKey(fields);
    const out = set(set(set(fields, 'op', 'conv2d'), 'padding', [padding, m.padding[1]]), 'output_padding', null);
    const conv2dWeight =
      m.op === 'conv2d'
        ? weight
        : Array.from({ length: d1 * m.groups }, () => Array.from({ length: d0 / m.groups }, () => weight[0][0]));
    return {
      fields: set(out, key, conv2dWeight),
      message:
        /^The kernel height spans \d+ cells \(dilation included\) but the padded input height is only \d+: the output would be empty\.$/,
    };
  },
  'missing field'(fields, _m, pick) {
    const which = pick.int(3);
    if (which === 0) return { fields: fields.filter(([k]) => k !== 'input'), message: /^The spec needs an "input"\.$/ };
    if (which === 1)
      return {
        fields: fields.filter(([k]) => k !== 'kernel' && k !== 'weight'),
        message: /^The spec needs a "kernel" \(or "weight"\)\.$/,
      };
    const key = kernelKey(fields);
    return {
      fields: [...fields, [key === 'kernel' ? 'weight' : 'kernel', get(fields, key)!]],
      message: /^Give either "weight" or "kernel", not both\.$/,
    };
  },
  'bias of the wrong length'(fields, m) {
    const outChannels = m.op === 'conv2d' ? m.weight.length : m.weight[0].length * m.groups;
    return {
      fields: set(
        fields,
        'bias',
        Array.from({ length: outChannels + 1 }, (_, i) => i),
      ),
      message: new RegExp(
        `^bias must be a list of ${outChannels} numbers? \\(one per output channel\\), but it has shape \\[${outChannels + 1}\\]\\.$`,
      ),
    };
  },
};

/** Each variant above is made from a copy of the valid fields. */
export function mutate(name: string, fields: Fields, model: SpecModel, seed: number): Malformed {
  return MUTATIONS[name](clone(fields), model, new Picker(seed));
}
