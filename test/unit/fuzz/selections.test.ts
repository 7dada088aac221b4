/**
 * Thousands of generated selections through the command's own pure path (`runConvolveJob`, what its worker
 * thread runs: parse -> validate -> limits -> compute -> overflow check). Each either matches the textbook
 * reference or is refused with a message naming the problem and a range inside the selection; nothing throws,
 * and no case runs long.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { performance } from 'perf_hooks';
import { compute, kernelMatrix, normalizeSpec, vecTimes, vecTimesTranspose } from '../../../src/engine';
import { ComputedView, Convolved, ConvolveError, runConvolveJob } from '../../../src/convolve';
import { problemOf } from '../../../src/view/problem';
import { assertClose, flat } from '../../support/approx';
import { FuzzCase, fuzzCase } from './cases';
import { CASE_TIME_LIMIT_MS, fuzzConfig } from './config';
import { MUTATIONS } from './malformed';
import { expectedRefusal, modelReference, overflowMessage, sizes, viewReference } from './oracle';
import { SpecModel } from './specModel';
import { Tally } from './tally';

const config = fuzzConfig(3000);

/**
 * One case as the command runs it (`runConvolveJob`, what its worker thread does), with the selection starting
 * at a document offset; the answer comes back relative to the selection. For a lone matrix the command asks the
 * user for a kernel (`asks`) and runs again with it: here with the case's kernel, or `[[1]]` for garbage that
 * happens to be a matrix. Only a matrix that can be an input may be asked about.
 */
function run(c: FuzzCase): { result: Convolved | 'asks'; ms: number } {
  const base = (c.text.length * 7919) % 1000;
  const started = performance.now();
  let job = runConvolveJob({ pieces: [{ text: c.text, base }], limits: c.limits });
  if (job.kind === 'needsKernel') {
    assert.ok(!c.expect, 'asked for a kernel for a matrix that cannot be convolved');
    if (c.asksForKernel) return { result: 'asks', ms: performance.now() - started };
    job = runConvolveJob({
      pieces: [{ text: c.text, base }],
      kernel: c.kernel ?? [[1]],
      limits: c.limits,
    });
  }
  const ms = performance.now() - started;
  assert.ok(job.kind !== 'needsKernel', 'asked for a kernel again');
  const { offset, length } = job.kind === 'done' ? job.range : job.error.range;
  assert.ok(
    offset >= base && offset + length <= base + c.text.length,
    `range ${offset}+${length} outside the selection at ${base}`,
  );
  const range = { offset: offset - base, length };
  return {
    result: job.kind === 'done' ? { ok: true, view: job.view, range } : { ok: false, error: { ...job.error, range } },
    ms,
  };
}

const firstNonFinite = (values: ArrayLike<number>): number =>
  Array.prototype.findIndex.call(values, (v: number) => !Number.isFinite(v));

/**
 * What a view's results are (as the page and the host compute them from it) agrees with the reference on the numbers
 * the engine read, and with its own kernel matrix.
 */
function assertConsistent(view: ComputedView): void {
  const { output, reconstruction } = compute(problemOf(view));
  assertClose(output.data, flat(viewReference(view)), 'output vs reference');
  const m = kernelMatrix(problemOf(view));
  const forward = vecTimes(view.input.data, m);
  const plane = output.height * output.width;
  if (view.bias) for (let i = 0; i < forward.length; i++) forward[i] += view.bias[Math.floor(i / plane)];
  assertClose(output.data, forward, 'output vs vec(in) @ M + bias');
  assertClose(reconstruction.data, vecTimesTranspose(output.data, m), 'reconstruction vs vec(out) @ M^T');
}

