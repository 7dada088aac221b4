// Runs the extension-host suites: loads a workbench whose payload names the suite index, then waits for
// the results file the suite writes (test/vscode/index.ts).
import * as fs from 'fs';
import { Page } from 'playwright-core';
import { describeError, TestResult } from './results';
import { workbenchUrl, WorkbenchOptions } from './workbenchUrl';

type Target = Omit<WorkbenchOptions, 'extensionTestsPath' | 'extensionEnvironment'>;

export async function runExtensionHostSuites(
  page: Page,
  target: Target,
  testsPath: string,
  resultsFile: string,
  timeoutMs: number,
): Promise<TestResult[]> {
  // The workbench calls this when the test runner ends; it then stops the extension host, so
  // an exit without a results file means the suite could not report (or crashed).
  let exitCode: number | undefined;
  await page.exposeFunction('codeAutomationExit', (code: number) => void (exitCode = code));
  const url = workbenchUrl({
    ...target,
    extensionTestsPath: testsPath,
    extensionEnvironment: { CONVLENS_TEST_RESULTS: resultsFile },
  });
  await page.goto(url);
  const deadline = Date.now() + timeoutMs;
  let exitSeenAt: number | undefined;
  while (!fs.existsSync(resultsFile)) {
    if (exitCode !== undefined) exitSeenAt ??= Date.now();
    if (exitSeenAt !== undefined && Date.now() - exitSeenAt > 2000) {
      return [failure(`the test runner exited with code ${exitCode} without writing results (see page-console.log)`)];
    }
    if (Date.now() > deadline) return [failure(`no results within ${timeoutMs / 1000} s (see page-console.log)`)];
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as TestResult[];
  } catch (error) {
    return [failure(`unreadable results file ${resultsFile}: ${describeError(error)}`)];
  }
}

function failure(error: string): TestResult {
  return { title: 'extension-host suites', state: 'failed', error };
}
