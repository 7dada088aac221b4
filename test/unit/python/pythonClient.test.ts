// The Python worker (run from its compiled module) reads a program version by version as an in-process fresh read
// does: the fresh read is the reference. Without a worker, the client reads in-process and says why.
import * as assert from 'assert';
import * as path from 'path';
import { PythonClient } from '../../../src/extension/worker/pythonClient';
import { repoRoot } from '../../support/golden';
import { pythonModelFile } from '../../support/pythonModelFile';
import { loadParser, read } from './helpers';

const WORKER = path.join(repoRoot, 'out', 'src', 'extension', 'worker', 'pythonWorker.js');

describe('python: reading on the worker thread', () => {
  before(loadParser);

  it('each version of a program, sent as text, comes back read as a fresh read of it', async () => {
    const warnings: string[] = [];
    const client = new PythonClient(WORKER, (message) => warnings.push(message));
    try {
      client.warmUp();
      const text = pythonModelFile(3);
      const edited = text.replace('kernel_size=K', 'kernel_size=5');
      // Sent without waiting: the worker answers each in turn, the second read from the first's tree.
      const [first, second] = await Promise.all([
        client.read('file:///model.py', 1, text),
        client.read('file:///model.py', 2, edited),
      ]);
      assert.deepStrictEqual(first, read(text));
      assert.deepStrictEqual(second, read(edited));
      assert.notDeepStrictEqual(second, first);
      client.forget('file:///model.py');
      assert.deepStrictEqual(await client.read('file:///model.py', 3, text), read(text));
      assert.deepStrictEqual(warnings, []);
    } finally {
      client.dispose();
    }
  });

  it('where no worker can start, it reads in-process and warns once', async () => {
    const warnings: string[] = [];
    const client = new PythonClient(path.join(repoRoot, 'out', 'no-such-worker.js'), (m) => warnings.push(m));
    try {
      const text = pythonModelFile(1);
      assert.deepStrictEqual(await client.read('file:///a.py', 1, text), read(text));
      assert.deepStrictEqual(await client.read('file:///a.py', 2, `${text}\n`), read(`${text}\n`));
      assert.strictEqual(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0], /no worker thread for Python/);
    } finally {
      client.dispose();
    }
  });
});
