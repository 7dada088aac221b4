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
 * An extension folder whose worker threads run `script` (JS source), which has `parentPort`, `fs`, `REAL` (the real
 * worker's file) and `STARTED` (a file that is not there until a script writes it) in scope.
 */
function folderWithWorker(script: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-worker-'));
  fs.mkdirSync(path.join(folder, 'dist'));
  fs.writeFileSync(
    path.join(folder, 'dist', 'convolveWorker.js'),
    `const fs = require('fs');
const { parentPort } = require('worker_threads');
const REAL = ${JSON.stringify(realWorker())};
const STARTED = ${JSON.stringify(path.join(folder, 'started-once'))};
${script}
`,
  );
  return folder;
}

/** A client on `folderWithWorker(script)` for the suite that calls it: made before its tests, gone after. */
function suiteClient(script: string): () => ConvolveClient {
  let folder: string;
  let client: ConvolveClient;
  before(() => {
    folder = folderWithWorker(script);
    client = new ConvolveClient(folder);
  });
  after(() => {
    client.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });
  return () => client;
}

describe('the worker client, when its worker stops', () => {
  // The first worker exits (code 7) on its first job; every one after it is the real one.
  const clientOf = suiteClient(`if (fs.existsSync(STARTED)) require(REAL);
else {
  fs.writeFileSync(STARTED, '');
  parentPort.on('message', () => process.exit(7));
}`);

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
  // Every worker is the real one, but never answers a computation: one that takes for ever. (Which worker a lane gets
  // must not matter: the two lanes' workers start together.)
  const clientOf = suiteClient(`const on = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) =>
  on(event, event === 'message' ? (message) => message.kind === 'spec' || listener(message) : listener);
require(REAL);`);

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
