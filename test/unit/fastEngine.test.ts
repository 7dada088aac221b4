import * as assert from 'assert';
import fc from 'fast-check';
import { adjoint, ConvProblem, forward, tensorOf, Tensor } from '../../src/engine';
import {
  configureFastEngine,
  fastAdjoint,
  fastEngineAvailable,
  fastEngineFeatures,
  fastForward,
  startFastEngineThreads,
} from '../../src/engine/fast';
import { relaxedSimd } from '../support/relaxedSimd';
import { assertClose } from '../support/approx';
import { moderateDouble, randomSpec, RandomSpec, solvable } from '../support/arbitraries';

const RUNS = { numRuns: 300, seed: 20261126 };
const REL = 1e-12;

/** A deterministic output-shaped tensor for the adjoint. */
function outputLike(p: ConvProblem, seed: number, integers: boolean): Tensor {
  const y = tensorOf(p.geometry.output);
  for (let i = 0; i < y.data.length; i++)
    y.data[i] = integers ? ((seed + i * 7) % 11) - 5 : Math.sin(seed + i * 7.1) * 3;
  return y;
}

function fastOrFail<T>(value: T | undefined): T {
  assert.ok(value !== undefined, 'the fast engine declined to run');
  return value;
}

/** Both passes of the fast engine against the reference: bit-equal for small integers, else within REL. */
function checkAgainstReference(p: ConvProblem, seed: number, integers: boolean): void {
  const compare = (actual: Float64Array, expected: Float64Array, what: string) =>
    integers
      ? assert.deepStrictEqual(Array.from(actual), Array.from(expected), what)
      : assertClose(actual, expected, what, REL);
  const out = fastOrFail(fastForward(p));
  assert.deepStrictEqual(
    [out.channels, out.height, out.width],
    [p.geometry.output.channels, p.geometry.output.height, p.geometry.output.width],
  );
  compare(out.data, forward(p).data, 'forward');
  const y = outputLike(p, seed, integers);
  const back = fastOrFail(fastAdjoint(p, y));
  assert.deepStrictEqual([back.channels, back.height, back.width], [p.input.channels, p.input.height, p.input.width]);
  compare(back.data, adjoint(p, y).data, 'adjoint');
}

/** A spec with filled nested arrays from shapes, so larger cases need not go through fast-check's array generators. */
function filledSpec(
  s: {
    op: string;
    cin: number;
    cout: number;
    groups: number;
    h: number;
    w: number;
    kh: number;
    kw: number;
    seed: number;
    bias: boolean;
    integers: boolean;
  } & Record<string, unknown>,
) {
  let state = s.seed >>> 0 || 1;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return s.integers ? (state % 11) - 5 : (state / 2 ** 32) * 20 - 10;
  };
  const grid = (dims: number[]): unknown =>
    dims.length === 0 ? next() : Array.from({ length: dims[0] }, () => grid(dims.slice(1)));
  const weightDims =
    s.op === 'conv2d' ? [s.cout, s.cin / s.groups, s.kh, s.kw] : [s.cin, s.cout / s.groups, s.kh, s.kw];
  return { ...s, input: grid([s.cin, s.h, s.w]), weight: grid(weightDims), bias: s.bias ? grid([s.cout]) : null };
}

/** Larger shapes than the shared generator: wide rows (every tile width, chunked rows), up to 9 channels per group. */
const largerSpec = fc
  .record({
    op: fc.constantFrom('conv2d', 'conv_transpose2d'),
    groups: fc.integer({ min: 1, max: 3 }),
    inPerGroup: fc.integer({ min: 1, max: 9 }),
    outPerGroup: fc.integer({ min: 1, max: 9 }),
    h: fc.integer({ min: 1, max: 12 }),
    w: fc.integer({ min: 1, max: 90 }),
    kh: fc.integer({ min: 1, max: 5 }),
    kw: fc.integer({ min: 1, max: 5 }),
    stride: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
    padding: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
    dilation: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    outputPadding: fc.tuple(fc.nat(3), fc.nat(3)),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    bias: fc.boolean(),
    integers: fc.boolean(),
  })
  .map((s) => {
    const output_padding = [0, 1].map((a) =>
      s.op === 'conv2d' ? 0 : s.outputPadding[a] % Math.max(s.stride[a], s.dilation[a]),
    );
    return filledSpec({ ...s, cin: s.groups * s.inPerGroup, cout: s.groups * s.outPerGroup, output_padding });
  });