/** A spec the suite built: the oracle says whether it computes, and if not, exactly which refusal. */
function checkModel(c: FuzzCase & { model: SpecModel }, result: Convolved): string | undefined {
  const refusal = expectedRefusal(c.model, c.limits, c.text.length);
  if (refusal) {
    assert.ok(!result.ok, `expected a refusal (${refusal.reason}), but it computed`);
    assert.match(result.error.message, refusal.message);
    assert.strictEqual(result.error.limit, refusal.limit);
    return refusal.reason;
  }
  const reference = flat(modelReference(c.model));
  const shape = sizes(c.model).output;
  const overflow = firstNonFinite(reference);
  if (overflow >= 0) {
    assert.ok(!result.ok, `the reference overflows at ${overflow}, but it computed`);
    assert.match(result.error.message, overflowMessage('output', overflow, shape));
    return 'overflow';
  }
  if (!result.ok) {
    // The output is finite; only its transposed map may overflow (huge non-negative values make that exact).
    const problem = normalizeSpec(c.model);
    assert.ok(problem.ok);
    const back = vecTimesTranspose(reference, kernelMatrix(problem.value));
    const cell = firstNonFinite(back);
    assert.ok(cell >= 0, `refused, but the reference computes: ${result.error.message}`);
    assert.match(
      result.error.message,
      overflowMessage('reconstruction', cell, { height: c.model.input[0].length, width: c.model.input[0][0].length }),
    );
    return 'overflow';
  }
  const { view } = result;
  const { output } = compute(problemOf(view));
  assert.deepStrictEqual([output.channels, output.height, output.width], [shape.channels, shape.height, shape.width]);
  // Exactly (tolerance 0), but -0 is written and read back as 0.
  assertClose(view.input.data, flat(c.model.input), 'the input as read', 0);
  assertClose(view.weight.data, flat(c.model.weight), 'the weight as read', 0);
  assertClose(output.data, reference, 'output vs reference');
  return undefined;
}

function assertLocated(error: ConvolveError, text: string): void {
  assert.ok(error.message.trim().length > 0, 'an empty message');
  const { offset, length } = error.range;
  assert.ok(
    Number.isInteger(offset) &&
      Number.isInteger(length) &&
      offset >= 0 &&
      length >= 0 &&
      offset + length <= text.length,
    `range ${JSON.stringify(error.range)} outside the ${text.length}-character selection`,
  );
}

describe('fuzz: selections through the command path', function () {
  // The bound is per case (CASE_TIME_LIMIT_MS); the whole run scales with CONVLENS_FUZZ_RUNS.
  this.timeout(Math.max(120_000, config.runs * 50));
  const tally = new Tally();

  after(() => console.log(`      ${tally.summary(config.seed)}`));

  it(`${config.runs} generated selections compute like the reference or are refused with a located message`, () => {
    fc.assert(
      fc.property(fuzzCase, (c) => {
        const { result, ms } = run(c);
        const outcome = result === 'asks' ? 'asks for a kernel' : result.ok ? 'computed' : JSON.stringify(result.error);
        const context = `${c.kind}: ${JSON.stringify(c.text.length > 400 ? `${c.text.slice(0, 400)}…` : c.text)} -> ${outcome}`;
        try {
          assert.ok(ms < CASE_TIME_LIMIT_MS, `took ${ms.toFixed(0)} ms`);
          if (result === 'asks' || c.asksForKernel) {
            assert.ok(
              result === 'asks' && c.asksForKernel,
              'only a lone matrix (and no kernel) makes the command ask for one',
            );
            tally.record(c.kind, 'asked', ms);
            return;
          }
          if (result.ok) assertConsistent(result.view);
          else assertLocated(result.error, c.text);
          let reason: string | undefined = c.kind;
          if (c.model) reason = checkModel(c as FuzzCase & { model: SpecModel }, result) ?? reason;
          else if (c.expect) {
            assert.ok(!result.ok, 'a malformed selection computed');
            assert.match(result.error.message, c.expect.message);
            const { offset, length } = result.error.range;
            if (c.expect.at)
              assert.match(c.text.slice(offset, offset + length), c.expect.at, 'the text under the error');
          }
          tally.record(reason, result.ok ? 'computed' : 'refused', ms);
        } catch (e) {
          if (e instanceof Error) e.message = `${e.message}\n      case ${context}`;
          throw e;
        }
      }),
      { numRuns: config.runs, seed: config.seed },
    );
  });

  it('tried every malformed variant, and computed a fair share', function () {
    if (tally.cases < 1000) this.skip(); // too few runs to expect every kind
    for (const kind of Object.keys(MUTATIONS)) assert.ok(tally.refusedCount(kind) > 0, `no "${kind}" case was refused`);
    assert.ok(tally.computedCount > tally.cases / 5, `only ${tally.computedCount} of ${tally.cases} computed`);
  });
});
