import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { assertClose, flat } from '../support/approx';
import { goldenPath, loadGoldenCases, repoRoot } from '../support/golden';

const cliPath = path.join(repoRoot, 'dist', 'cli.js');

/** Runs the built CLI as other tools do: a child process, arguments, optional standard input. */
function cli(args: string[], stdin?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cliPath, ...args], {
    input: stdin,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const seed = '{"input": [[1,2,3],[4,5,6],[7,8,9]], "kernel": [[1,2],[3,4]]}';

describe('CLI (dist/cli.js)', () => {
  it('reproduces all golden cases from the golden file itself', () => {
    const run = cli(['--json', goldenPath]);
    assert.strictEqual(run.status, 0, run.stderr);
    const results = JSON.parse(run.stdout) as Record<string, unknown>[];
    const cases = loadGoldenCases();
    assert.strictEqual(results.length, cases.length);
    cases.forEach((golden, i) => {
      assertClose(flat(results[i].output), flat(golden.expected), `case ${i} output`);
      assert.deepStrictEqual(flat(results[i].output).length, flat(golden.expected).length);
      if (golden.kernel_matrix)
        assert.deepStrictEqual(results[i].kernel_matrix, golden.kernel_matrix, `case ${i} kernel matrix`);
      if (golden.reconstruction)
        assertClose(flat(results[i].reconstruction), flat(golden.reconstruction), `case ${i} reconstruction`);
    });
  });

  it('reads standard input and answers [C][H][W] with the dense kernel matrix', () => {
    const run = cli(['--json', '-'], seed);
    assert.strictEqual(run.status, 0);
    assert.deepStrictEqual(JSON.parse(run.stdout), [
      {
        output: [
          [
            [37, 47],
            [67, 77],
          ],
        ],
        reconstruction: [
          [
            [37, 121, 94],
            [178, 500, 342],
            [201, 499, 308],
          ],
        ],
        kernel_matrix: [
          [1, 0, 0, 0],
          [2, 1, 0, 0],
          [0, 2, 0, 0],
          [3, 0, 1, 0],
          [4, 3, 2, 1],
          [0, 4, 0, 2],
          [0, 0, 3, 0],
          [0, 0, 4, 3],
          [0, 0, 0, 4],
        ],
      },
    ]);
  });

  it('--kernel-matrix csr gives sorted CSR, none omits it', () => {
    const csr = JSON.parse(cli(['--json', '--kernel-matrix', 'csr', '-'], seed).stdout)[0].kernel_matrix;
    assert.deepStrictEqual(csr, {
      rows: 9,
      cols: 4,
      nnz: 16,
      indptr: [0, 1, 3, 4, 6, 10, 12, 13, 15, 16],
      indices: [0, 0, 1, 1, 0, 2, 0, 1, 2, 3, 1, 3, 2, 2, 3, 3],
      data: [1, 2, 1, 2, 3, 1, 4, 3, 2, 1, 4, 2, 3, 4, 3, 4],
    });
    assert.ok(!('kernel_matrix' in JSON.parse(cli(['--json', '--kernel-matrix=none', '-'], seed).stdout)[0]));
  });

  it('a failing spec gets {"error"} in its place with its line and column, the others still compute, exit code 1', () => {
    const text = `[\n  ${seed},\n  {"input": [[1, 2], [3]], "kernel": [[1]]}\n]`;
    const run = cli(['--json', '-'], text);
    assert.strictEqual(run.status, 1);
    const [good, bad] = JSON.parse(run.stdout);
    assert.deepStrictEqual(good.output, [
      [
        [37, 47],
        [67, 77],
      ],
    ]);
    assert.deepStrictEqual(Object.keys(bad), ['error']);
    assert.match(bad.error, /input\[1\] has 1 element, but input\[0\] has 2.*\(-: line 3, column 22\)/);
  });

  it('malformed JSON is a located error in words on standard error, exit code 1', () => {
    const run = cli(['--json', '-'], '{"input": [[1, 2], [3, 4]]\n "kernel": [[1]]}');
    assert.strictEqual(run.status, 1);
    assert.strictEqual(
      run.stderr,
      'convlens: -: line 2, column 2: Expected a comma or closing brace, but found `"kernel"`.\n',
    );
    const unquoted = cli(['-'], '{input: [[1]]}');
    assert.strictEqual(
      unquoted.stderr,
      'convlens: -: line 1, column 2: Expected a property name in quotes, but found `input`.\n',
    );
  });

  describe('reads files as the extension reads a selection', () => {
    const seedResult = [
      {
        output: [
          [
            [37, 47],
            [67, 77],
          ],
        ],
        reconstruction: [
          [
            [37, 121, 94],
            [178, 500, 342],
            [201, 499, 308],
          ],
        ],
      },
    ];

    it('a UTF-8 byte order mark is not part of the text', () => {
      const run = cli(['--json', '--kernel-matrix', 'none', '-'], `\uFEFF${seed}`);
      assert.strictEqual(run.status, 0, run.stderr);
      assert.deepStrictEqual(JSON.parse(run.stdout), seedResult);
      const bad = cli(['-'], '\uFEFF{"input": [[1, 2]] "kernel": [[1]]}');
      assert.match(bad.stderr, /line 1, column 20: Expected a comma or closing brace/); // columns after the mark
    });

    it('an Infinity is named in its spec, and the other specs still compute', () => {
      const run = cli(
        ['--json', '--kernel-matrix', 'none', '-'],
        `[\n  {"input": [[Infinity, 2]], "kernel": [[1]]},\n  ${seed}\n]`,
      );
      assert.strictEqual(run.status, 1);
      const [bad, good] = JSON.parse(run.stdout);
      assert.deepStrictEqual(bad, {
        error: 'input[0][0] is Infinity; only finite numbers are allowed. (-: line 2, column 15)',
      });
      assert.deepStrictEqual(good, seedResult[0]);
    });

    it('3,000 nested brackets are refused with a located message, not a stack overflow', () => {
      const run = cli(['-'], '['.repeat(3000) + ']'.repeat(3000));
      assert.strictEqual(run.status, 1);
      assert.strictEqual(
        run.stderr,
        'convlens: -: line 1, column 101: Nested more than 100 levels deep: this is not a spec or a matrix.\n',
      );
    });

    it('Python literals, {"cases": [...]}, and a "__proto__" key that stays a plain key', () => {
      const python = cli(
        ['--json', '--kernel-matrix', 'none', '-'],
        'dict(input=[[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel=[[1, 2], [3, 4]])',
      );
      assert.deepStrictEqual(JSON.parse(python.stdout), seedResult);
      const cases = cli(
        ['--json', '--kernel-matrix', 'none', '-'],
        `{"cases": [{"__proto__": {"stride": 2}, ${seed.slice(1)}]}`,
      );
      assert.deepStrictEqual(JSON.parse(cases.stdout), seedResult); // stride 1: nothing inherited
    });

    it('an integer parameter past 2^53 - 1 is refused naming the field and the limit', () => {
      const text =
        '{"op": "conv_transpose2d", "input": [[1]], "kernel": [[1]],\n "dilation": [1, 18014398509481986], "padding": [0, 9007199254740992]}';
      const [result] = JSON.parse(cli(['--json', '-'], text).stdout);
      assert.deepStrictEqual(result, {
        error:
          'dilation[1] is `18014398509481986`: integer parameters must lie within ±9007199254740991 (2^53 - 1), the largest integers a float64 holds exactly. (-: line 2, column 18)',
      });
    });

    it('20,000 failing specs: each error at its own line and column (time reported)', function () {
      this.timeout(0); // measured, not limited: the line starts are found once, each position by binary search
      const n = 20_000;
      const lines = Array.from({ length: n }, (_, i) => `  {"input": [[1, 2], [${i}]], "kernel": [[1]]}`);
      const started = performance.now();
      const run = cli(['--json', '--kernel-matrix', 'none', '-'], `[\r\n${lines.join(',\r\n')}\r\n]`);
      const ms = performance.now() - started;
      const results = JSON.parse(run.stdout) as { error: string }[];
      assert.strictEqual(results.length, n);
      for (const i of [0, 1, n >> 1, n - 1])
        assert.match(results[i].error, new RegExp(`input\\[1\\] has 1 element.*\\(-: line ${i + 2}, column 22\\)$`));
      console.log(
        `      CLI, ${n} failing specs (${(lines.join('').length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms`,
      );
    });
  });

  it('prints readable aligned tables without --json', () => {
    const run = cli(['-'], seed);
    assert.strictEqual(run.status, 0);
    assert.ok(run.stdout.includes('output height = floor((3 + 2*0 - 1*(2 - 1) - 1) / 1) + 1 = 2'), run.stdout);
    assert.ok(run.stdout.includes('output (2x2)\n[[37 47]\n [67 77]]'));
    assert.ok(run.stdout.includes('[[ 37 121  94]\n [178 500 342]\n [201 499 308]]'));
    assert.ok(run.stdout.includes('kernel matrix M (9x4, 16 non-zeros)'));
  });

  it('rejects bad arguments with usage and exit code 2', () => {
    const run = cli(['--kernel-matrix', 'sparse', '-']);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /--kernel-matrix takes dense, csr or none, not sparse/);
    assert.strictEqual(cli([]).status, 2);
    assert.match(cli(['--help']).stdout, /Usage: convlens/);
  });
});
