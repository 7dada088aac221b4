import * as assert from 'assert';
import fc from 'fast-check';
import {
  adjoint,
  compute,
  ConvProblem,
  forward,
  kernelMatrix,
  KernelMatrixRows,
  nonZeros,
  normalizeSpec,
  ownAxes,
  shapeOf,
  Tensor,
  tensorOf,
  toNested,
  vecTimes,
  vecTimesTranspose,
} from '../../src/engine';
import { assertClose, flat } from '../support/approx';
import { moderateDouble, randomNdSpec, RandomNdSpec, smallInteger, solvable } from '../support/arbitraries';
import { GoldenNdOp, NestedNumbers, PaddingMode } from '../support/golden';
import { NdTensor, referenceConvNd, referenceConvTransposeNd } from '../support/referenceNd';

const RUNS = { numRuns: 150, seed: 20261205 };

const dimsOf = (x: unknown): number[] => (Array.isArray(x) ? [x.length, ...dimsOf(x[0])] : []);
const ndTensor = (x: NestedNumbers): NdTensor => ({ shape: dimsOf(x), data: flat(x) });

/** The independent reference's answer (test/support/referenceNd.ts shares no code with the engine). */
function reference(spec: RandomNdSpec): NdTensor {
  const params = {
    stride: spec.stride,
    padding: spec.padding,
    dilation: spec.dilation,
    outputPadding: spec.output_padding,
    groups: spec.groups,
    paddingMode: spec.padding_mode,
  };
  const conv = spec.op.startsWith('conv_transpose') ? referenceConvTransposeNd : referenceConvNd;
  return conv(ndTensor(spec.input), ndTensor(spec.weight), spec.bias, params);
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, v, i) => s + v * b[i], 0);

/** A deterministic, non-trivial tensor of `problem`'s output shape. */
function outputLike(problem: ConvProblem, seed: number): Tensor {
  const y = tensorOf(problem.geometry.output);
  for (let i = 0; i < y.data.length; i++) y.data[i] = Math.cos(seed * 0.37 + i * 1.3);
  return y;
}

/** A tensor as a spec writes it, channels first: `[C][spatial…]`. */
const nested = (problem: ConvProblem, t: Tensor) => toNested(t.data, shapeOf(problem.geometry, t));

/** The other op of the same rank: conv3d <-> conv_transpose3d. */
const otherOp = (op: GoldenNdOp): GoldenNdOp =>
  (op.startsWith('conv_transpose')
    ? op.replace('conv_transpose', 'conv')
    : op.replace('conv', 'conv_transpose')) as GoldenNdOp;

/** The first `size[a]` cells along each spatial axis of a `[C][spatial…]` tensor. */
function crop(t: Tensor, size: Tensor): Float64Array {
  const out = tensorOf(size);
  for (let c = 0; c < size.channels; c++)
    for (let z = 0; z < size.depth; z++)
      for (let y = 0; y < size.height; y++)
        for (let x = 0; x < size.width; x++)
          out.data[((c * size.depth + z) * size.height + y) * size.width + x] =
            t.data[((c * t.depth + z) * t.height + y) * t.width + x];
  return out.data;
}

const RANKS = [1, 2, 3] as const;
const MODES: PaddingMode[] = ['zeros', 'reflect', 'replicate', 'circular'];

describe('engine identities for every rank and padding mode (random specs)', () => {
  for (const rank of RANKS) {
    for (const mode of MODES) {
      // Transposed convolutions have zero padding only (as in PyTorch).
      const ops: GoldenNdOp[] = mode === 'zeros' ? [`conv${rank}d`, `conv_transpose${rank}d`] : [`conv${rank}d`];
      describe(`${ops.join(' and ')}, padding_mode ${mode}`, () => {
        it('integer inputs give exactly the independent reference', () => {
          fc.assert(
            fc.property(randomNdSpec(smallInteger, ops, [mode]), (spec) => {
              const problem = solvable(spec);
              fc.pre(problem !== undefined);
              const expected = reference(spec);
              assert.deepStrictEqual(shapeOf(problem!.geometry, problem!.geometry.output), expected.shape);
              assert.deepStrictEqual(Array.from(forward(problem!).data), expected.data);
            }),
            RUNS,
          );
        });

        it('adjoint identity <forward(x), y> = <x, adjoint(y)>', () => {
          fc.assert(
            fc.property(randomNdSpec(moderateDouble, ops, [mode]), fc.integer({ min: 1, max: 1e6 }), (spec, seed) => {
              const problem = solvable({ ...spec, bias: null });
              fc.pre(problem !== undefined);
              const y = outputLike(problem!, seed);
              const lhs = dot(forward(problem!).data, y.data);
              const rhs = dot(problem!.input.data, adjoint(problem!, y).data);
              assert.ok(Math.abs(lhs - rhs) <= 1e-9 * Math.max(1, Math.abs(lhs)), `${lhs} != ${rhs}`);
            }),
            RUNS,
          );
        });

        it('the CSR kernel matrix: vec(x) @ M = forward(x), vec(y) @ M^T = adjoint(y); its non-zeros as counted', () => {
          fc.assert(
            fc.property(randomNdSpec(moderateDouble, ops, [mode]), fc.integer({ min: 1, max: 1e6 }), (spec, seed) => {
              const problem = solvable({ ...spec, bias: null });
              fc.pre(problem !== undefined);
              const p = problem!;
              const m = kernelMatrix(p);
              assert.strictEqual(new KernelMatrixRows(p).nonZeros, nonZeros(m), 'KernelMatrixRows.nonZeros');
              assertClose(vecTimes(p.input.data, m), forward(p).data, 'vec(x) @ M');
              const y = outputLike(p, seed);
              assertClose(vecTimesTranspose(y.data, m), adjoint(p, y).data, 'vec(y) @ M^T');
            }),
            RUNS,
          );
        });

        if (mode !== 'zeros') return;

        it(`the reconstruction is the other op of rank ${rank} applied to the output, and back`, () => {
          fc.assert(
            fc.property(randomNdSpec(smallInteger, ops, [mode]), (spec) => {
              const problem = solvable(spec);
              fc.pre(problem !== undefined);
              const p = problem!;
              const axes = ownAxes(p.geometry);
              // A transposed conv pads both ends alike: "same" with an odd total has no transposed twin.
              fc.pre(axes.every((a) => a.padBefore === a.padAfter));
              const result = compute(p);
              // conv -> conv_transpose: the output_padding that brings the output back to the input's size (the
              // cells the conv's stride left unread). conv_transpose -> conv: none; a conv may then give more
              // cells than the input has (an output_padding of a stride or more), which are cropped.
              const outputPadding = axes.map((a) =>
                p.geometry.transposed ? 0 : a.input - ((a.output - 1) * a.stride - 2 * a.padBefore + a.span),
              );
              const other = normalizeSpec({
                ...spec,
                op: otherOp(spec.op),
                input: nested(p, result.output),
                bias: null,
                padding: axes.map((a) => a.padBefore),
                output_padding: outputPadding,
              });
              assert.ok(other.ok, other.ok ? '' : other.error.message);
              const back = forward(other.value);
              assert.deepStrictEqual(Array.from(crop(back, p.input)), Array.from(result.reconstruction.data));
            }),
            RUNS,
          );
        });
      });
    }
  }
});
