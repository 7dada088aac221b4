import * as assert from 'assert';
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import * as fs from 'fs';
import { compute, kernelMatrix, toDense, vecTimes, vecTimesTranspose } from '../../../src/engine';
import {
  jacobiSvd,
  leastSquaresAffordable,
  leastSquaresInverse,
  timesPseudoInverse,
} from '../../../src/engine/inspect';
import { assertClose } from '../../support/approx';
import { randomSpec, smallInteger, solvable } from '../../support/arbitraries';
import { SEED_SPEC } from '../../support/seed';

const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));

describe('inspect: least-squares inverse (pseudo-inverse of M)', () => {
  it('the Jacobi SVD reproduces a small matrix', () => {
    const a = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    const columns = Float64Array.from([1, 3, 5, 2, 4, 6]);
    const svd = jacobiSvd(columns, 3, 2);
    assert.ok(svd.converged);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 2; c++) {
        let v = 0;
        for (let i = 0; i < 2; i++) v += svd.u[i * 3 + r] * svd.s[i] * svd.v[i * 2 + c];
        assert.ok(Math.abs(v - a[r][c]) < 1e-12, `${r},${c}: ${v}`);
      }
    }
  });

  it('seed: 9 inputs, 4 outputs: the least-squares inverse is not the input, and not the reconstruction', () => {
    const p = solvable(SEED_SPEC);
    assert.ok(p);
    const m = kernelMatrix(p);
    const result = compute(p);
    const ls = leastSquaresInverse(p, m, result.output);
    assert.strictEqual(ls.rank, 4);
    // It reproduces the output exactly...
    const again = vecTimes(ls.inverse.data, m);
    Array.from(result.output.data).forEach((v, i) => assert.ok(Math.abs(again[i] - v) < 1e-9));
    // ...with less energy than the input, which it cannot single out from 9 - 4 = 5 lost directions.
    assert.ok(norm(ls.inverse.data) < norm(p.input.data));
    assert.ok(ls.maxAbsDifference > 0.1);
  });

  it('a one-to-one convolution (1x1 kernel) is inverted exactly; the bias is undone first', () => {
    const p = solvable({
      input: [
        [1, -2],
        [3, 0.5],
      ],
      kernel: [[2]],
      bias: [7],
    });
    assert.ok(p);
    const ls = leastSquaresInverse(p, kernelMatrix(p), compute(p).output);
    assert.ok(ls.maxAbsDifference < 1e-12);
  });

  it('rank-deficient M (which mathjs pinv mishandles): unread inputs come back as 0, the rest exactly', () => {
    // Stride 2 with a 1x1 kernel reads every other cell: M has zero rows.
    const p = solvable({ input: [[1, 2, 3, 4, 5]], kernel: [[3]], stride: [1, 2] });
    assert.ok(p);
    const ls = leastSquaresInverse(p, kernelMatrix(p), compute(p).output);
    assert.strictEqual(ls.rank, 3);
    assert.deepStrictEqual(
      Array.from(ls.inverse.data, (v) => Math.round(v * 1e12) / 1e12),
      [1, 0, 3, 0, 5],
    );
  });

  // Integer weights keep M reasonably conditioned: with weights like 1e-15 next to 1, any pseudo-inverse amplifies
  // rounding.
  it('random specs: y @ pinv(M) satisfies the normal equations and lies in the column space of M (minimum norm)', () => {
    fc.assert(
      fc.property(randomSpec(smallInteger), fc.integer({ min: 0, max: 1000 }), (spec, seed) => {
        const p = solvable({ ...spec, bias: null });
        fc.pre(p !== undefined);
        const m = kernelMatrix(p!);
        fc.pre(m.rows * m.cols <= 4000 && leastSquaresAffordable(m));
        const y = Float64Array.from({ length: m.cols }, (_, i) => Math.sin(seed + 1.3 * i));
        const { x } = timesPseudoInverse(m, y);
        const scale = Math.max(1, ...Array.from(m.data, Math.abs)) ** 2 * Math.max(1, norm(y));
        // (y - x M) M^T = 0
        const residual = vecTimes(x, m).map((v, i) => y[i] - v);
        const normal = vecTimesTranspose(residual, m);
        assert.ok(norm(normal) <= 1e-8 * scale, `normal equations off by ${norm(normal)}`);
        // x is orthogonal to every v with v M = 0: check against the unit vectors of zero rows of M.
        const dense = toDense(m);
        dense.forEach((row, r) => {
          if (row.every((v) => v === 0))
            assert.ok(Math.abs(x[r]) <= 1e-9 * Math.max(1, norm(x)), `x[${r}] = ${x[r]} on a zero row`);
        });
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  describe('any rank: against numpy.linalg.pinv (LAPACK), an independent pseudo-inverse', () => {
    const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const numpy = spawnSync(python, ['-c', 'import numpy']).status === 0;

    /** `y @ pinv(M)` and the rank, by NumPy. */
    function numpyLeastSquares(m: number[][], y: number[]): { x: number[]; rank: number } {
      const script =
        'import json, sys, numpy as np\n' +
        'm, y = (np.array(v, dtype=np.float64) for v in json.load(sys.stdin))\n' +
        "print(json.dumps({'x': (y @ np.linalg.pinv(m)).tolist(), 'rank': int(np.linalg.matrix_rank(m))}))";
      const run = spawnSync(python, ['-c', script], { input: JSON.stringify([m, y]), encoding: 'utf8' });
      assert.strictEqual(run.status, 0, run.stderr);
      return JSON.parse(run.stdout) as { x: number[]; rank: number };
    }

    const specs: [string, Record<string, unknown>][] = [
      [
        'conv1d, stride 2, reflect padding (M 7x4)',
        {
          op: 'conv1d',
          input: [3, -1, 4, 1, -5, 9, 2],
          kernel: [2, -1, 0.5],
          stride: 2,
          padding: 1,
          padding_mode: 'reflect',
          bias: [0.25],
        },
      ],
      [
        'conv_transpose1d, two channels in (M 6x5: more inputs than outputs)',
        {
          op: 'conv_transpose1d',
          input: [
            [1, 2, 3],
            [-1, 0, 2],
          ],
          weight: [[[1, 2, 1]], [[0, -1, 1]]],
          stride: 2,
          padding: 1,
        },
      ],
      [
        'conv3d, 3x3x3 input, 2x2x2 kernel (M 27x8)',
        {
          op: 'conv3d',
          input: Array.from({ length: 3 }, (_, d) =>
            Array.from({ length: 3 }, (_, h) => Array.from({ length: 3 }, (_, w) => ((d * 9 + h * 3 + w) % 5) - 2)),
          ),
          kernel: [
            [
              [1, -2],
              [0.5, 1],
            ],
            [
              [2, 1],
              [-1, 3],
            ],
          ],
        },
      ],
      [
        'conv3d, replicate padding along the depth (M 12x16)',
        {
          op: 'conv3d',
          input: [
            [
              [1, 2],
              [3, 4],
            ],
            [
              [-1, 0],
              [2, 5],
            ],
            [
              [0, 1],
              [1, -3],
            ],
          ],
          kernel: [[[1]], [[-2]]],
          padding: [1, 0, 0],
          padding_mode: 'replicate',
        },
      ],
    ];

    for (const [name, spec] of specs) {
      (numpy ? it : it.skip)(`${name}${numpy ? '' : ` (skipped: no numpy for ${python})`}`, () => {
        const p = solvable(spec);
        assert.ok(p);
        const m = kernelMatrix(p);
        const output = compute(p).output;
        const found = leastSquaresInverse(p, m, output);
        const bias = p.bias ? p.bias[0] : 0;
        const expected = numpyLeastSquares(
          toDense(m),
          Array.from(output.data, (v) => v - bias),
        );
        assert.deepStrictEqual(
          [found.inverse.channels, found.inverse.depth, found.inverse.height, found.inverse.width],
          [p.input.channels, p.input.depth, p.input.height, p.input.width],
          "in the input's shape",
        );
        assert.strictEqual(found.rank, expected.rank, 'rank');
        assertClose(found.inverse.data, expected.x, 'y @ pinv(M)', 1e-8);
      });
    }
  });
});
