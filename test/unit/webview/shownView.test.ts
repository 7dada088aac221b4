// The page computes what no view carries (output, reconstruction, M) from the `show` message alone: the same doubles
// as the host copies, and PyTorch's numbers.
import * as assert from 'assert';
import { DEFAULT_LIMITS, kernelMatrixNonZeros, toDense } from '../../../src/engine';
import { convolveSpec, titledView } from '../../../src/convolve';
import { showMessage } from '../../../src/extension/panel/keptState';
import { ConvView } from '../../../src/protocol/messages';
import { problemOf } from '../../../src/view/problem';
import { resultsJson } from '../../../src/view/resultsJson';
import { MAX_CSR_KERNEL_MATRIX_NON_ZEROS, shownView } from '../../../media/shownView';
import { assertClose, flat } from '../../support/approx';
import { loadGoldenNdCases } from '../../support/golden';
import { SEED_KERNEL_MATRIX, SEED_SPEC } from '../../support/seed';

function hostView(spec: Record<string, unknown>): ConvView {
  const solved = convolveSpec(spec, DEFAULT_LIMITS);
  assert.ok(solved.ok, solved.ok ? '' : solved.error.message);
  return titledView(solved.view, 'test', { decimals: 4, exactFractions: false });
}

/** The results the host copies ("Copy results as JSON", whose doubles survive JSON exactly). */
function hostResults(view: ConvView): { output: Float64Array; reconstruction: Float64Array } {
  const { output, reconstruction } = JSON.parse(resultsJson(view)) as { output: unknown[]; reconstruction: unknown[] };
  return {
    output: Float64Array.from(output.flat(Infinity) as number[]),
    reconstruction: Float64Array.from(reconstruction.flat(Infinity) as number[]),
  };
}

/** Bit for bit: the page must show exactly what the host copies and saves. */
function assertSameDoubles(actual: Float64Array, expected: Float64Array, what: string): void {
  assert.strictEqual(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++)
    assert.ok(Object.is(actual[i], expected[i]), `${what}[${i}]: ${actual[i]} on the page, ${expected[i]} on the host`);
}

describe('webview: the view the page computes from the show message', () => {
  it('the seed example: output [[37,47],[67,77]], reconstruction [[37,121,94],[178,500,342],[201,499,308]]', () => {
    const host = hostView(SEED_SPEC);
    const shown = shownView(showMessage(host).view);
    assert.deepStrictEqual([...shown.output.data], [37, 47, 67, 77]);
    assert.deepStrictEqual([...shown.reconstruction.data], [37, 121, 94, 178, 500, 342, 201, 499, 308]);
    assert.ok(shown.kernelMatrix);
    assert.deepStrictEqual(toDense(shown.kernelMatrix), SEED_KERNEL_MATRIX);
  });

  const cases = loadGoldenNdCases();
  it(`every PyTorch golden case (${cases.length}, every op, rank and padding mode): the host's doubles, PyTorch's numbers`, () => {
    for (const c of cases) {
      const host = hostView(c as unknown as Record<string, unknown>);
      const shown = shownView(showMessage(host).view);
      const copied = hostResults(host);
      assertSameDoubles(shown.output.data, copied.output, `${c.name} output`);
      assertSameDoubles(shown.reconstruction.data, copied.reconstruction, `${c.name} reconstruction`);
      assertClose(shown.output.data, flat(c.expected), `${c.name} output vs PyTorch`);
      if (c.reconstruction) assertClose(shown.reconstruction.data, flat(c.reconstruction), `${c.name} reconstruction`);
      if (c.kernel_matrix) {
        assert.ok(shown.kernelMatrix, `${c.name}: a small M is built as CSR`);
        assertClose(toDense(shown.kernelMatrix).flat(), c.kernel_matrix.flat(), `${c.name} M vs PyTorch`);
      }
    }
  });

  it('a 200 x 200 input with a 3 x 3 kernel: the host’s doubles; M (352,836 non-zeros) is read from the geometry, not built', () => {
    const input = Array.from({ length: 200 }, (_, i) =>
      Array.from({ length: 200 }, (_, j) => ((i * 31 + j * 17) % 1000) / 1000),
    );
    const host = hostView({
      input,
      kernel: [
        [0, -1, -2],
        [1, 0, -1],
        [2, 1, 0],
      ],
      bias: [0.1],
    });
    const shown = shownView(showMessage(host).view);
    const copied = hostResults(host);
    assertSameDoubles(shown.output.data, copied.output, 'output');
    assertSameDoubles(shown.reconstruction.data, copied.reconstruction, 'reconstruction');
    assert.strictEqual(kernelMatrixNonZeros(problemOf(shown)), 198 * 198 * 9);
    assert.ok(198 * 198 * 9 > MAX_CSR_KERNEL_MATRIX_NON_ZEROS);
    assert.strictEqual(shown.kernelMatrix, undefined);
  });
});
