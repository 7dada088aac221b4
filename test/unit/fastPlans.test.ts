import * as assert from 'assert';
import { adjoint, cellsOf, ConvProblem, forward, normalizeSpec, Tensor, tensorOf } from '../../src/engine';
import {
  adjointPlan,
  configureFastEngine,
  fastAdjoint,
  fastEngineAvailable,
  fastForward,
  forwardPlan,
} from '../../src/engine/fast';
import { assertClose } from '../support/approx';
import { nested, seeded } from '../support/seededValues';

interface Shape {
  op: 'conv1d' | 'conv2d' | 'conv3d' | 'conv_transpose2d';
  cin: number;
  cout: number;
  size: number[];
  kernel: number[];
  stride?: number[];
  padding?: number[];
  dilation?: number[];
  output_padding?: number[];
  groups?: number;
  padding_mode?: string;
}

function problemOf(shape: Shape, seed: number): ConvProblem {
  const { cin, cout, size, kernel, ...rest } = shape;
  const groups = shape.groups ?? 1;
  const transposed = shape.op === 'conv_transpose2d';
  const weightDims = transposed ? [cin, cout / groups, ...kernel] : [cout, cin / groups, ...kernel];
  const cells = (dims: number[]) => dims.reduce((a, b) => a * b);
  const problem = normalizeSpec({
    ...rest,
    input: nested(seeded(cells([cin, ...size]), seed), [cin, ...size]),
    weight: nested(seeded(cells(weightDims), seed + 1), weightDims),
    bias: seeded(cout, seed + 2),
  });
  assert.ok(problem.ok, problem.ok ? '' : problem.error.message);
  return problem.value;
}

function outputLike(p: ConvProblem, seed: number): Tensor {
  const y = tensorOf(p.geometry.output);
  y.data.set(seeded(y.data.length, seed));
  return y;
}

/** Both passes against the reference: a plan made for other shapes would read or write the wrong cells. */
function checkBothPasses(p: ConvProblem, seed: number, what: string): void {
  const out = fastForward(p);
  assert.ok(out, `${what}: the fast engine ran`);
  assertClose(out.data, forward(p).data, `${what} forward`, 1e-12);
  const y = outputLike(p, seed);
  const back = fastAdjoint(p, y);
  assert.ok(back, `${what}: the fast adjoint ran`);
  assertClose(back.data, adjoint(p, y).data, `${what} adjoint`, 1e-12);
}

const BASE: Shape = { op: 'conv2d', cin: 4, cout: 6, size: [9, 11], kernel: [3, 2] };
const TRANSPOSED: Shape = { ...BASE, op: 'conv_transpose2d', stride: [2, 3] };

/** Each differs from BASE (or TRANSPOSED) in one parameter: each needs a plan of its own. */
const ONE_CHANGE: [string, Shape, Shape][] = [
  ['input height', BASE, { ...BASE, size: [10, 11] }],
  ['input width', BASE, { ...BASE, size: [9, 12] }],
  ['input channels', BASE, { ...BASE, cin: 2 }],
  ['output channels', BASE, { ...BASE, cout: 4 }],
  ['kernel', BASE, { ...BASE, kernel: [2, 3] }],
  ['stride', BASE, { ...BASE, stride: [1, 2] }],
  ['padding', BASE, { ...BASE, padding: [1, 0] }],
  ['dilation', BASE, { ...BASE, dilation: [2, 1] }],
  ['groups', BASE, { ...BASE, groups: 2 }],
  ['kernel and padding, grid sizes alike', { ...BASE, kernel: [3, 3], padding: [1, 1] }, { ...BASE, kernel: [1, 1] }],
  ['padding mode', { ...BASE, padding: [1, 1] }, { ...BASE, padding: [1, 1], padding_mode: 'reflect' }],
  ['output_padding', TRANSPOSED, { ...TRANSPOSED, output_padding: [1, 2] }],
  ['conv or transposed', { ...BASE, cin: 6 }, { ...BASE, cin: 6, op: 'conv_transpose2d' }],
];

