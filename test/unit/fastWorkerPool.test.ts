import * as assert from 'assert';
import { cellsOf, forward, normalizeSpec } from '../../src/engine';
import { forwardPlan } from '../../src/engine/fast';
import { execute } from '../../src/engine/fast/execute';
import { fastRuntime, releaseFastRuntime } from '../../src/engine/fast/runtime';
import { WorkerPool } from '../../src/engine/fast/workerPool';
import { assertClose } from '../support/approx';
import { nested, seeded } from '../support/seededValues';

describe('fast engine worker pool', () => {
  it("runs a job a worker still holds once its own are done, and the results are the reference's", async function () {
    // A shared memory of its own: no job of the engine's pool can be running in it.
    const engines = fastRuntime(true);
    if (engines) releaseFastRuntime(engines);
    const runtime = fastRuntime(true);
    const pool = runtime && WorkerPool.start(1, runtime);
    if (!runtime || !pool) this.skip();
    await pool.whenReady;
    try {
      const spec = {
        input: nested(seeded(16 * 128 * 128, 1), [16, 128, 128]),
        weight: nested(seeded(8 * 16 * 9, 2), [8, 16, 3, 3]),
        bias: seeded(8, 3),
        padding: 1,
      };
      const problem = normalizeSpec(spec);
      assert.ok(problem.ok);
      const plan = forwardPlan(problem.value);
      assert.strictEqual(plan.passes.length, 1);
      const rows = plan.passes[0].rows;
      const expected = forward(problem.value).data;
      // Job 0, every row, goes to the worker (this thread waits until it has claimed it); job 1, one row, to this
      // thread, which then finds job 0 running far longer than its own took. A busy machine can deschedule this
      // thread long enough for the worker to run both, or end job 0 in time (a sleeping worker woken onto this
      // thread's core runs job 0 before this thread goes on). With both cores busy most tries miss the case (24 tries
      // missed it in 1 run of 8); 100 tries should miss it about twice in 10,000 runs.
      let tookOver = false;
      for (let attempt = 0; attempt < 100 && !tookOver; attempt++) {
        const ranHere: number[][] = [];
        const into = new Float64Array(cellsOf(problem.value.geometry.output));
        pool.settle();
        const result = execute(
          plan,
          problem.value.input.data,
          problem.value.weight.data,
          problem.value.bias,
          runtime,
          (jobs) =>
            pool.run(
              Int32Array.of(jobs[0], 0, rows, jobs[0], 0, 1),
              2,
              (d, begin, end) => {
                ranHere.push([begin, end]);
                runtime.run(d, begin, end);
              },
              () => {
                while (pool.claimedJobs === 0);
              },
            ),
          into,
        );
        assertClose(
          result!,
          expected,
          `forward, attempt ${attempt}, this thread ran ${JSON.stringify(ranHere)}`,
          1e-12,
        );
        tookOver =
          JSON.stringify(ranHere) ===
          JSON.stringify([
            [0, 1],
            [0, rows],
          ]);
      }
      assert.ok(tookOver, 'this thread never ran the job the worker held');
    } finally {
      pool.settle();
      pool.dispose();
      releaseFastRuntime(runtime);
    }
  });
});
