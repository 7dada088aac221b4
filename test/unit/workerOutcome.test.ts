// A job on the worker that gives no result is a sentence for the panel, never a throw.
import * as assert from 'assert';
import { resultOrSentence } from '../../src/extension/workerOutcome';

const say = {
  cancelled: 'Cancelled: the sample keeps its size.',
  failed: (reason: string) => `Could not (${reason}).`,
};

describe('worker outcome: a result, or the sentence that says why there is none', () => {
  it('a result is passed through as it is', async () => {
    const solved = { ok: true, output: [37, 47, 67, 77] };
    assert.strictEqual(await resultOrSentence(Promise.resolve(solved), say), solved);
  });

  it("a cancel is the caller's sentence", async () => {
    assert.strictEqual(
      await resultOrSentence(Promise.resolve('cancelled'), say),
      'Cancelled: the sample keeps its size.',
    );
  });

  it("a failure is the caller's sentence with the reason, an Error's message or the thrown value", async () => {
    assert.strictEqual(
      await resultOrSentence(Promise.reject(new Error('worker exited')), say),
      'Could not (worker exited).',
    );
    assert.strictEqual(await resultOrSentence(Promise.reject('no worker'), say), 'Could not (no worker).');
  });
});
