// The kernels offered for a lone input: each of the rank that fits the input, with the values its name promises.
import * as assert from 'assert';
import { readNumericArray } from '../../src/engine';
import { MatrixLiteral, problemFromContent } from '../../src/parse';
import { KERNEL_PRESETS, kernelRankFor } from '../../src/presets';

const preset = (rank: 1 | 2 | 3, label: string): unknown => {
  const found = KERNEL_PRESETS[rank].find((p) => p.label === label);
  assert.ok(found, label);
  return found.kernel;
};
const flat = (v: unknown): number[] => (v as unknown[]).flat(Infinity) as number[];
const sum = (v: unknown): number => flat(v).reduce((a, b) => a + b, 0);

/** Zeros of `shape` filled with a ramp, as a value the parser would read. */
function ramp(shape: number[], at = 0): unknown {
  if (shape.length === 0) return at;
  const stride = shape.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: shape[0] }, (_, i) => ramp(shape.slice(1), at + i * stride));
}

const literal = (value: unknown): MatrixLiteral => {
  const range = { offset: 0, length: 1 };
  return { value, range, locate: () => range };
};

describe('kernel presets', () => {
  it('a list takes 1-D kernels, a matrix 2-D ones, a volume with or without channels 3-D ones', () => {
    assert.deepStrictEqual([1, 2, 3, 4].map(kernelRankFor), [1, 2, 3, 3]);
  });

  for (const rank of [1, 2, 3] as const) {
    it(`every ${rank}-D preset is a regular array of ${rank} dimensions with a label of its own`, () => {
      const labels = KERNEL_PRESETS[rank].map((p) => p.label);
      assert.strictEqual(new Set(labels).size, labels.length, labels.join(', '));
      for (const { label, kernel } of KERNEL_PRESETS[rank]) {
        const read = readNumericArray(kernel, label, []);
        assert.ok(read.ok && read.value.shape.length === rank, label);
      }
    });
  }

  for (const inputRank of [1, 2, 3, 4]) {
    it(`every preset offered for a ${inputRank}-D input convolves it`, () => {
      const shape = inputRank === 4 ? [1, 5, 5, 5] : Array<number>(inputRank).fill(5);
      for (const { label, kernel } of KERNEL_PRESETS[kernelRankFor(inputRank)]) {
        const located = problemFromContent({ kind: 'single', matrix: literal(ramp(shape)) }, literal(kernel));
        assert.ok(located.ok, `${label}: ${located.ok ? '' : located.error.message}`);
        assert.strictEqual(located.value.problem.geometry.rank, kernelRankFor(inputRank), label);
      }
    });
  }

  it('the filters hold the values their names promise', () => {
    assert.deepStrictEqual(preset(1, 'Difference'), [1, -1]);
    assert.deepStrictEqual(preset(1, 'Smoothing'), [0.25, 0.5, 0.25]);
    assert.deepStrictEqual(flat(preset(2, 'Box blur 3x3')), Array<number>(9).fill(1 / 9));
    assert.deepStrictEqual(
      flat(preset(2, 'Gaussian 3x3')),
      [1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16),
    );
    assert.deepStrictEqual(flat(preset(2, 'Laplacian')), [0, 1, 0, 1, -4, 1, 0, 1, 0]);
    assert.deepStrictEqual(flat(preset(2, 'Identity 3x3')), [0, 0, 0, 0, 1, 0, 0, 0, 0]);
    assert.deepStrictEqual(flat(preset(3, 'Box blur 3x3x3')), Array<number>(27).fill(1 / 27));
    // [1 2 1] ⊗ [1 2 1] ⊗ [1 2 1] / 64, written out.
    const binomial = [1, 2, 1];
    const gaussian = binomial.flatMap((a) => binomial.flatMap((b) => binomial.map((c) => (a * b * c) / 64)));
    assert.deepStrictEqual(flat(preset(3, 'Gaussian 3x3x3')), gaussian);
    const laplacian = flat(preset(3, 'Laplacian 3x3x3'));
    assert.deepStrictEqual(
      [laplacian[13], [4, 10, 12, 14, 16, 22].map((i) => laplacian[i]), sum(laplacian)],
      [-6, [1, 1, 1, 1, 1, 1], 0],
    );
    assert.deepStrictEqual(
      flat(preset(3, 'Identity 3x3x3')),
      Array.from({ length: 27 }, (_, i) => (i === 13 ? 1 : 0)),
    );
  });
});
