/**
 * Hostile texts (deep nesting of every bracket kind, sign chains, long numbers, huge and unsafe parameters) through
 * the hover's literal search and the command's parse/validate step. Neither may throw, and the characters the parse
 * layer scans (`scanned`, counted by the code itself) must stay within a fixed multiple of the text: a count, not a
 * time, so the check holds on a busy machine and fails on a quadratic scan however fast the machine is.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { findLiteralAt } from '../../../src/parse';
import { charactersScanned, problemFromText, within } from '../parse/helpers';
import { fuzzConfig } from './config';

const config = fuzzConfig(60);

/** The most characters one pass over the text may cost, per character of the text. */
const SCANS_PER_CHARACTER = 16;

/** How a nesting level opens and closes. */
const NESTINGS: readonly (readonly [string, string])[] = [
  ['[', ']'],
  ['{', '}'],
  ['(', ')'],
  ['dict(', ')'],
  ['np.array(', ')'],
  ['{"input": ', '}'],
  ['dict(input=', ')'],
  ['[1, ', ', 2]'],
];

/** Short and long: a scan that grows faster than the text shows only on long ones. */
const depth = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 2_000, max: 20_000 }));

const nested = fc
  .record({ levels: fc.array(fc.nat(NESTINGS.length - 1), { minLength: 1, maxLength: 3 }), n: depth })
  .map(({ levels, n }) => {
    const kinds = Array.from({ length: n }, (_, i) => NESTINGS[levels[i % levels.length]]);
    return (
      kinds.map(([open]) => open).join('') +
      '1' +
      kinds
        .map(([, close]) => close)
        .reverse()
        .join('')
    );
  });

/** Closers that match no opener: each one must not search the whole stack of open brackets. */
const mismatched = fc
  .record({ n: depth, pair: fc.constantFrom<[string, string]>(['[', '}'], ['{', ')'], ['dict(', ']'], ['(', '}']) })
  .map(({ n, pair: [open, close] }) => open.repeat(n) + close.repeat(n));

const signChain = fc
  .record({ n: depth, signs: fc.constantFrom('-', '+', '- ', '-+') })
  .map(({ n, signs }) => `[[${signs.repeat(n)}1]] [[1]]`);

const longNumber = fc
  .record({ n: depth, form: fc.constantFrom('1', '0.', '1e', '1_') })
  .map(({ n, form }) => `{"input": [[${form}${'9'.repeat(n)}]], "kernel": [[1]]}`);

const hugeParameter = fc
  .record({
    field: fc.constantFrom('stride', 'padding', 'dilation', 'output_padding', 'groups'),
    value: fc.constantFrom('1e308', '9007199254740992', '18014398509481986', '[1, 1e300]', '-1e20', '1e999'),
    op: fc.constantFrom('conv2d', 'conv_transpose2d'),
  })
  .map(({ field, value, op }) => `{"op": "${op}", "input": [[1, 2, 3]], "kernel": [[1]], "${field}": ${value}}`);

/** Where a hover may land: the middle, either end, or anywhere. */
const hostile = fc.oneof(nested, mismatched, signChain, longNumber, hugeParameter).chain((text) =>
  fc.record({
    text: fc.constant(text),
    cursor: fc.oneof(fc.constant(Math.floor(text.length / 2)), fc.constant(0), fc.nat(text.length - 1)),
  }),
);

describe('fuzz: hostile texts cost work bounded by their length', function () {
  this.timeout(0); // each case is bounded by its count; before the linear scans one case could take minutes

  it(`the hover's literal search (findLiteralAt) scans at most ${SCANS_PER_CHARACTER} characters a character`, () => {
    fc.assert(
      fc.property(hostile, ({ text, cursor }) => {
        let found: ReturnType<typeof findLiteralAt>;
        const work = charactersScanned(() => (found = findLiteralAt(text, cursor)));
        assert.ok(!found || within(found, text.length), `range ${JSON.stringify(found)} outside the text`);
        assert.ok(
          work <= SCANS_PER_CHARACTER * text.length,
          `${work} characters scanned for a text of ${text.length}: ${text.slice(0, 40)}...`,
        );
      }),
      { numRuns: config.runs, seed: config.seed },
    );
  });

  it('the command reads and validates it or refuses with a located message, within the same bound', () => {
    fc.assert(
      fc.property(hostile, ({ text }) => {
        let answer: ReturnType<typeof problemFromText> | undefined;
        const work = charactersScanned(() => (answer = problemFromText(text)));
        assert.ok(answer);
        if (!answer.ok) {
          assert.ok(answer.error.message.length > 0);
          assert.ok(within(answer.error.range, text.length), `range outside the text: ${answer.error.message}`);
        }
        assert.ok(
          work <= SCANS_PER_CHARACTER * text.length,
          `${work} characters scanned for a text of ${text.length}: ${text.slice(0, 40)}...`,
        );
      }),
      { numRuns: config.runs, seed: config.seed },
    );
  });
});
