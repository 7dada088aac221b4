import * as assert from 'assert';
import { spawn } from 'child_process';
import { assertClose, flat } from '../support/approx';
import { cliPath, runCli as cli } from '../support/cli';
import { goldenPath, loadGoldenCases } from '../support/golden';
import { SEED_KERNEL_MATRIX, SEED_OUTPUT, SEED_RECONSTRUCTION } from '../support/seed';

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
        output: [SEED_OUTPUT],
        reconstruction: [SEED_RECONSTRUCTION],
        kernel_matrix: SEED_KERNEL_MATRIX,
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
    assert.deepStrictEqual(good.output, [SEED_OUTPUT]);
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
        output: [SEED_OUTPUT],
        reconstruction: [SEED_RECONSTRUCTION],
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

  it("applies the extension's size limits by default, names the flag that raises each, and the flags raise them", () => {
    // 45 bytes that ask for a 6001 x 6001 output (36,012,001 cells; the default limit is 4,000,000).
    const padded = cli(['--json', '-'], '{"input":[[1]],"weight":[[1]],"padding":3000}');
    assert.strictEqual(padded.status, 1);
    assert.match(
      JSON.parse(padded.stdout)[0].error,
      /^The output would have 1 x 6,001 x 6,001 = 36,012,001 cells, more than the limit of 4,000,000\. Raise it with --max-output-cells\. \(-: line 1, column 1\)$/,
    );
    // The seed has 9 input cells, a 2 x 2 output, 16 multiply-adds and 61 characters.
    const refusal = (flags: string[]) => JSON.parse(cli(['--json', ...flags, '-'], seed).stdout)[0].error as string;
    assert.match(
      refusal(['--max-input-cells', '8']),
      /input has 1 x 3 x 3 = 9 cells.*Raise it with --max-input-cells\./,
    );
    assert.match(refusal(['--max-output-cells=3']), /output would have 1 x 2 x 2 = 4 cells.*--max-output-cells\./);
    assert.match(refusal(['--max-multiply-adds', '15']), /up to 16 non-zeros.*Raise it with --max-multiply-adds\./);
    const long = cli(['--json', '--max-characters', '60', '-'], seed);
    assert.strictEqual(long.status, 1);
    assert.match(
      long.stderr,
      /^convlens: -: The file has 61 characters, more than the limit of 60\. Raise it with --max-characters\.$/m,
    );
    const raised = cli(
      ['--json', '--max-input-cells', '9', '--max-output-cells', '4', '--max-multiply-adds', '16', '-'],
      seed,
    );
    assert.strictEqual(raised.status, 0, raised.stdout);
    assert.deepStrictEqual(flat(JSON.parse(raised.stdout)[0].output), [37, 47, 67, 77]);
    assert.match(cli(['--max-input-cells', '0', '-'], seed).stderr, /--max-input-cells takes a positive whole number/);
  });

  it('refuses a stride past 2^53 at its value, and bounds what a long stride, dilation or padding costs', () => {
    const huge = cli(['--json', '-'], '{"input":[[1]],"weight":[[1]],"stride":1e300}');
    assert.match(
      JSON.parse(huge.stdout)[0].error,
      /^stride is `?1e\+?300`?.*(9,007,199,254,740,991|9007199254740991).* \(-: line 1, column 40\)$/,
    );
    const dilated = cli(
      ['--json', '-'],
      '{"input":[[1,2]],"weight":[[1,2]],"dilation":[1,100000000],"padding":[0,50000000]}',
    );
    assert.match(
      JSON.parse(dilated.stdout)[0].error,
      /^The padded input would have 1 x 1 x 100,000,002 = 100,000,002 cells, more than the limit of 4,000,000\. Raise it with --max-input-cells\./,
    );
    // The one output of a 1 x 1 input is 3 * 2 whatever the stride; the reconstruction 6 * 2.
    const strided = cli(['--json', '-'], '{"input":[[3]],"weight":[[2]],"stride":100000000}');
    assert.strictEqual(strided.status, 0, strided.stdout);
    assert.deepStrictEqual(JSON.parse(strided.stdout)[0], {
      output: [[[6]]],
      reconstruction: [[[12]]],
      kernel_matrix: [[2]],
    });
  });

  it('conv_transpose2d with stride 130,000 on a 1 x 2 input: two stamps 130,000 apart, no stack overflow', () => {
    const run = cli(
      ['--json', '--kernel-matrix', 'none', '-'],
      '{"op":"conv_transpose2d","input":[[1,2]],"weight":[[5]],"stride":130000}',
    );
    assert.strictEqual(run.status, 0, run.stderr);
    const [row] = JSON.parse(run.stdout)[0].output[0] as number[][];
    assert.strictEqual(row.length, 130_001);
    assert.deepStrictEqual([row[0], row[130_000]], [5, 10]);
    assert.strictEqual(row.filter((v) => v !== 0).length, 2);
  });

  it('prints the tables of a 401 x 401 output (160,801 cells) without overflowing the stack', () => {
    const run = cli(['-'], '{"input":[[1]],"weight":[[1]],"padding":200}');
    assert.strictEqual(run.status, 0, run.stderr);
    // Only the centre of the padded input meets the kernel: one 1 in a 401-wide field of 0s.
    assert.ok(run.stdout.includes('output (401x401)\n[[0 0 0'), run.stdout.slice(0, 500));
    assert.match(run.stdout, /\n \[0( 0){199} 1( 0){200}\]\n/);
  });

  it('stops quietly when the reader closes the pipe early (| head -c 10)', async () => {
    // A 1201 x 1201 output: megabytes of JSON, far more than one pipe buffer.
    const child = spawn(process.execPath, [cliPath, '--json', '--kernel-matrix', 'none', '-']);
    child.stdin.end('{"input":[[1]],"weight":[[1]],"padding":600}');
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let head = '';
    child.stdout.once('data', (chunk: Buffer) => {
      head = chunk.toString().slice(0, 10);
      child.stdout.destroy();
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.strictEqual(head, '[{"output"');
    assert.strictEqual(stderr, '');
    assert.strictEqual(status, 0);
  });
});
