// The command's job (what its worker runs) parses, checks and places a selection but leaves the results to whoever
// needs them: the page computes its own, and a copy computes them on the worker. Both give PyTorch's numbers.
import * as assert from 'assert';
import { DEFAULT_LIMITS } from '../../../src/engine';
import { runConvolveJob, titledView, transferables } from '../../../src/convolve';
import { runWorkerMessage } from '../../../src/extension/worker/workerMessage';
import { assertClose, flat } from '../../support/approx';
import { goldenSpecText, loadGoldenNdCases } from '../../support/golden';

/** The worker's job for a selection of all of `text`. */
function commandJob(text: string) {
  const result = runConvolveJob({ pieces: [{ text, base: 0 }], limits: DEFAULT_LIMITS });
  assert.ok(result.kind === 'done', result.kind === 'refused' ? result.error.message : result.kind);
  return result;
}

describe('convolve: results computed only where they are needed', () => {
  it('the job hands back the numbers it read and no results: for 512 x 512, k5 only the input and weight travel', () => {
    const n = 512;
    const rows = Array.from({ length: n }, (_, i) => `[${Array.from({ length: n }, (_, j) => (i + j) % 7).join(',')}]`);
    const job = commandJob(
      `{"input": [${rows.join(',')}], "kernel": [[1,2,3,4,5],[1,2,3,4,5],[1,2,3,4,5],[1,2,3,4,5],[1,2,3,4,5]]}`,
    );
    assert.ok(!('output' in job.view) && !('reconstruction' in job.view), Object.keys(job.view).join(', '));
    assert.deepStrictEqual([job.view.geometry.output.height, job.view.geometry.output.width], [508, 508]);
    const bytes = transferables(job).reduce((sum, buffer) => sum + buffer.byteLength, 0);
    // 262,144 input doubles and 25 weights: the output's and reconstruction's 4 MB stay uncomputed.
    assert.strictEqual(bytes, (n * n + 25) * 8);
  });

  const cases = loadGoldenNdCases();
  it(`"Copy results as JSON" on the worker gives PyTorch's output and reconstruction (${cases.length} golden cases)`, () => {
    for (const c of cases) {
      const job = commandJob(goldenSpecText(c));
      const view = titledView(job.view, `${c.name}.json:1:1`, { decimals: 4, exactFractions: false });
      const text = runWorkerMessage({ kind: 'clipboard', job: { view, what: 'results' } });
      assert.ok(typeof text === 'string');
      const copied = JSON.parse(text) as { op: string; output: unknown[]; reconstruction: unknown[] };
      assert.strictEqual(copied.op, c.op);
      assertClose(copied.output.flat(Infinity) as number[], flat(c.expected), `${c.name} output`);
      if (c.reconstruction)
        assertClose(
          copied.reconstruction.flat(Infinity) as number[],
          flat(c.reconstruction),
          `${c.name} reconstruction`,
        );
    }
  });
});
