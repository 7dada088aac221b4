import * as assert from 'assert';
import {
  adjoint,
  compute,
  ConvProblem,
  forward,
  kernelMatrix,
  KernelMatrixRows,
  nonZeros,
  normalizeSpec,
  shapeOf,
  toDense,
} from '../../src/engine';
import { assertClose, flat } from '../support/approx';
import { runCli } from '../support/cli';
import { GoldenNdCase, GoldenNdError, goldenNdPath, loadGoldenNdCases, loadGoldenNdErrors } from '../support/golden';

// Every N-D golden case through what the command runs (normalizeSpec + compute), the reference passes, the kernel
// matrix both ways (CSR and KernelMatrixRows) and the CLI. golden.test.ts does the same for golden-conv2d.json.

/** The extents of a regular nested array. */
const dimsOf = (x: unknown): number[] => (Array.isArray(x) ? [x.length, ...dimsOf(x[0])] : []);

function solve(golden: GoldenNdCase | GoldenNdError): ConvProblem {
  const problem = normalizeSpec(golden);
  assert.ok(problem.ok, problem.ok ? '' : problem.error.message);
  return problem.value;
}

/** The dense M of the rows' own traversal, every stored entry placed where it says. */
function denseOfRows(rows: KernelMatrixRows): number[][] {
  const dense = Array.from({ length: rows.rows }, () => new Array<number>(rows.cols).fill(0));
  let stored = 0;
  rows.visitRows(0, rows.rows, (row, col, value) => {
    dense[row][col] = value;
    stored++;
  });
  assert.strictEqual(stored, rows.nonZeros, 'visitRows visits nonZeros entries');
  return dense;
}

describe('engine against PyTorch: golden-convnd.json', () => {
  const cases = loadGoldenNdCases();

  it('has all 179 cases', () => assert.strictEqual(cases.length, 179));

  cases.forEach((golden, i) => {
    const withM = golden.kernel_matrix ? ', M both ways, reconstruction' : '';
    it(`#${i} ${golden.name}: output by compute and forward${withM}`, () => {
      const problem = solve(golden);
      const g = problem.geometry;
      assert.deepStrictEqual(shapeOf(g, g.output), dimsOf(golden.expected), 'output [Cout][spatial…]');
      const result = compute(problem);
      assertClose(result.output.data, flat(golden.expected), 'compute output');
      assertClose(forward(problem).data, flat(golden.expected), 'forward output');
      assertClose(result.reconstruction.data, adjoint(problem, result.output).data, 'compute reconstruction = adjoint');

      const m = kernelMatrix(problem);
      const rows = new KernelMatrixRows(problem);
      assert.strictEqual(rows.nonZeros, nonZeros(m), 'KernelMatrixRows.nonZeros = CSR non-zeros');
      const stored = Array.from(m.data);
      const extent = { min: Math.min(0, ...stored), max: Math.max(0, ...stored) };
      assert.deepStrictEqual(rows.extent(), extent, 'extent: the true min/max of stored values, 0 included');
      if (!golden.kernel_matrix) return;

      const expectedM = golden.kernel_matrix;
      assert.deepStrictEqual([m.rows, m.cols], dimsOf(expectedM), 'M [Cin*in][Cout*out]');
      assertClose(flat(toDense(m)), flat(expectedM), 'CSR M');
      assertClose(flat(denseOfRows(rows)), flat(expectedM), 'KernelMatrixRows.visitRows');
      // The same sums in the same order as the CSR's: equal to the last bit, not just close.
      const entries = expectedM.map((row, r) => row.map((_, c) => rows.entryAt(r, c)));
      assert.deepStrictEqual(entries, toDense(m), 'KernelMatrixRows.entryAt = the CSR entry');
      assert.deepStrictEqual(denseOfRows(rows), toDense(m), 'visitRows = the CSR');
      assert.ok(golden.reconstruction, 'a case with M has its reconstruction');
      assert.deepStrictEqual(shapeOf(g, result.reconstruction), dimsOf(golden.reconstruction), "input's shape");
      assertClose(result.reconstruction.data, flat(golden.reconstruction), 'reconstruction vec(out) @ M^T');
    });
  });
});

/** The first of the op's own axes (index, name) where `bad` holds, from the spec alone. */
function firstAxis(error: GoldenNdError, bad: (a: number) => boolean): { index: number; name: string } {
  const rank = error.stride.length;
  const names = { 1: ['length'], 2: ['height', 'width'], 3: ['depth', 'height', 'width'] }[rank]!;
  const index = names.findIndex((_, a) => bad(a));
  assert.ok(index >= 0, 'the spec has an offending axis');
  return { index, name: names[index] };
}

/** Spatial extents of the spec's input, `[C][spatial…]`. */
const spatialOf = (error: GoldenNdError): number[] => dimsOf(error.input).slice(1);
const kernelOf = (error: GoldenNdError): number[] => dimsOf(error.weight).slice(2);
const padOf = (error: GoldenNdError, a: number): number => (error.padding as number[])[a];

/**
 * What a refusal must say, derived from the spec and the kind of PyTorch's message: the path of the field and facts
 * (regular expressions) the message must contain. The words differ from PyTorch's; the facts must not.
 */
