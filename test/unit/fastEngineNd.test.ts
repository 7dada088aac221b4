import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import {
  adjoint,
  ConvProblem,
  forward,
  normalizeSpec,
  Op,
  OPS,
  PADDING_MODES,
  Tensor,
  tensorOf,
} from '../../src/engine';
import {
  adjointPlan,
  configureFastEngine,
  fastAdjoint,
  fastEngineAvailable,
  fastForward,
  forwardPlan,
  startFastEngineThreads,
} from '../../src/engine/fast';
import { Plan } from '../../src/engine/fast/plan';
import { ROW_OUTPUTS } from '../../src/engine/fast/splitLongRow';
import { assertClose, flat } from '../support/approx';
import { loadGoldenNdCases, repoRoot } from '../support/golden';

const REL = 1e-12;

function problemOf(spec: unknown): ConvProblem {
  const problem = normalizeSpec(spec);
  assert.ok(problem.ok, problem.ok ? '' : problem.error.message);
  return problem.value;
}

function fastOrFail<T>(value: T | undefined, what: string): T {
  assert.ok(value !== undefined, `${what}: the fast engine declined to run (the reference would have)`);
  return value;
}

/** A deterministic output-shaped tensor for the adjoint. */
function outputLike(p: ConvProblem, seed: number): Tensor {
  const y = tensorOf(p.geometry.output);
  for (let i = 0; i < y.data.length; i++) y.data[i] = Math.sin(seed + i * 7.1) * 3;
  return y;
}

/** Both passes of the fast engine against the reference `forward`/`adjoint`, within REL; returns the fast output. */
function checkAgainstReference(p: ConvProblem, seed: number, what: string): Tensor {
  const out = fastOrFail(fastForward(p), `${what} forward`);
  const g = p.geometry;
  assert.deepStrictEqual(
    [out.channels, out.depth, out.height, out.width],
    [g.output.channels, g.output.depth, g.output.height, g.output.width],
    `${what}: output shape`,
  );
  assertClose(out.data, forward(p).data, `${what} forward`, REL);
  const y = outputLike(p, seed);
  const back = fastOrFail(fastAdjoint(p, y), `${what} adjoint`);
  assert.deepStrictEqual(
    [back.channels, back.depth, back.height, back.width],
    [g.input.channels, g.input.depth, g.input.height, g.input.width],
    `${what}: reconstruction shape`,
  );
  assertClose(back.data, adjoint(p, y).data, `${what} adjoint`, REL);
  return out;
}

/** Seeded values in [-10, 10) filling nested arrays of the given shape. */
function filled(dims: number[], seed: number): unknown {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 2 ** 32) * 20 - 10;
  };
  const grid = (d: number[]): unknown =>
    d.length === 0 ? next() : Array.from({ length: d[0] }, () => grid(d.slice(1)));
  return grid(dims);
}

const rankOfOp = (op: Op): number => Number(op.charAt(op.length - 2));

/** Random specs of every op, rank and padding mode (the modes on convolutions only, as PyTorch has them). */
const randomNdSpec = fc
  .record({
    op: fc.constantFrom(...OPS),
    mode: fc.constantFrom(...PADDING_MODES),
    groups: fc.integer({ min: 1, max: 2 }),
    inPerGroup: fc.integer({ min: 1, max: 3 }),
    outPerGroup: fc.integer({ min: 1, max: 3 }),
    size: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 3, maxLength: 3 }),
    kernel: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
    stride: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
    padding: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
    dilation: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 3, maxLength: 3 }),
    outputPadding: fc.array(fc.nat(2), { minLength: 3, maxLength: 3 }),
    bias: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map((s) => {
    const rank = rankOfOp(s.op);
    const transposed = s.op.startsWith('conv_transpose');
    const axes = <T>(list: T[]) => list.slice(0, rank);
    const cin = s.groups * s.inPerGroup;
    const cout = s.groups * s.outPerGroup;
    const kernel = axes(s.kernel);
    const weightDims = transposed ? [cin, s.outPerGroup, ...kernel] : [cout, s.inPerGroup, ...kernel];
    return {
      op: s.op,
      input: filled([cin, ...axes(s.size)], s.seed),
      weight: filled(weightDims, s.seed + 1),
      bias: s.bias ? filled([cout], s.seed + 2) : null,
      stride: axes(s.stride),
      padding: axes(s.padding),
      dilation: axes(s.dilation),
      output_padding: transposed ? axes(s.outputPadding) : axes(s.outputPadding).map(() => 0),
      groups: s.groups,
      padding_mode: transposed ? 'zeros' : s.mode,
      seed: s.seed,
    };
  });

