/**
 * What a hover costs in ConvLens's own code, on large documents: finding the literal around the cursor
 * (`findLiteralAt`) and describing it (`describeLiteral`), the two pure steps the hover provider runs. The first
 * call of each step is reported apart from the median, because the first hover of a session runs cold code.
 *
 *   npm run bench:hover
 *
 * `node --cpu-prof out/bench/hover.js` afterwards shows where the time goes.
 */
import { DEFAULT_FORMAT } from '../src/format/numberText';
import { describeLiteral } from '../src/hover/hoverText';
import { findLiteralAt } from '../src/parse';
import { formatTable, ms } from './table';
import { measure } from './timing';

/** The timings suite's document: a spec with an n x n input of short decimals, one row per line. */
function specText(n: number): string {
  const rows = Array.from(
    { length: n },
    (_, i) => `[${Array.from({ length: n }, (_, j) => ((i * 31 + j * 17) % 1000) / 1000).join(', ')}]`,
  );
  return `{"input": [\n${rows.join(',\n')}\n], "kernel": [[0, -1, -2], [1, 0, -1], [2, 1, 0]]}\n`;
}

/** A Python matrix in scientific notation, which the plain-number fast paths do not cover whole. */
function exponentMatrixText(n: number): string {
  const rows = Array.from(
    { length: n },
    (_, i) => `[${Array.from({ length: n }, (_, j) => ((i * n + j) * 1e-7).toExponential(3)).join(', ')}]`,
  );
  return `x = np.array([${rows.join(',\n')}])\n`;
}

interface HoverCase {
  name: string;
  /** Flattened, as a document's getText() returns it. */
  text: string;
  cursor: number;
}

const flat = (text: string): string => text.split('\n').join('\n');
const spec5MB = flat(specText(860));
const spec900K = flat(specText(370));
const CASES: HoverCase[] = [
  { name: '5.1 MB spec, on a row (the timings suite)', text: spec5MB, cursor: spec5MB.length >> 1 },
  { name: '0.9 MB spec, on "input" (shapes only)', text: spec900K, cursor: 3 },
  { name: '0.9 MB spec, on a row (the spec)', text: spec900K, cursor: spec900K.length >> 1 },
  { name: '0.2 MB spec, on "input" (values, output)', text: flat(specText(150)), cursor: 3 },
  { name: '0.6 MB np.array in 1e-07 notation', text: flat(exponentMatrixText(250)), cursor: 4 },
];

const rows = CASES.map(({ name, text, cursor }) => {
  const started = performance.now();
  const literal = findLiteralAt(text, cursor);
  const findFirst = performance.now() - started;
  if (!literal) throw new Error(`${name}: no literal found`);
  const literalText = text.slice(literal.offset, literal.offset + literal.length);
  const describeStarted = performance.now();
  const hover = describeLiteral(literalText, DEFAULT_FORMAT);
  const describeFirst = performance.now() - describeStarted;
  const find = measure(() => findLiteralAt(text, cursor), { minMs: 200 });
  const describe = measure(() => describeLiteral(literalText, DEFAULT_FORMAT), { minMs: 200 });
  const title = hover?.markdown.split('\n')[0].replace('**ConvLens** · ', '') ?? '(no hover)';
  return [
    name,
    `${(literal.length / 1e3).toFixed(0)}k`,
    ms(findFirst),
    ms(find.median),
    ms(describeFirst),
    ms(describe.median),
    title.slice(0, 60),
  ];
});

console.log(`Node ${process.version}; ms per hover, first call (cold code) and median after warm-up`);
console.log(
  formatTable(['case', 'literal chars', 'find: first', 'find', 'describe: first', 'describe', 'hover'], rows),
);
