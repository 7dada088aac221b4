// Entry the extension host calls (`extensionTestsPath`): runs every out/test/vscode/**/*.test.js with mocha.
// Under the harness, results go to the JSON file named by CONVLENS_TEST_RESULTS; otherwise
// (@vscode/test-electron) mocha's spec reporter prints them.
import * as fs from 'fs';
import Mocha from 'mocha';
import { runMochaFiles } from '../host/mochaRun';
import { describeError, TestResult } from '../host/results';

export async function run(): Promise<void> {
  const resultsFile = process.env.CONVLENS_TEST_RESULTS;
  const reporter = resultsFile ? Mocha.reporters.Base : Mocha.reporters.Spec;
  let results: TestResult[];
  try {
    // A hang detector, not a time limit: on a machine busy with other builds a test may take many times its usual.
    results = await runMochaFiles({ dir: __dirname, suffix: '.test.js', timeoutMs: 120_000, reporter });
  } catch (error) {
    // A suite that fails to load is a failure to report, not a silent harness timeout.
    results = [{ title: 'loading the extension-host suites', state: 'failed', error: describeError(error) }];
  }
  if (resultsFile) writeAtomically(resultsFile, JSON.stringify(results, null, 2));
  const failed = results.filter((r) => r.state === 'failed').length;
  if (failed > 0) throw new Error(`${failed} extension-host test(s) failed`);
}

/** The harness polls for the file, so it must never see it half written. */
function writeAtomically(file: string, text: string): void {
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}
