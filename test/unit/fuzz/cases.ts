/**
 * Generated selections for the fuzz suite: valid specs, pairs and lone matrices in every syntax, each malformed
 * variant, truncated text and plain garbage, sometimes under tight size limits.
 */
import fc from 'fast-check';
import { DEFAULT_LIMITS, Limits } from '../../../src/engine';
import { Expect, MUTATIONS, mutate } from './malformed';
import { sizes } from './oracle';
import { Fields, printMatrix, printPair, printSpec, Raw, Style, Value } from './printing';
import { inputValue, plainModel, spell, spelling, SpecModel, specModel, ValueMode, weightValue } from './specModel';

export interface FuzzCase {
  /** What the generator made; refusals are counted under it. */
  kind: string;
  text: string;
  limits: Limits;
  /** For a lone matrix: the kernel the command would have asked for. */
  kernel?: number[][];
  /** The spec the text spells exactly (the oracle decides the outcome). */
  model?: SpecModel;
  /** How a malformed text must be refused. */
  expect?: Expect;
  /** A lone matrix and no kernel: the command must ask for one. */
  asksForKernel?: true;
}

const style: fc.Arbitrary<Style> = fc.record({
  syntax: fc.constantFrom('json', 'jsonc', 'python', 'dict'),
  indent: fc.boolean(),
  call: fc.constantFrom('', '', 'np.array', 'torch.tensor', 'numpy.asarray'),
  dtype: fc.boolean(),
  tuples: fc.boolean(),
  numbers: fc.constantFrom(0, 1, 2, 3),
  comments: fc.boolean(),
  trailingComma: fc.boolean(),
});

/** Selections often catch some whitespace or a line break on either side. */
const margin = fc.constantFrom('', '', ' ', '\n', '  \n', '\t');

const modes: fc.Arbitrary<ValueMode> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<ValueMode>('small') },
  { weight: 3, arbitrary: fc.constant<ValueMode>('double') },
  { weight: 3, arbitrary: fc.constant<ValueMode>('huge') },
  { weight: 2, arbitrary: fc.constant<ValueMode>('overflow') },
);

const model: fc.Arbitrary<SpecModel> = modes.chain(specModel);
const feasibleModel = model.filter((m) => sizes(m).output.height >= 1 && sizes(m).output.width >= 1);

/** One limit set a little below or above what the case needs (one in five cases), so refusals are exercised. */
function limitsFor(
  m: SpecModel,
  textLength: number,
  choice: { tight: boolean; which: keyof Limits; factor: number },
): Limits {
  if (!choice.tight) return DEFAULT_LIMITS;
  const s = sizes(m);
  const need: Record<keyof Limits, number> = {
    maxSelectionCharacters: textLength,
    maxInputCells: Math.max(s.input, s.weight),
    maxOutputCells: Math.max(1, s.output.channels * s.output.height * s.output.width),
    maxKernelMatrixNonZeros: Math.max(1, s.work),
  };
  return { ...DEFAULT_LIMITS, [choice.which]: Math.max(1, Math.floor(need[choice.which] * choice.factor)) };
}

const limitChoice = fc.record({
  tight: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  which: fc.constantFrom<keyof Limits>(
    'maxSelectionCharacters',
    'maxInputCells',
    'maxOutputCells',
    'maxKernelMatrixNonZeros',
  ),
  factor: fc.double({ min: 0.5, max: 1.5, noNaN: true }),
});

const validSpec: fc.Arbitrary<FuzzCase> = fc
  .record({
    model: fc.oneof({ weight: 3, arbitrary: feasibleModel }, { weight: 1, arbitrary: model }),
    spelling,
    style,
    before: margin,
    after: margin,
    limit: limitChoice,
  })
  .map(({ model: m, spelling: s, style: st, before, after, limit }) => {
    const text = `${before}${printSpec(spell(m, s), st)}${after}`;
    return { kind: 'spec', text, model: m, limits: limitsFor(m, text.length, limit) };
  });

const SEPARATORS = [' ', '\n', ', ', ';\n', '\n\n'];

const validPair: fc.Arbitrary<FuzzCase> = fc
  .record({
    model: plainModel,
    style,
    matrices: fc.boolean(),
    separator: fc.constantFrom(...SEPARATORS),
    limit: limitChoice,
  })
  .map(({ model: m, style: st, matrices, separator, limit }) => {
    const text = printPair(inputValue(m, { matrices }), weightValue(m, { matrices }), st, separator);
    return { kind: 'two matrices', text, model: m, limits: limitsFor(m, text.length, limit) };
  });

/** A lone matrix, convolved with a kernel "picked" by the user (one channel in and out, as the command does). */
const loneMatrix: fc.Arbitrary<FuzzCase> = fc
  .record({ model: plainModel.filter((m) => m.input.length === 1 && m.weight.length === 1), style, before: margin })
  .map(({ model: m, style: st, before }) => ({
    kind: 'one matrix',
    text: `${before}${printMatrix(m.input[0], st, st.comments ? 'image' : '')}`,
    kernel: m.weight[0][0],
    model: m,
    limits: DEFAULT_LIMITS,
  }));

const malformedSpec: fc.Arbitrary<FuzzCase> = fc
  .record({
    model: feasibleModel,
    spelling,
    style,
    mutation: fc.constantFrom(...Object.keys(MUTATIONS)),
    seed: fc.integer(),
    after: margin,
  })
  .map(({ model: m, spelling: s, style: st, mutation, seed, after }) => {
    const { fields, ...expect } = mutate(mutation, spell(m, s), m, seed);
    return { kind: mutation, text: `${printSpec(fields, st)}${after}`, expect, limits: DEFAULT_LIMITS };
  });

