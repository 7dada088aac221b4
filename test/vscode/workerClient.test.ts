// The worker client when its worker thread stops without a word (killed, out of memory): the job in flight fails with
// a message instead of waiting for good, and the jobs after it get a fresh worker.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { titledView } from '../../src/convolve';
import { ConvolveClient } from '../../src/extension/worker/convolveClient';
import { DEFAULT_LIMITS } from '../../src/engine/limits';
import { DEFAULT_FORMAT } from '../../src/format/numberText';
import { SEED_SPEC } from '../support/seed';
import { convlensExtension, copiedResults } from './support';

const realWorker = (): string => path.join(convlensExtension().extensionPath, 'dist', 'convolveWorker.js');

/**
 * An extension folder whose worker exits (code 7) on its first job the first time it starts, and is the real worker
 * from then on.
 */
function folderWithDyingWorker(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-worker-'));
  fs.mkdirSync(path.join(folder, 'dist'));
  const started = path.join(folder, 'started-once');
  fs.writeFileSync(
    path.join(folder, 'dist', 'convolveWorker.js'),
    `const fs = require('fs');
const { parentPort } = require('worker_threads');
if (fs.existsSync(${JSON.stringify(started)})) require(${JSON.stringify(realWorker())});
else {
  fs.writeFileSync(${JSON.stringify(started)}, '');
  parentPort.once('message', () => process.exit(7));
}
`,
  );
  return folder;
}

describe('the worker client, when its worker stops', () => {
  let folder: string;
  let client: ConvolveClient;
  before(() => {
    folder = folderWithDyingWorker();
    client = new ConvolveClient(folder);
  });
  after(() => {
    client.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('fails the job in flight with a message, and the next job runs on a fresh worker', async () => {
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