function propertySuite(label: string): void {
  describe(label, () => {
    it('small integers: bit-equal to the reference forward and adjoint (shared random-spec generator)', () => {
      fc.assert(
        fc.property(randomSpec(), fc.nat(1000), (spec: RandomSpec, seed) => {
          const p = solvable(spec);
          fc.pre(p !== undefined);
          checkAgainstReference(p!, seed, true);
        }),
        RUNS,
      );
    });

    it('doubles: within 1e-12 of the reference (shared random-spec generator)', () => {
      fc.assert(
        fc.property(randomSpec(moderateDouble), fc.nat(1000), (spec: RandomSpec, seed) => {
          const p = solvable(spec);
          fc.pre(p !== undefined);
          checkAgainstReference(p!, seed, false);
        }),
        RUNS,
      );
    });

    it('larger shapes: every tile width, channel blocks of 4+2+1, chunked rows, both ops', () => {
      fc.assert(
        fc.property(largerSpec, (spec) => {
          const p = solvable(spec);
          fc.pre(p !== undefined);
          checkAgainstReference(p!, spec.seed, spec.integers);
        }),
        { numRuns: 150, seed: 20261127 },
      );
    });
  });
}

const base = { seed: 7, bias: true, integers: true };
const EDGE_CASES: [string, Record<string, unknown>][] = [
  [
    '1x1 image, 1x1 kernel',
    filledSpec({ ...base, op: 'conv2d', cin: 1, cout: 1, groups: 1, h: 1, w: 1, kh: 1, kw: 1 }),
  ],
  [
    '1x1 image transposed, 3x3 kernel, stride 2',
    filledSpec({ ...base, op: 'conv_transpose2d', cin: 2, cout: 3, groups: 1, h: 1, w: 1, kh: 3, kw: 3, stride: 2 }),
  ],
  [
    'kernel as large as the padded input',
    filledSpec({ ...base, op: 'conv2d', cin: 3, cout: 5, groups: 1, h: 6, w: 7, kh: 8, kw: 9, padding: 1 }),
  ],
  [
    'dilated kernel spanning the padded input',
    filledSpec({
      ...base,
      op: 'conv2d',
      cin: 2,
      cout: 2,
      groups: 1,
      h: 9,
      w: 9,
      kh: 3,
      kw: 3,
      dilation: 4,
      padding: 0,
    }),
  ],
  [
    'depthwise (groups = channels)',
    filledSpec({ ...base, op: 'conv2d', cin: 8, cout: 8, groups: 8, h: 20, w: 33, kh: 3, kw: 3, padding: 1 }),
  ],
  [
    'depthwise transposed',
    filledSpec({
      ...base,
      op: 'conv_transpose2d',
      cin: 6,
      cout: 6,
      groups: 6,
      h: 9,
      w: 17,
      kh: 4,
      kw: 4,
      stride: 2,
      padding: 1,
    }),
  ],
  [
    'huge stride',
    filledSpec({ ...base, op: 'conv2d', cin: 2, cout: 3, groups: 1, h: 40, w: 50, kh: 2, kw: 3, stride: [37, 45] }),
  ],
  [
    'huge stride transposed (outputs no tap reaches)',
    filledSpec({
      ...base,
      op: 'conv_transpose2d',
      cin: 2,
      cout: 3,
      groups: 1,
      h: 4,
      w: 5,
      kh: 2,
      kw: 3,
      stride: [9, 11],
      output_padding: [5, 7],
    }),
  ],
  [
    'asymmetric padding "same", even kernel',
    filledSpec({
      ...base,
      op: 'conv2d',
      cin: 3,
      cout: 6,
      groups: 1,
      h: 15,
      w: 31,
      kh: 4,
      kw: 6,
      padding: 'same',
      dilation: [1, 2],
    }),
  ],
  [
    'stride and dilation at once',
    filledSpec({
      ...base,
      op: 'conv2d',
      cin: 4,
      cout: 7,
      groups: 1,
      h: 30,
      w: 41,
      kh: 3,
      kw: 3,
      stride: [2, 3],
      dilation: [2, 3],
      padding: [2, 1],
    }),
  ],
  [
    'wide single channel, 5x5',
    filledSpec({ ...base, integers: false, op: 'conv2d', cin: 1, cout: 1, groups: 1, h: 7, w: 300, kh: 5, kw: 5 }),
  ],
];

