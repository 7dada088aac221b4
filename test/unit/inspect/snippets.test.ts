import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { compute, ConvProblem, kernelMatrix, normalizeSpec, toDense } from '../../../src/engine';
import { numpySnippet, pythonLiteral, torchSnippet } from '../../../src/engine/inspect';
import { assertClose, flat } from '../../support/approx';
import { SEED_SPEC } from '../../support/seed';

function problem(spec: Record<string, unknown>): ConvProblem {
  const p = normalizeSpec(spec);
  assert.ok(p.ok, p.ok ? '' : p.error.message);
  return p.value;
}

const grid = (h: number, w: number, offset = 0) =>
  Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => ((i * w + j + offset) % 7) - 3));

/** Specs that between them use every parameter; each names the exact argument text PyTorch and NumPy get. */
const cases: { name: string; spec: Record<string, unknown>; torch: string; numpy: string[] }[] = [
  {
    name: 'seed (defaults)',
    spec: SEED_SPEC,
    torch: 'out = F.conv2d(x, w, bias=b, stride=(1, 1), padding=(0, 0), dilation=(1, 1), groups=1)',
    numpy: ['stride, dilation, groups = (1, 1), (1, 1), 1', 'pad_before, pad_after = (0, 0), (0, 0)  # padding=(0, 0)'],
  },
  {
    name: 'strided, padded, dilated, grouped, biased conv2d',
    spec: {
      input: [grid(6, 7), grid(6, 7, 3)],
      weight: [
        [
          [
            [1, 0],
            [2, -1],
          ],
        ],
        [
          [
            [0.5, 1],
            [1, 1],
          ],
        ],
      ],
      bias: [0.25, -1],
      stride: [2, 1],
      padding: [1, 2],
      dilation: [2, 1],
      groups: 2,
    },
    torch: 'out = F.conv2d(x, w, bias=b, stride=(2, 1), padding=(1, 2), dilation=(2, 1), groups=2)',
    numpy: ['stride, dilation, groups = (2, 1), (2, 1), 2', 'pad_before, pad_after = (1, 2), (1, 2)  # padding=(1, 2)'],
  },
  {
    name: "padding 'same' with an even kernel (asymmetric)",
    spec: {
      input: grid(4, 5),
      kernel: [
        [1, 2],
        [3, 4],
      ],
      padding: 'same',
      dilation: [1, 3],
    },
    torch: "out = F.conv2d(x, w, bias=b, stride=(1, 1), padding='same', dilation=(1, 3), groups=1)",
    numpy: ['stride, dilation, groups = (1, 1), (1, 3), 1', "pad_before, pad_after = (0, 1), (1, 2)  # padding='same'"],
  },
  {
    name: "padding 'valid'",
    spec: { input: grid(4, 4), kernel: [[1, -1]], padding: 'valid', stride: 2 },
    torch: "out = F.conv2d(x, w, bias=b, stride=(2, 2), padding='valid', dilation=(1, 1), groups=1)",
    numpy: [
      'stride, dilation, groups = (2, 2), (1, 1), 1',
      "pad_before, pad_after = (0, 0), (0, 0)  # padding='valid'",
    ],
  },
  {
    name: 'conv_transpose2d with output_padding and bias',
    spec: {
      op: 'conv_transpose2d',
      input: [
        [1, 2],
        [3, 4],
      ],
      kernel: [
        [1, 2, 1],
        [0, 1, 0],
        [-1, 0, 2],
      ],
      stride: [3, 2],
      padding: 1,
      output_padding: [2, 1],
      bias: [0.5],
    },
    torch:
      'out = F.conv_transpose2d(x, w, bias=b, stride=(3, 2), padding=(1, 1), output_padding=(2, 1), groups=1, dilation=(1, 1))',
    numpy: [
      'stride, dilation, groups = (3, 2), (1, 1), 1',
      'pad_before, pad_after = (1, 1), (1, 1)  # padding=(1, 1)',
      'output_padding = (2, 1)',
    ],
  },
  {
    name: 'grouped, dilated conv_transpose2d whose output_padding reaches the stride',
    spec: {
      op: 'conv_transpose2d',
      input: [grid(2, 3), grid(2, 3, 1)],
      weight: [
        [
          [
            [1, 2],
            [3, 4],
          ],
          [
            [0, 1],
            [1, 0],
          ],
        ],
        [
          [
            [2, 0],
            [0, 2],
          ],
          [
            [1, 1],
            [-1, 1],
          ],
        ],
      ],
      stride: 1,
      dilation: 2,
      output_padding: 1,
      groups: 2,
    },
    torch:
      'out = F.conv_transpose2d(x, w, bias=b, stride=(1, 1), padding=(0, 0), output_padding=(1, 1), groups=2, dilation=(2, 2))',
    numpy: [
      'stride, dilation, groups = (1, 1), (2, 2), 2',
      'pad_before, pad_after = (0, 0), (0, 0)  # padding=(0, 0)',
      'output_padding = (1, 1)',
    ],
  },
];