/** What a selection cut short may say: every message of the syntax layer. */
const SYNTAX =
  /never closed|^Unterminated|^Incomplete number|^Expected|^Unknown name|cannot be read|^Invalid|^Unexpected character|^dict\(...\) is read from keyword arguments only/;

const truncated: fc.Arbitrary<FuzzCase> = fc
  .record({ model, spelling, style, cut: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }) })
  .map(({ model: m, spelling: s, style: st, cut }) => {
    const whole = printSpec(spell(m, s), st);
    // Cut before the closing brace (so the spec is always incomplete) and after its opening one.
    const close = whole.lastIndexOf(st.syntax === 'dict' ? ')' : '}');
    const open = whole.indexOf(st.syntax === 'dict' ? '(' : '{') + 1;
    const at = open + Math.floor(cut * (close - open));
    return { kind: 'truncated', text: whole.slice(0, at), expect: { message: SYNTAX }, limits: DEFAULT_LIMITS };
  });

const NON_FINITE = ['NaN', 'np.inf', '-Infinity', "float('nan')", '1e999'];

/** Wrong things to select: too many matrices, a number, a list of specs, a lone matrix (fine, or ragged), NaN in a
 * pair. */
const wrongSelection: fc.Arbitrary<FuzzCase> = fc
  .record({
    model: plainModel,
    style,
    separator: fc.constantFrom(...SEPARATORS),
    which: fc.integer({ min: 0, max: 5 }),
    token: fc.constantFrom(...NON_FINITE),
    number: fc.integer({ min: -9, max: 99 }),
  })
  .map(({ model: m, style: st, separator, which, token, number }): FuzzCase => {
    const input: Value = m.input[0];
    const kernel: Value = m.weight[0][0];
    const base = { limits: DEFAULT_LIMITS };
    switch (which) {
      case 0:
        return {
          ...base,
          kind: 'three matrices',
          text: `${printPair(input, kernel, st, separator)}${separator}${printMatrix(kernel, st, '')}`,
          expect: { message: /^Found 3 matrices: select one matrix, or two \(input then kernel\)\.$/ },
        };
      case 1:
        return {
          ...base,
          kind: 'a scalar',
          text: st.syntax === 'python' ? `x = ${number}` : String(number),
          expect: {
            message: /^Select a JSON spec object, one matrix, or two matrices \(input then kernel\); found `.*`\.$/,
            at: /^-?\s*\d+$/,
          },
        };
      case 2: {
        const spec: Fields = [
          ['input', input],
          ['kernel', kernel],
        ];
        const inList = { ...st, comments: false }; // a trailing line comment would swallow the rest of the list
        return {
          ...base,
          kind: 'a list of specs',
          text: `[${printSpec(spec, inList)}, ${printSpec(spec, inList)}]`,
          expect: { message: /^This list holds objects: select one spec object/ },
        };
      }
      case 3:
        return { ...base, kind: 'one matrix, no kernel', text: printMatrix(input, st, ''), asksForKernel: true };
      case 4: {
        // Refused as it is, before the command asks which kernel to use.
        const ragged = [...(input as Value[][]), [...(input as Value[][])[0], 7]];
        return {
          ...base,
          kind: 'one ragged matrix',
          text: printMatrix(ragged, st, ''),
          expect: {
            message: /^input\[\d+\] has \d+ elements, but input\[0\] has \d+: input must be rectangular/,
            at: /^[[(]/,
          },
        };
      }
      default: {
        const bad = structuredClone(input) as Value[][];
        bad[bad.length - 1][0] = new Raw(token);
        return {
          ...base,
          kind: 'NaN or infinity',
          text: printPair(bad, kernel, st, separator),
          expect: {
            message:
              /^(input|x)(\[\d+\])+ is (NaN|Infinity|-Infinity)( \(written `.*`\))?; only finite numbers are allowed\.$/,
            at: new RegExp(`^${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
          },
        };
      }
    }
  });

const FRAGMENTS = [
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  ',',
  ':',
  '=',
  ';',
  '-',
  '+',
  '.',
  ' ',
  '\n',
  '1',
  '2.5',
  '.5',
  '1e',
  '1e308',
  '"',
  "'",
  '"input"',
  "'kernel'",
  '"stride"',
  'input',
  'nan',
  'np.nan',
  'inf',
  'True',
  'None',
  'np.array(',
  'torch.tensor(',
  'dict(',
  'float(',
  'dtype=',
  'x',
  '#',
  '//',
  '/*',
  '*/',
  '```',
  '\\',
  '@',
  'é',
  '\u{1F600}',
];

/** Anything at all: only "no throw, located, bounded time" and, if it computes, the reference hold. */
const garbage: fc.Arbitrary<FuzzCase> = fc
  .oneof(
    fc.string({ maxLength: 80 }),
    fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join('')),
  )
  .map((text) => ({ kind: 'garbage', text, limits: DEFAULT_LIMITS }));

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 40, arbitrary: validSpec },
  { weight: 6, arbitrary: validPair },
  { weight: 3, arbitrary: loneMatrix },
  { weight: 36, arbitrary: malformedSpec },
  { weight: 5, arbitrary: truncated },
  { weight: 5, arbitrary: wrongSelection },
  { weight: 5, arbitrary: garbage },
);
