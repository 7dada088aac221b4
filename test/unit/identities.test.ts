import * as assert from 'assert';
import fc from 'fast-check';
import {
  adjoint,
  compute,
  forEachTap,
  forward,
  kernelMatrix,
  kernelMatrixNonZeros,
  nonZeros,
  normalizeSpec,
  tensorOf,
  toNested,
  vecTimes,
  vecTimesTranspose,
} from '../../src/engine';
import { assertClose, flat } from '../support/approx';
import { moderateDouble, randomSpec, RandomSpec, smallInteger, solvable } from '../support/arbitraries';
import { referenceConv2d, referenceConvTranspose2d } from '../support/reference';

const RUNS = { numRuns: 300, seed: 20261125 };

function reference(spec: RandomSpec) {
  const params = {
    stride: spec.stride,
    padding: spec.padding,
    dilation: spec.dilation,
    outputPadding: spec.output_padding,
    groups: spec.groups,
  };
  return spec.op === 'conv2d'
    ? referenceConv2d(spec.input, spec.weight, spec.bias, params)
    : referenceConvTranspose2d(spec.input, spec.weight, spec.bias, params);
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, v, i) => s + v * b[i], 0);

describe('engine identities on random shapes and parameters', () => {
  it('integer inputs give exactly the textbook result (sliding window; zero-insert + flipped kernel)', () => {
    fc.assert(
      fc.property(randomSpec(), (spec) => {
        const problem = solvable(spec);
        fc.pre(problem !== undefined);
        assert.deepStrictEqual(Array.from(forward(problem!).data), flat(reference(spec)));
      }),
      RUNS,
    );
  });

  it('the sparse kernel matrix reproduces the forward pass and its transpose the adjoint', () => {
    fc.assert(
      fc.property(randomSpec(moderateDouble), fc.integer({ min: 1, max: 1_000_000 }), (spec, seed) => {
        const problem = solvable({ ...spec, bias: null });
        fc.pre(problem !== undefined);
        const p = problem!;
        const m = kernelMatrix(p);
        assert.strictEqual(m.rows, p.input.channels * p.input.height * p.input.width);
        assert.strictEqual(m.cols, p.geometry.output.channels * p.geometry.output.height * p.geometry.output.width);
        assert.strictEqual(nonZeros(m), kernelMatrixNonZeros(p));
        assertClose(vecTimes(p.input.data, m), forward(p).data, 'x @ M');
        const y = tensorOf(p.geometry.output);
        for (let i = 0; i < y.data.length; i++) y.data[i] = Math.sin(seed + i * 7.1);
        assertClose(vecTimesTranspose(y.data, m), adjoint(p, y).data, 'y @ M^T');
      }),
      RUNS,
    );
  });

  it('the kernel matrix holds exactly the taps, each row sorted by column', () => {
    fc.assert(
      fc.property(randomSpec(), (spec) => {
        const problem = solvable(spec);
        fc.pre(problem !== undefined);
        const p = problem!;
        const m = kernelMatrix(p);
        const taps: string[] = [];
        forEachTap(p, (row, col, k) => taps.push(`${row},${col},${p.weight.data[k]}`));
        const entries: string[] = [];
        for (let r = 0; r < m.rows; r++) {
          for (let q = m.indptr[r]; q < m.indptr[r + 1]; q++) {
            entries.push(`${r},${m.indices[q]},${m.data[q]}`);
            if (q > m.indptr[r]) assert.ok(m.indices[q - 1] < m.indices[q], `row ${r} is not sorted`);
          }
        }
        assert.deepStrictEqual(entries.sort(), taps.sort());
      }),
      RUNS,
    );
  });

  it('adjoint identity <x @ M, y> = <x, y @ M^T>', () => {
    fc.assert(
      fc.property(randomSpec(moderateDouble), fc.integer({ min: 1, max: 1_000_000 }), (spec, seed) => {
        const problem = solvable({ ...spec, bias: null });
        fc.pre(problem !== undefined);
        const p = problem!;
        const y = tensorOf(p.geometry.output);
        for (let i = 0; i < y.data.length; i++) y.data[i] = Math.cos(seed * 0.37 + i);
        const lhs = dot(forward(p).data, y.data);
        const rhs = dot(p.input.data, adjoint(p, y).data);
        assert.ok(Math.abs(lhs - rhs) <= 1e-9 * Math.max(1, Math.abs(lhs)), `${lhs} != ${rhs}`);
      }),
      RUNS,
    );
  });

  it('conv2d reconstruction equals conv_transpose2d of the output with the same weight', () => {
    fc.assert(
      fc.property(randomSpec(smallInteger, ['conv2d']), (spec) => {
        const problem = solvable(spec);
        fc.pre(problem !== undefined);
        const p = problem!;
        const result = compute(p);
        // The output_padding that brings the transposed output back to the input's exact size.
        const inputSize = [p.input.height, p.input.width];
        const outputSize = [result.output.height, result.output.width];
        const outputPadding = [0, 1].map((a) => {
          const axis = p.geometry.axes[1 + a];
          return (
            inputSize[a] -
            ((outputSize[a] - 1) * axis.stride - 2 * axis.padBefore + axis.dilation * (axis.kernel - 1) + 1)
          );
        });
        const transposed = normalizeSpec({
          ...spec,
          op: 'conv_transpose2d',
          input: toNested(result.output.data, [result.output.channels, result.output.height, result.output.width]),
          bias: null,
          output_padding: outputPadding,
          groups: spec.groups,
        });
        assert.ok(transposed.ok, transposed.ok ? '' : transposed.error.message);
        assert.deepStrictEqual(Array.from(forward(transposed.value).data), Array.from(result.reconstruction.data));
      }),
      RUNS,
    );
  });
});