const python = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

describe('inspect: PyTorch and NumPy snippets', () => {
  it('writes tensors as Python literals at full precision', () => {
    assert.strictEqual(
      pythonLiteral([
        [1, 0.1],
        [-2.5e-17, 1 / 3],
      ]),
      '[[1, 0.1], [-2.5e-17, 0.3333333333333333]]',
    );
    const long = [[Array.from({ length: 30 }, (_, i) => i), Array.from({ length: 30 }, (_, i) => -1 - i)]];
    assert.strictEqual(pythonLiteral(long), `[[\n    [${long[0][0].join(', ')}],\n    [${long[0][1].join(', ')}],\n]]`);
  });

  for (const c of cases) {
    it(`${c.name}: PyTorch call`, () => {
      const text = torchSnippet(problem(c.spec));
      assert.ok(text.split('\n').includes(c.torch), text);
      assert.match(text, /dtype=torch\.float64/);
      assert.ok(
        text.includes(
          c.spec.bias ? `b = torch.tensor(${pythonLiteral(c.spec.bias as number[])}, dtype=torch.float64)` : 'b = None',
        ),
      );
    });

    it(`${c.name}: NumPy parameters`, () => {
      const lines = numpySnippet(problem(c.spec)).split('\n');
      for (const line of c.numpy) assert.ok(lines.includes(line), `missing ${line}`);
      assert.ok(!lines.some((l) => /^import (torch|scipy)/.test(l)), 'NumPy only');
    });
  }

  it('the transposed map in PyTorch: conv_transpose2d with the output_padding the floor dropped, M^T for asymmetric padding, conv2d for a transposed op', () => {
    const strided = torchSnippet(
      problem({
        input: grid(6, 7),
        kernel: [
          [1, 2],
          [3, 4],
        ],
        stride: 2,
        padding: 1,
      }),
    );
    assert.ok(
      strided.includes(
        'reconstruction = F.conv_transpose2d(out, w, stride=(2, 2), padding=(1, 1), output_padding=(0, 1), groups=1, dilation=(1, 1))',
      ),
      strided,
    );
    const same = torchSnippet(problem(cases[2].spec));
    assert.ok(same.includes('reconstruction = (out.flatten() @ M.T).view_as(x)'), same);
    const transposed = torchSnippet(problem(cases[5].spec));
    assert.ok(
      transposed.includes(
        'reconstruction = F.conv2d(out, w, stride=(1, 1), padding=(0, 0), dilation=(2, 2), groups=2)[:, :, :2, :3]',
      ),
      transposed,
    );
  });

  it('names the source in the first line', () => {
    assert.match(
      torchSnippet(problem(SEED_SPEC), { source: 'seed.json:1:1' }),
      /^# ConvLens: conv2d from seed\.json:1:1 in PyTorch/,
    );
  });

  (python ? describe : describe.skip)("the NumPy snippet, run by python3, gives the engine's numbers", () => {
    for (const c of cases) {
      it(c.name, function () {
        this.timeout(30_000);
        const p = problem(c.spec);
        const script = `${numpySnippet(p)}\nimport json\nprint('@@' + json.dumps({'out': out.tolist(), 'M': M.tolist(), 'reconstruction': reconstruction.tolist()}))\n`;
        const run = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
        assert.strictEqual(run.status, 0, run.stderr);
        const line = run.stdout.split('\n').find((l) => l.startsWith('@@'));
        assert.ok(line, run.stdout);
        const got = JSON.parse(line.slice(2)) as { out: number[][][]; M: number[][]; reconstruction: number[][][] };
        const result = compute(p);
        assert.deepStrictEqual(
          [got.out.length, got.out[0].length, got.out[0][0].length],
          [result.output.channels, result.output.height, result.output.width],
        );
        assertClose(flat(got.out), result.output.data, 'out');
        assertClose(flat(got.M), flat(toDense(kernelMatrix(p))), 'M');
        assertClose(flat(got.reconstruction), result.reconstruction.data, 'reconstruction');
      });
    }
  });
});
