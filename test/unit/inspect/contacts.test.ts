import * as assert from 'assert';
import fc from 'fast-check';
import { cellsOf, ConvProblem, forEachTap } from '../../../src/engine';
import { bigIndex, contactsOfBig, contactsOfSmall } from '../../../src/engine/inspect';
import { randomNdSpec, randomSpec, smallInteger, solvable } from '../../support/arbitraries';

const RUNS = { numRuns: 200, seed: 77 };

const smallOf = (p: ConvProblem) => p.geometry.small;
const bigOf = (p: ConvProblem) => p.geometry.big;
const key = (small: number, big: number, k: number) => `${small}:${big}:${k}`;

/** forEachTap's contacts as small:big:weight keys (small = output for conv2d, input for conv_transpose2d). */
function taps(p: ConvProblem): string[] {
  const out: string[] = [];
  forEachTap(p, (row, col, k) => out.push(p.geometry.op === 'conv2d' ? key(col, row, k) : key(row, col, k)));
  return out.sort();
}

describe('inspect: contacts (windows and stamps, padding included)', () => {
  it("the inside contacts of every small cell are exactly forEachTap's taps", () => {
    fc.assert(
      fc.property(randomSpec(), (spec) => {
        const p = solvable(spec);
        fc.pre(p !== undefined);
        const small = smallOf(p!);
        const found: string[] = [];
        for (let s = 0; s < small.channels * small.height * small.width; s++) {
          const contacts = contactsOfSmall(p!, s);
          assert.strictEqual(contacts.length, p!.weight.dims[1] * p!.weight.dims[3] * p!.weight.dims[4]);
          for (const c of contacts) if (c.inside) found.push(key(s, bigIndex(p!, c), c.weightIndex));
        }
        assert.deepStrictEqual(found.sort(), taps(p!));
      }),
      RUNS,
    );
  });

  it('contactsOfBig finds the same contacts from the other end, padding positions included', () => {
    fc.assert(
      fc.property(randomSpec(), (spec) => {
        const p = solvable(spec);
        fc.pre(p !== undefined);
        const small = smallOf(p!);
        const big = bigOf(p!);
        const fromSmall: string[] = [];
        for (let s = 0; s < small.channels * small.height * small.width; s++) {
          for (const c of contactsOfSmall(p!, s)) fromSmall.push(`${s}:${c.channel},${c.y},${c.x}:${c.weightIndex}`);
        }
        const fromBig: string[] = [];
        const [, ay, ax] = p!.geometry.axes;
        const [ph, pw] = [ay.padBefore, ax.padBefore];
        const reachY = ay.dilation * ay.kernel + ay.stride * small.height;
        const reachX = ax.dilation * ax.kernel + ax.stride * small.width;
        for (let c = 0; c < big.channels; c++) {
          for (let y = -ph; y < reachY; y++) {
            for (let x = -pw; x < reachX; x++) {
              for (const t of contactsOfBig(p!, c, y, x)) fromBig.push(`${t.small}:${c},${y},${x}:${t.weightIndex}`);
            }
          }
        }
        assert.deepStrictEqual(fromBig.sort(), fromSmall.sort());
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('a padded, strided, dilated window reads padding and skips the dilation gaps', () => {
    // 5x5 input, 2x2 kernel, dilation 2, stride 2, padding 1: output 3x3; y[0,0] reads x at rows/cols -1 and 1.
    const p = solvable({
      input: Array.from({ length: 5 }, (_, i) => [1, 2, 3, 4, 5].map((v) => v + 5 * i)),
      kernel: [
        [1, 2],
        [3, 4],
      ],
      stride: 2,
      padding: 1,
      dilation: 2,
    });
    assert.ok(p);
    const window = contactsOfSmall(p, 0).map((c) => [c.y, c.x, c.weightIndex, c.inside]);
    assert.deepStrictEqual(window, [
      [-1, -1, 0, false],
      [-1, 1, 1, false],
      [1, -1, 2, false],
      [1, 1, 3, true],
    ]);
    // The padding cell (-1, 1) is read by y[0,0] (weight 1) and y[0,1] (weight 0).
    assert.deepStrictEqual(
      contactsOfBig(p, 0, -1, 1).map((c) => [c.small, c.weightIndex, c.inside]),
      [
        [1, 0, false],
        [0, 1, false],
      ],
    );
  });

  /** forEachTap's contacts of any rank as small:big:weight keys. */
  const tapsNd = (p: ConvProblem): string[] => {
    const out: string[] = [];
    forEachTap(p, (row, col, k) => out.push(p.geometry.transposed ? key(row, col, k) : key(col, row, k)));
    return out.sort();
  };

  for (const mode of ['zeros', 'reflect', 'replicate', 'circular'] as const) {
    it(`every rank, padding_mode ${mode}: the contacts with a source are exactly the taps; contactsOfBig agrees`, () => {
      fc.assert(
        fc.property(randomNdSpec(smallInteger, undefined, [mode]), (spec) => {
          const p = solvable(spec);
          fc.pre(p !== undefined);
          const g = p!.geometry;
          const [, d1, kd, kh, kw] = g.weightDims;
          const fromSmall: string[] = [];
          const sourced: string[] = [];
          for (let s = 0; s < cellsOf(g.small); s++) {
            const contacts = contactsOfSmall(p!, s);
            assert.strictEqual(contacts.length, d1 * kd * kh * kw);
            for (const c of contacts) {
              if (c.inside) assert.strictEqual(c.source, bigIndex(p!, c), 'inside, a contact reads its own cell');
              if (c.source < 0) continue;
              sourced.push(key(s, c.source, c.weightIndex));
              fromSmall.push(`${s}:${c.channel},${c.z},${c.y},${c.x}:${c.source}:${c.weightIndex}`);
            }
          }
          assert.deepStrictEqual(sourced.sort(), tapsNd(p!));
          // From the big end: every cell of the big grid, with the padded copies it feeds.
          const fromBig: string[] = [];
          for (let c = 0; c < g.big.channels; c++)
            for (let z = 0; z < g.big.depth; z++)
              for (let y = 0; y < g.big.height; y++)
                for (let x = 0; x < g.big.width; x++)
                  for (const t of contactsOfBig(p!, c, y, x, z))
                    fromBig.push(`${t.small}:${c},${t.z},${t.y},${t.x}:${t.source}:${t.weightIndex}`);
          assert.deepStrictEqual(fromBig.sort(), fromSmall.sort());
        }),
        { numRuns: 100, seed: 78 },
      );
    });
  }

  it('replicate padding: a corner cell feeds through its copies, each contact naming the cell', () => {
    // conv2d, 2x2 input, 2x2 kernel, padding 1 replicate: output 3x3. Cell (0, 0) is also at (-1, -1), (-1, 0) and
    // (0, -1).
    const p = solvable({
      input: [
        [1, 2],
        [3, 4],
      ],
      kernel: [
        [1, 2],
        [3, 4],
      ],
      padding: 1,
      padding_mode: 'replicate',
    });
    assert.ok(p);
    const contacts = contactsOfBig(p, 0, 0, 0).map((c) => [c.y, c.x, c.small, c.weightIndex, c.source]);
    assert.deepStrictEqual(contacts.sort(), [
      [-1, -1, 0, 0, 0],
      [-1, 0, 0, 1, 0],
      [-1, 0, 1, 0, 0],
      [0, -1, 0, 2, 0],
      [0, -1, 3, 0, 0],
      [0, 0, 0, 3, 0],
      [0, 0, 1, 2, 0],
      [0, 0, 3, 1, 0],
      [0, 0, 4, 0, 0],
    ]);
    // Output (0, 0)'s window reads 1 four times: three copies and the cell.
    assert.deepStrictEqual(
      contactsOfSmall(p, 0).map((c) => [c.y, c.x, c.inside, c.source]),
      [
        [-1, -1, false, 0],
        [-1, 0, false, 0],
        [0, -1, false, 0],
        [0, 0, true, 0],
      ],
    );
  });
});