function expectedRefusal(error: GoldenNdError): { path: (string | number)[]; facts: RegExp[] } {
  const torch = error.torch_error;
  const rank = error.stride.length;
  const axisWord = (name: string) => (rank === 1 ? [] : [new RegExp(`\\b${name}\\b`)]);
  if (/Padding size should be less than|wrapping around more than once/.test(torch)) {
    const reflect = error.padding_mode === 'reflect';
    const { index, name } = firstAxis(error, (a) =>
      reflect ? padOf(error, a) >= spatialOf(error)[a] : padOf(error, a) > spatialOf(error)[a],
    );
    return {
      path: ['padding', index],
      facts: [
        new RegExp(error.padding_mode),
        new RegExp(`pads ${padOf(error, index)} on an input of ${spatialOf(error)[index]}\\b`),
        ...axisWord(name),
      ],
    };
  }
  if (/Only "zeros" padding mode is supported/.test(torch)) {
    return { path: ['padding_mode'], facts: [/"zeros"/, new RegExp(error.op)] };
  }
  if (/padding='same' is not supported for strided/.test(torch)) {
    return { path: ['padding'], facts: [/"same"/, /strided/, new RegExp(`\\b${Math.max(...error.stride)}\\b`)] };
  }
  if (/in_channels must be divisible by groups/.test(torch)) {
    const channels = error.op.startsWith('conv_transpose') ? dimsOf(error.weight)[0] : dimsOf(error.input)[0];
    return {
      path: ['groups'],
      facts: [new RegExp(`groups = ${error.groups}\\b`), new RegExp(`${channels} .*channel`)],
    };
  }
  if (/out_channels must be divisible by groups/.test(torch)) {
    return {
      path: ['groups'],
      facts: [new RegExp(`groups = ${error.groups}\\b`), new RegExp(`${dimsOf(error.weight)[0]} output channels`)],
    };
  }
  if (/Kernel size can't be greater than actual input size/.test(torch)) {
    const padded = (a: number) => spatialOf(error)[a] + 2 * padOf(error, a);
    const span = (a: number) => error.dilation[a] * (kernelOf(error)[a] - 1) + 1;
    const { index, name } = firstAxis(error, (a) => span(a) > padded(a));
    return {
      path: ['weight'],
      facts: [
        new RegExp(`${name} spans ${span(index)} cells`),
        new RegExp(`padded input ${name} is only ${padded(index)}`),
      ],
    };
  }
  throw new Error(`no refusal known for PyTorch's "${torch}"`);
}

describe('engine refuses what PyTorch refuses: golden-convnd.json errors', () => {
  const errors = loadGoldenNdErrors();

  it('has all 18 errors', () => assert.strictEqual(errors.length, 18));

  errors.forEach((error, i) => {
    it(`error #${i} ${error.name}: the field, the axis and the sizes PyTorch names`, () => {
      const problem = normalizeSpec(error);
      assert.ok(!problem.ok, 'refused');
      const { path: expectedPath, facts } = expectedRefusal(error);
      assert.deepStrictEqual(problem.error.path, expectedPath, `path of "${problem.error.message}"`);
      for (const fact of facts) assert.match(problem.error.message, fact, `PyTorch: ${error.torch_error}`);
    });
  });
});

describe('CLI (dist/cli.js) on golden-convnd.json', () => {
  const cases = loadGoldenNdCases();

  /** The CLI's JSON for every case of the golden file, with the kernel matrix as `mode` asks. */
  function run(mode: string): Record<string, unknown>[] {
    const done = runCli(['--json', '--kernel-matrix', mode, goldenNdPath]);
    assert.strictEqual(done.status, 0, done.stderr);
    const results = JSON.parse(done.stdout) as Record<string, unknown>[];
    assert.strictEqual(results.length, cases.length);
    return results;
  }

  it('--json: output [C][spatial…] and reconstruction in the input shape, channels first, to 1e-9', () => {
    const results = run('none');
    cases.forEach((golden, i) => {
      const result = results[i];
      assert.deepStrictEqual(dimsOf(result.output), dimsOf(golden.expected), `#${i} output shape`);
      assertClose(flat(result.output), flat(golden.expected), `#${i} output`);
      assert.deepStrictEqual(dimsOf(result.reconstruction), dimsOf(golden.input), `#${i} reconstruction shape`);
      if (golden.reconstruction) assertClose(flat(result.reconstruction), flat(golden.reconstruction), `#${i}`);
      assert.ok(!('kernel_matrix' in result), 'none leaves M out');
    });
  });

  it('--kernel-matrix dense: the dense M of every case that has one, to 1e-9', () => {
    const results = run('dense');
    cases.forEach((golden, i) => {
      if (!golden.kernel_matrix) return;
      assert.deepStrictEqual(dimsOf(results[i].kernel_matrix), dimsOf(golden.kernel_matrix), `#${i} M shape`);
      assertClose(flat(results[i].kernel_matrix), flat(golden.kernel_matrix), `#${i} M`);
    });
  });

  it('--kernel-matrix csr: the same M as sorted CSR', () => {
    const results = run('csr');
    cases.forEach((golden, i) => {
      if (!golden.kernel_matrix) return;
      const csr = results[i].kernel_matrix as { rows: number; cols: number; indptr: number[]; indices: number[] };
      const data = (results[i].kernel_matrix as { data: number[] }).data;
      const dense = Array.from({ length: csr.rows }, () => new Array<number>(csr.cols).fill(0));
      for (let r = 0; r < csr.rows; r++) {
        for (let p = csr.indptr[r]; p < csr.indptr[r + 1]; p++) {
          if (p > csr.indptr[r]) assert.ok(csr.indices[p - 1] < csr.indices[p], `#${i} row ${r} sorted`);
          dense[r][csr.indices[p]] = data[p];
        }
      }
      assertClose(flat(dense), flat(golden.kernel_matrix), `#${i} CSR M`);
    });
  });
});
