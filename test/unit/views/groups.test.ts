import * as assert from 'assert';
import { groupBlocks, isDepthwise, KernelMatrixRows, normalizeSpec } from '../../../src/engine';
import { loadGoldenViewsCases } from '../../support/golden';

function solve(spec: unknown) {
  const problem = normalizeSpec(spec);
  assert.ok(problem.ok, problem.ok ? '' : problem.error.message);
  return problem.value;
}

const zeros = (...dims: number[]): unknown =>
  dims.length === 0 ? 0 : Array.from({ length: dims[0] }, () => zeros(...dims.slice(1)));

describe('groupBlocks: the block-diagonal structure of M', () => {
  it('groups 2, 4 channels in and 6 out, 3x3 input, 2x2 kernel: two blocks of 18 rows by 12 columns', () => {
    const g = solve({ input: zeros(4, 3, 3), weight: zeros(6, 2, 2, 2), groups: 2 }).geometry;
    assert.deepStrictEqual(groupBlocks(g), [
      {
        group: 0,
        inputChannels: { start: 0, end: 2 },
        outputChannels: { start: 0, end: 3 },
        rows: { start: 0, end: 18 },
        cols: { start: 0, end: 12 },
      },
      {
        group: 1,
        inputChannels: { start: 2, end: 4 },
        outputChannels: { start: 3, end: 6 },
        rows: { start: 18, end: 36 },
        cols: { start: 12, end: 24 },
      },
    ]);
    assert.strictEqual(isDepthwise(g), false);
  });

  it('a transposed conv with groups 2: [Cin][Cout/groups] weight, 2 in, 4 out', () => {
    const g = solve({ op: 'conv_transpose1d', input: zeros(2, 3), weight: zeros(2, 2, 2), groups: 2 }).geometry;
    assert.deepStrictEqual(
      groupBlocks(g).map((b) => [b.outputChannels, b.rows, b.cols]),
      [
        [
          { start: 0, end: 2 },
          { start: 0, end: 3 },
          { start: 0, end: 8 },
        ],
        [
          { start: 2, end: 4 },
          { start: 3, end: 6 },
          { start: 8, end: 16 },
        ],
      ],
    );
    assert.strictEqual(isDepthwise(g), true);
  });

  it('depthwise is groups = input channels', () => {
    assert.ok(isDepthwise(solve({ input: zeros(3, 4), weight: zeros(6, 1, 2), op: 'conv1d', groups: 3 }).geometry));
    assert.ok(!isDepthwise(solve({ input: zeros(4, 4), weight: zeros(2, 2, 2), op: 'conv1d', groups: 2 }).geometry));
  });

  describe('every golden case: PyTorch W_flat and M have no entry outside the blocks', () => {
    for (const golden of loadGoldenViewsCases().filter((c) => c.groups > 1)) {
      it(golden.name, () => {
        const problem = solve(golden);
        const blocks = groupBlocks(problem.geometry);
        const [, , kd, kh, kw] = problem.weight.dims;
        const volume = kd * kh * kw;
        const blockOf = (channel: number, side: 'inputChannels' | 'outputChannels') =>
          blocks.findIndex((b) => b[side].start <= channel && channel < b[side].end);
        golden.im2col_weight.forEach((row, out) =>
          row.forEach((value, r) => {
            if (value !== 0)
              assert.strictEqual(blockOf(Math.floor(r / volume), 'inputChannels'), blockOf(out, 'outputChannels'));
          }),
        );
        const rows = new KernelMatrixRows(problem);
        const inBlock = (row: number, col: number) =>
          blocks.some((b) => b.rows.start <= row && row < b.rows.end && b.cols.start <= col && col < b.cols.end);
        rows.visitRows(0, rows.rows, (row, col) => assert.ok(inBlock(row, col), `M[${row}][${col}]`));
      });
    }
  });
});
