import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assertClose, flat } from '../support/approx';
import { runCli as cli } from '../support/cli';
import { goldenViewsPath, loadGoldenViewsCases, repoRoot } from '../support/golden';

/** The extents of a regular nested array. */
const dimsOf = (x: unknown): number[] => (Array.isArray(x) ? [x.length, ...dimsOf(x[0])] : []);

type ViewsResult = Record<string, unknown> & { grad_bias: number[] | null };

describe('CLI --views (dist/cli.js) against golden-views.json', () => {
  const cases = loadGoldenViewsCases();

  it('without --views every example prints byte for byte what it printed before views existed', function () {
    this.timeout(0); // fourteen runs of the CLI; each is bounded by the spawn's own safety net
    // test/fixtures/cli-examples.txt: `$ convlens [--json] FILE` and its standard output, for each example.
    const expected = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'cli-examples.txt'), 'utf8');
    const runs = expected
      .split('\n')
      .filter((line) => line.startsWith('$ convlens '))
      .map((line) => line.slice('$ convlens '.length).split(' '));
    assert.strictEqual(runs.length, 14);
    const actual = runs.map((args) => `$ convlens ${args.join(' ')}\n${cli(args).stdout}`).join('');
    assert.strictEqual(actual, expected);
  });

  it('--json --views overlap,backward,im2col: tap counts, autograd for grad_output ones, F.unfold', () => {
    const run = cli(['--json', '--kernel-matrix', 'none', '--views', 'overlap,backward,im2col', goldenViewsPath]);
    assert.strictEqual(run.status, 0, run.stderr);
    const results = JSON.parse(run.stdout) as ViewsResult[];
    assert.strictEqual(results.length, cases.length);
    cases.forEach((golden, i) => {
      const r = results[i];
      const ones = golden.backward[0];
      assert.deepStrictEqual(Object.keys(r), [
        'output',
        'reconstruction',
        'overlap',
        'grad_input',
        'grad_weight',
        'grad_bias',
        'im2col',
      ]);
      assert.deepStrictEqual(r.overlap, golden.overlap, `${golden.name}: overlap`);
      assert.deepStrictEqual(r.im2col, golden.im2col, `${golden.name}: im2col`);
      assertClose(flat(r.grad_input), flat(ones.grad_input), `${golden.name}: grad_input`);
      assert.strictEqual(flat(r.grad_input).length, flat(ones.grad_input).length);
      assertClose(flat(r.grad_weight), flat(ones.grad_weight), `${golden.name}: grad_weight`);
      if (ones.grad_bias === null) assert.strictEqual(r.grad_bias, null);
      else assertClose(r.grad_bias!, ones.grad_bias, `${golden.name}: grad_bias`);
    });
  });

  it("the spec's grad_output: autograd for the random gradient, in the shapes the op writes", () => {
    const specs = cases.map((c) => ({ ...c, grad_output: c.backward[1].grad_output }));
    const run = cli(['--json', '--kernel-matrix', 'none', '--views', 'backward', '-'], JSON.stringify(specs));
    assert.strictEqual(run.status, 0, run.stderr);
    const results = JSON.parse(run.stdout) as ViewsResult[];
    cases.forEach((golden, i) => {
      const expected = golden.backward[1];
      assert.deepStrictEqual(Object.keys(results[i]), [
        'output',
        'reconstruction',
        'grad_input',
        'grad_weight',
        'grad_bias',
      ]);
      assertClose(flat(results[i].grad_input), flat(expected.grad_input), `${golden.name}: grad_input`);
      assertClose(flat(results[i].grad_weight), flat(expected.grad_weight), `${golden.name}: grad_weight`);
      assert.deepStrictEqual(
        dimsOf(results[i].grad_weight),
        dimsOf(golden.weight),
        `${golden.name}: the weight's shape`,
      );
      if (expected.grad_bias !== null)
        assertClose(results[i].grad_bias!, expected.grad_bias, `${golden.name}: grad_bias`);
    });
  });

  it('a grad_output of the wrong shape is an error at its line and column; the other specs still compute', () => {
    const text =
      '[\n{"input": [[1,2,3],[4,5,6],[7,8,9]], "kernel": [[1,2],[3,4]],\n "grad_output": [[1,2,3]]},\n{"op": "conv1d", "input": [1, 2], "kernel": [1]}\n]';
    const run = cli(['--json', '--views', 'backward', '-'], text);
    assert.strictEqual(run.status, 1);
    const [bad, good] = JSON.parse(run.stdout) as { error?: string; grad_input?: unknown }[];
    assert.strictEqual(
      bad.error,
      "grad_output must have the output's shape [1, 2, 2], but it has shape [1, 3]. (-: line 3, column 17)",
    );
    assert.deepStrictEqual(good.grad_input, [[1, 1]]);
  });

  it('prints readable tables of the views, the overlap in a sentence', () => {
    const spec = '{"op": "conv_transpose1d", "input": [1, 2, 3], "kernel": [1, 1, 1], "stride": 2}';
    const run = cli(['--views', 'overlap,backward,im2col', '-'], spec);
    assert.strictEqual(run.status, 0, run.stderr);
    const views = run.stdout.slice(run.stdout.indexOf('\n\noverlap: ') + 2);
    assert.strictEqual(
      views,
      [
        'overlap: (input cell, tap) pairs landing on each output cell; uneven along length (kernel 3, stride 2): the kernel size is not divisible by the stride, a checkerboard',
        'overlap (7)',
        '[[1 1 2 1 2 1 1]]',
        '',
        'grad_output (7)',
        '[[1 1 1 1 1 1 1]]',
        '',
        'grad_input = vec(grad_output) @ M^T (3)',
        '[[3 3 3]]',
        '',
        'grad_weight (3)',
        '[[6 6 6]]',
        '',
        'im2col (3x7: input channel and kernel position by output cell)',
        '[[0 0 1 0 2 0 3]',
        ' [0 1 0 2 0 3 0]',
        ' [1 0 2 0 3 0 0]]',
        '',
      ].join('\n'),
    );
  });

  it('rejects an unknown view with usage (exit 2); im2col beyond the budget names the flag that raises it', () => {
    const bad = cli(['--views', 'overlap,gradients', '-'], '{}');
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /^convlens: --views takes a list of overlap, backward, im2col, not "gradients"\n\nUsage:/);
    const spec = '{"op": "conv_transpose1d", "input": [1, 2], "kernel": [3], "stride": 1000}';
    const big = cli(['--json', '--views', 'im2col', '--max-multiply-adds', '1000', '-'], spec);
    assert.strictEqual(big.status, 1);
    assert.deepStrictEqual(JSON.parse(big.stdout), [
      {
        error:
          'im2col would have 1 x 1,001 cells (with W_flat, 1,002), more than the limit of 1,000. Raise it with --max-multiply-adds. (-: line 1, column 1)',
      },
    ]);
  });
});