describe('fast engine plans, kept per geometry', () => {
  before(function () {
    if (!fastEngineAvailable()) this.skip();
  });
  const saved = { ...configureFastEngine({}) };
  before(() => configureFastEngine({ maxThreads: 1 }));
  after(() => configureFastEngine(saved));

  it('the same shapes with other data reuse the plans of both passes', () => {
    const [first, second] = [problemOf(BASE, 1), problemOf(BASE, 7)];
    assert.strictEqual(forwardPlan(second), forwardPlan(first));
    assert.strictEqual(adjointPlan(second), adjointPlan(first));
    checkBothPasses(first, 3, 'first data');
    checkBothPasses(second, 4, 'other data, same plans');
  });

  it('the same shapes again with other data, call after call, compute with the new data', () => {
    // Back to back, a call finds the last one's layout in memory: only the data may change.
    for (const shape of [{ ...BASE, padding: [1, 1], stride: [2, 2] }, BASE, TRANSPOSED]) {
      const problems = [problemOf(shape, 11), problemOf(shape, 21), problemOf(shape, 31)];
      for (const p of problems) assertClose(fastForward(p)!.data, forward(p).data, `${shape.op} forward`, 1e-12);
      for (const [i, p] of problems.entries()) {
        const y = outputLike(p, 40 + i);
        assertClose(fastAdjoint(p, y)!.data, adjoint(p, y).data, `${shape.op} adjoint`, 1e-12);
      }
    }
  });

  for (const [change, before, after] of ONE_CHANGE) {
    it(`another ${change} gets its own plan; computing in turn, each matches the reference`, () => {
      const [a, b] = [problemOf(before, 2), problemOf(after, 5)];
      assert.notStrictEqual(forwardPlan(b), forwardPlan(a), 'forward plans');
      for (let round = 0; round < 2; round++) {
        checkBothPasses(a, round, `${change}: before, round ${round}`);
        checkBothPasses(b, round, `${change}: after, round ${round}`);
      }
    });
  }

  it('a layer among more than the plans kept still computes as the reference does', () => {
    const shapes = Array.from({ length: 12 }, (_, i): Shape => ({ ...BASE, size: [5 + i, 11] }));
    for (let round = 0; round < 2; round++)
      shapes.forEach((shape, i) => checkBothPasses(problemOf(shape, i), round, `height ${5 + i}, round ${round}`));
  });
});

/** Unpadded, unit column stride: the input as it is is the layout. */
const UNPADDED: [string, Shape][] = [
  ['conv2d k3', { op: 'conv2d', cin: 3, cout: 5, size: [9, 13], kernel: [3, 3] }],
  ['conv2d, a row stride and a dilation', { ...BASE, stride: [2, 1], dilation: [2, 3] }],
  ['conv2d, groups', { ...BASE, groups: 2 }],
  ['conv2d, output one column wide', { op: 'conv2d', cin: 2, cout: 4, size: [6, 3], kernel: [2, 3] }],
  ['conv1d, a row cut into rows', { op: 'conv1d', cin: 3, cout: 5, size: [700], kernel: [9] }],
  ['conv3d', { op: 'conv3d', cin: 2, cout: 4, size: [4, 6, 7], kernel: [2, 3, 2] }],
  ['reflect padding (its padded copy)', { ...BASE, padding: [1, 2], padding_mode: 'reflect' }],
];

describe('fast engine layouts', () => {
  before(function () {
    if (!fastEngineAvailable()) this.skip();
  });
  const saved = { ...configureFastEngine({}) };
  before(() => configureFastEngine({ maxThreads: 1 }));
  after(() => configureFastEngine(saved));

  for (const [what, shape] of UNPADDED) {
    it(`${what}: laid out as the input is, no padded copy, and computes as the reference does`, () => {
      const p = problemOf(shape, 3);
      const plan = forwardPlan(p);
      const swept = shape.padding_mode ? (shape.size[0] + 2) * (shape.size[1] + 4) * shape.cin : cellsOf(p.input);
      assert.strictEqual(plan.inputElements, swept, 'layout elements');
      assert.ok(plan.sourceIsLayout);
      checkBothPasses(p, 1, what);
    });
  }

  it('column stride 2: both column phases laid out in one pass, every width and padding, as the reference computes', () => {
    // The phases differ by a column where the width or padding is odd: the pairs cover the shorter, copy2d the rest.
    for (let width = 5; width <= 10; width++)
      for (let pad = 0; pad <= 2; pad++) {
        const p = problemOf({ ...BASE, size: [7, width], kernel: [3, 3], stride: [1, 2], padding: [1, pad] }, width);
        checkBothPasses(p, pad, `width ${width}, padding ${pad}`);
      }
  });

  it('a padded layout after an unpadded one in the same memory finds its padding zero again', () => {
    const padded = problemOf({ ...BASE, padding: [1, 1] }, 4);
    const unpadded = problemOf({ ...BASE, kernel: [1, 1] }, 5);
    assert.ok(!forwardPlan(padded).sourceIsLayout && forwardPlan(unpadded).sourceIsLayout);
    // Forward passes only: an adjoint in between lays out a layout of its own, zeroed anew.
    for (let round = 0; round < 3; round++) {
      for (const [what, p] of [
        ['padded', padded],
        ['unpadded', unpadded],
      ] as const)
        assertClose(fastForward(p)!.data, forward(p).data, `${what}, round ${round}`, 1e-12);
    }
  });
});