/** Shapes past what the random specs reach: long 1-D rows (cut into rows for threads), 3-D with groups. */
const LARGER_CASES: [string, Record<string, unknown>][] = [
  ['conv1d 3 x 2000 k9 p4 -> 5', { op: 'conv1d', cin: 3, cout: 5, size: [2000], k: [9], padding: 4 }],
  [
    'conv1d stride 3, dilation 2, groups 2',
    { op: 'conv1d', cin: 4, cout: 6, size: [1700], k: [5], stride: 3, dilation: 2, groups: 2 },
  ],
  [
    'conv_transpose1d stride 2 (interleaved outputs)',
    { op: 'conv_transpose1d', cin: 3, cout: 2, size: [900], k: [4], stride: 2, padding: 1 },
  ],
  ['conv1d reflect', { op: 'conv1d', cin: 2, cout: 3, size: [1100], k: [7], padding: 3, padding_mode: 'reflect' }],
  [
    'conv3d 4 x 6x9x11 k3 p1 -> 8, groups 2',
    { op: 'conv3d', cin: 4, cout: 8, size: [6, 9, 11], k: [3, 3, 3], padding: 1, groups: 2 },
  ],
  [
    'conv3d stride 2, dilation [2,1,1], depth padding past the kernel',
    {
      op: 'conv3d',
      cin: 3,
      cout: 5,
      size: [7, 8, 9],
      k: [2, 3, 2],
      stride: 2,
      dilation: [2, 1, 1],
      padding: [3, 1, 0],
    },
  ],
  [
    'conv_transpose3d stride 2, output_padding 1',
    {
      op: 'conv_transpose3d',
      cin: 4,
      cout: 3,
      size: [5, 6, 7],
      k: [3, 4, 3],
      stride: 2,
      padding: 1,
      output_padding: 1,
    },
  ],
  [
    'conv_transpose3d depth stride past the kernel',
    {
      op: 'conv_transpose3d',
      cin: 2,
      cout: 2,
      size: [4, 5, 5],
      k: [2, 2, 2],
      stride: [4, 1, 1],
      output_padding: [2, 0, 0],
    },
  ],
  [
    'conv3d circular, 2 groups',
    {
      op: 'conv3d',
      cin: 4,
      cout: 4,
      size: [5, 6, 7],
      k: [3, 3, 3],
      padding: [2, 1, 3],
      groups: 2,
      padding_mode: 'circular',
    },
  ],
  [
    'conv3d replicate, stride 2',
    {
      op: 'conv3d',
      cin: 2,
      cout: 3,
      size: [6, 7, 8],
      k: [3, 2, 3],
      stride: 2,
      padding: [1, 2, 1],
      padding_mode: 'replicate',
    },
  ],
  [
    'conv2d reflect "same"',
    { op: 'conv2d', cin: 3, cout: 4, size: [13, 17], k: [4, 3], padding: 'same', padding_mode: 'reflect' },
  ],
];

/** A spec from shapes, with seeded tensors. */
function largerSpec(s: Record<string, unknown>): Record<string, unknown> {
  const { cin, cout, size, k: kernel } = s as { cin: number; cout: number; size: number[]; k: number[] };
  const groups = (s.groups as number | undefined) ?? 1;
  const transposed = (s.op as string).startsWith('conv_transpose');
  const weightDims = transposed ? [cin, cout / groups, ...kernel] : [cout, cin / groups, ...kernel];
  return { ...s, input: filled([cin, ...size], 11), weight: filled(weightDims, 12), bias: filled([cout], 13) };
}

/** Every `.ts` file under a folder. */
const sources = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );

describe('fast engine, every rank and padding mode', () => {
  before(function () {
    if (!fastEngineAvailable()) this.skip();
  });
  const saved = { ...configureFastEngine({}) };
  after(() => configureFastEngine(saved));

  for (const threads of [1, 2]) {
    describe(`${threads} thread${threads > 1 ? 's, every computation split' : ''}`, () => {
      before(async () => {
        configureFastEngine({ maxThreads: threads, parallelMinFlops: threads > 1 ? 0 : saved.parallelMinFlops });
        if (threads > 1) await startFastEngineThreads();
      });

      it('golden-convnd.json: runs fast, equals the reference to 1e-12 and PyTorch to 1e-9', () => {
        for (const c of loadGoldenNdCases()) {
          const p = problemOf(c);
          const out = checkAgainstReference(p, 3, c.name);
          assertClose(out.data, flat(c.expected), `${c.name} vs PyTorch`, 1e-9);
          if (c.reconstruction) {
            const back = fastOrFail(fastAdjoint(p, out), `${c.name} reconstruction`);
            assertClose(back.data, flat(c.reconstruction), `${c.name} reconstruction vs PyTorch`, 1e-9);
          }
        }
      });

      for (const [name, spec] of LARGER_CASES) {
        it(`${name}: runs fast, equals the reference to 1e-12`, () =>
          checkAgainstReference(problemOf(largerSpec(spec)), 5, name));
      }

      it('random specs of every op and padding mode: equal to the reference to 1e-12', () => {
        fc.assert(
          fc.property(randomNdSpec, (spec) => {
            const p = normalizeSpec(spec);
            fc.pre(p.ok);
            if (p.ok) checkAgainstReference(p.value, spec.seed, `${spec.op} ${spec.padding_mode}`);
          }),
          { numRuns: 400, seed: 20261205 },
        );
      });
    });
  }

  it('a 1-D op is one row per channel: nothing pads a height, and threads share the row in pieces', () => {
    const p = problemOf(largerSpec({ op: 'conv1d', cin: 3, cout: 5, size: [2000], k: [9], padding: 4 }));
    // Forward: 3 channels of the padded input (2008); adjoint: 5 channels of the output (1992), each padded by the
    // kernel's reach (8) and at most one tile (16). A second row per channel would add a whole row more.
    const layouts: [string, number, Plan][] = [
      ['forward', 3 * (2008 + 8 + 16), forwardPlan(p)],
      ['adjoint', 5 * (1992 + 8 + 16), adjointPlan(p)],
    ];
    for (const [what, bound, plan] of layouts) {
      assert.ok(plan.inputElements <= bound, `${what}: layout of ${plan.inputElements} elements, over ${bound}`);
      assert.ok(
        plan.passes.every((pass) => pass.destination.columns <= ROW_OUTPUTS),
        `${what}: rows of at most ${ROW_OUTPUTS}`,
      );
      assert.ok(
        plan.passes.some((pass) => pass.rows === Math.floor(1992 / ROW_OUTPUTS)),
        `${what}: the row is cut into rows`,
      );
    }
  });

  it('grid sizes come from the geometry: no kernel span or output extent is recomputed in src/engine/fast', () => {
    const spanOrExtent =
      /\(\s*(\w+\.)?k(ernel)?[a-z]?(\[\d\])?\s*-\s*1\s*\)|\(\s*[\w.]+\.(height|width|depth|input|output)\s*-\s*1\s*\)\s*\*/;
    for (const file of sources(path.join(repoRoot, 'src', 'engine', 'fast'))) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) =>
          assert.ok(!spanOrExtent.test(line), `${path.relative(repoRoot, file)}:${i + 1}: ${line.trim()}`),
        );
    }
  });

  it('the golden cases cover conv1d, conv3d, both transposes and every padding mode (2-D zeros: golden-conv2d.json)', () => {
    const cases = loadGoldenNdCases();
    for (const op of OPS.filter((o) => o !== 'conv2d' && o !== 'conv_transpose2d'))
      assert.ok(
        cases.some((c) => c.op === op),
        op,
      );
    for (const mode of PADDING_MODES) {
      for (const rank of mode === 'zeros' ? [1, 3] : [1, 2, 3])
        assert.ok(
          cases.some((c) => c.padding_mode === mode && rankOfOp(c.op) === rank),
          `${mode}, rank ${rank}`,
        );
    }
  });
});
