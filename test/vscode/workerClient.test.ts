// The worker client when its worker thread stops without a word (killed, out of memory): the job in flight fails with
// a message instead of waiting for good, and the jobs after it get a fresh worker. And while a computation runs, a
// copy of the result on screen does not wait for it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Solved, titledView } from '../../src/convolve';
import { runWorkerMessage } from '../../src/extension/worker/workerMessage';
import { ConvolveClient } from '../../src/extension/worker/convolveClient';
import { DEFAULT_LIMITS } from '../../src/engine/limits';
import { DEFAULT_FORMAT } from '../../src/format/numberText';
import { SEED_SPEC } from '../support/seed';
import { convlensExtension, copiedResults } from './support';

const realWorker = (): string => path.join(convlensExtension().extensionPath, 'dist', 'convolveWorker.js');

/**
 * An extension folder whose first worker meets each job with `onJob` (a function of the job, as JS source; its
 * listener keeps the thread alive); every worker started after it is the real one.
 */
function folderWithOddFirstWorker(onJob: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-worker-'));
  fs.mkdirSync(path.join(folder, 'dist'));
  const started = path.join(folder, 'started-once');
  fs.writeFileSync(
    path.join(folder, 'dist', 'convolveWorker.js'),
    `const fs = require('fs');
if (fs.existsSync(${JSON.stringify(started)})) require(${JSON.stringify(realWorker())});
else {
  fs.writeFileSync(${JSON.stringify(started)}, '');
  require('worker_threads').parentPort.on('message', ${onJob});
}
`,
  );
  return folder;
}

/** A client on `folderWithOddFirstWorker(onJob)` for the suite that calls it: made before its tests, gone after. */
function suiteClient(onJob: string): () => ConvolveClient {
  let folder: string;
  let client: ConvolveClient;
  before(() => {
    folder = folderWithOddFirstWorker(onJob);
    client = new ConvolveClient(folder);
  });
  after(() => {
    client.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });
  return () => client;
}

describe('the worker client, when its worker stops', () => {
  // It exits (code 7) on its first job.
  const clientOf = suiteClient('() => process.exit(7)');

  it('fails the job in flight with a message, and the next job runs on a fresh worker', async () => {
    const client = clientOf();
    const token = new vscode.CancellationTokenSource().token;
    await assert.rejects(client.runSpec({ spec: SEED_SPEC, limits: DEFAULT_LIMITS }, token), /stopped \(exit code 7\)/);
    const solved = await client.runSpec({ spec: SEED_SPEC, limits: DEFAULT_LIMITS }, token);
    assert.ok(solved !== 'cancelled' && solved.ok, 'the seed computed');
    assert.deepStrictEqual(
      (await copiedResults(client, titledView(solved.view, 'a test', DEFAULT_FORMAT))).output,
      [37, 47, 67, 77],
    );
  });
});

describe('the worker client, while a computation runs', () => {
  // It never answers: a computation that takes for ever.
  const clientOf = suiteClient('() => {}');

  it('copies the result on screen without waiting for it, and the computation can still be cancelled', async () => {
    const client = clientOf();
    const seed = runWorkerMessage({ kind: 'spec', job: { spec: SEED_SPEC, limits: DEFAULT_LIMITS } }) as Solved;
    assert.ok(seed.ok);
    const cancelling = new vscode.CancellationTokenSource();
    const computing = client.runSpec({ spec: SEED_SPEC, limits: DEFAULT_LIMITS }, cancelling.token);
    let computed = false;
    void computing.then(() => (computed = true));
    assert.deepStrictEqual(
      (await copiedResults(client, titledView(seed.view, 'a test', DEFAULT_FORMAT))).output,
      [37, 47, 67, 77],
    );
    assert.ok(!computed, 'the computation was still running when the copy was written');
    cancelling.cancel();
    assert.strictEqual(await computing, 'cancelled');
  });
});