describe('fast engine', () => {
  before(function () {
    if (!fastEngineAvailable()) this.skip();
  });
  const defaults = configureFastEngine({});
  const saved = { ...defaults };
  after(() => configureFastEngine(saved));

  describe('edge cases on one thread and on two', () => {
    for (const threads of [1, 2]) {
      for (const [name, spec] of EDGE_CASES) {
        it(`${name} (${threads} thread${threads > 1 ? 's' : ''})`, async () => {
          configureFastEngine({ maxThreads: threads, parallelMinFlops: 0 });
          if (threads > 1) await startFastEngineThreads();
          const p = solvable(spec);
          assert.ok(p, 'the edge case should be a valid spec');
          checkAgainstReference(p, 3, spec.integers !== false);
        });
      }
    }
  });

  describe("writes into the caller's array, over what it held, on one thread and on two", () => {
    for (const threads of [1, 2]) {
      it(`every edge case (${threads} thread${threads > 1 ? 's' : ''})`, async () => {
        configureFastEngine({ maxThreads: threads, parallelMinFlops: 0 });
        if (threads > 1) await startFastEngineThreads();
        for (const [name, spec] of EDGE_CASES) {
          const p = solvable(spec)!;
          const into = new Float64Array(forward(p).data.length).fill(NaN);
          const out = fastOrFail(fastForward(p, into));
          assert.strictEqual(out.data, into, `${name}: the result should be the caller's array`);
          assertClose(into, forward(p).data, name, REL);
        }
      });
    }
    it('refuses an array of another size', () => {
      const p = solvable(EDGE_CASES[0][1])!;
      assert.throws(() => fastForward(p, new Float64Array(forward(p).data.length + 1)), RangeError);
    });
  });

  describe('a padded layout after another over the same input, each again with new values', () => {
    // The second spec's padding is where the first one's values lie; each computes again over its own layout.
    const shape = { ...base, integers: true, op: 'conv2d', cin: 3, cout: 2, groups: 1, h: 10, w: 10, kh: 3, kw: 3 };
    const specs = [
      { ...shape, seed: 1 },
      { ...shape, seed: 2, padding: [1, 2] },
      { ...shape, seed: 3, padding: [1, 2] },
      { ...shape, seed: 4 },
      { ...shape, seed: 5, padding: [2, 1], stride: [2, 2] },
      { ...shape, seed: 6, padding: [2, 1], stride: [2, 2] },
    ];
    for (const threads of [1, 2]) {
      it(`equals the reference each time (${threads} thread${threads > 1 ? 's' : ''})`, async () => {
        configureFastEngine({ maxThreads: threads, parallelMinFlops: 0 });
        if (threads > 1) await startFastEngineThreads();
        for (const spec of specs) {
          const p = solvable(filledSpec(spec))!;
          const into = new Float64Array(forward(p).data.length);
          assert.deepStrictEqual(Array.from(fastOrFail(fastForward(p, into)).data), Array.from(forward(p).data));
        }
      });
    }
  });

  it('drops and rebuilds a runtime whose memory grew past the retention limit, on one thread and on two', async () => {
    const spec = EDGE_CASES.find(([name]) => name.startsWith('wide single channel'))![1];
    const p = solvable(spec)!;
    for (const threads of [1, 2]) {
      configureFastEngine({ maxThreads: threads, parallelMinFlops: 0, retainedMemoryBytes: 1 });
      if (threads > 1) await startFastEngineThreads();
      for (let i = 0; i < 3; i++) checkAgainstReference(p, i, false);
    }
    configureFastEngine({ retainedMemoryBytes: saved.retainedMemoryBytes });
  });

  describe('one thread', () => {
    before(() => configureFastEngine({ maxThreads: 1 }));
    propertySuite('random specs');
  });

  describe('two threads, every computation split', () => {
    before(async function () {
      configureFastEngine({ maxThreads: 2, parallelMinFlops: 0 });
      if ((await startFastEngineThreads()) < 2) this.skip();
    });
    propertySuite('random specs');
  });

  it('uses the fused multiply-add tiles where relaxed SIMD is on (test/support/relaxedSimd.ts turns it on)', () => {
    assert.strictEqual(relaxedSimd, true, 'this Node should accept relaxed SIMD, by default or through the V8 flag');
    assert.deepStrictEqual(fastEngineFeatures(), { available: true, fusedMultiplyAdd: true });
  });

  describe('plain multiply and add (runtimes without relaxed SIMD), one thread and two', () => {
    before(async () => {
      configureFastEngine({ fusedMultiplyAdd: false, maxThreads: 2, parallelMinFlops: 0 });
      await startFastEngineThreads();
    });
    after(() => configureFastEngine({ fusedMultiplyAdd: true }));
    it('runs the plain tiles when told to', () =>
      assert.deepStrictEqual(fastEngineFeatures(), { available: true, fusedMultiplyAdd: false }));
    for (const [name, spec] of EDGE_CASES) {
      it(name, () => checkAgainstReference(solvable(spec)!, 5, spec.integers !== false));
    }
    propertySuite('random specs');
  });
});
