// `npm run test:vscode`: one VS Code server and one browser page run the extension-host suites, then the
// UI suites against a fresh workbench with the extension loaded. Prints each result and one summary line.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { launchBrowser, newLoggedPage } from './browser';
import { cleanupOnSignals, runCleanup } from './cleanup';
import { runExtensionHostSuites } from './extensionHostSuite';
import * as paths from './paths';
import { describeError, printResult, summaryLine, TestResult } from './results';
import { startServer } from './server';
import { runUiSuites } from './uiSuite';
import { Workbench } from './workbench';
import { workbenchUrl } from './workbenchUrl';

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback) * 1000;
const TOTAL_TIMEOUT = seconds('CONVLENS_HOST_TIMEOUT', 2400);
const EXTENSION_HOST_TIMEOUT = seconds('CONVLENS_EXTHOST_TIMEOUT', 900);

const results: TestResult[] = [];
const started = Date.now();
let workDir: string | undefined;

function record(suite: string, batch: TestResult[]): void {
  batch.forEach((result) => printResult(suite, result));
  results.push(...batch);
}

async function main(): Promise<void> {
  const host = paths.readHostInstall();
  paths.requireFile(paths.extensionMain, 'run `npm run build` first');
  paths.requireFile(paths.extensionTestsIndex, 'run `npm run compile-tests` first');
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-host-'));
  console.log(`test host: logs in ${workDir} (kept on failure)`);

  const server = await startServer(host, workDir);
  const browser = await launchBrowser();
  const page = await newLoggedPage(browser, path.join(workDir, 'page-console.log'));
  const target = { origin: server.origin, folder: paths.examplesDir, extensionDevelopmentPath: paths.repoRoot };

  console.log('extension-host suites:');
  const resultsFile = path.join(workDir, 'extension-host-results.json');
  record(
    'vscode',
    await runExtensionHostSuites(page, target, paths.extensionTestsIndex, resultsFile, EXTENSION_HOST_TIMEOUT),
  );

  // The workbench stops its extension host once a test run ends, so the UI suites get a fresh load.
  console.log('UI suites:');
  await page.goto(workbenchUrl(target));
  const workbench = new Workbench(page, paths.screenshotsDir);
  try {
    await workbench.ready();
    await workbench.whenExtensionsRun();
    record('ui', await runUiSuites(paths.uiTestsDir, workbench));
  } catch (error) {
    record('ui', [{ title: 'loading the workbench for the UI suites', state: 'failed', error: describeError(error) }]);
  }
}

function finish(code: number): void {
  if (code === 0 && workDir) fs.rmSync(workDir, { recursive: true, force: true });
  console.log(`test host: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(summaryLine(results));
  process.exit(code);
}

cleanupOnSignals();
const timeout = setTimeout(() => {
  record('host', [{ title: 'test host', state: 'failed', error: `timed out after ${TOTAL_TIMEOUT / 1000} s` }]);
  void runCleanup().finally(() => finish(1));
}, TOTAL_TIMEOUT);

main()
  .catch((error: unknown) => {
    record('host', [{ title: 'test host', state: 'failed', error: describeError(error) }]);
  })
  .then(runCleanup)
  .then(() => {
    clearTimeout(timeout);
    finish(results.some((r) => r.state === 'failed') || results.length === 0 ? 1 : 0);
  });
