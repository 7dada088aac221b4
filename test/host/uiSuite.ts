// Runs the UI suites (out/test/host/ui/**/*.ui.js) with mocha in the harness process against a live workbench.
import Mocha from 'mocha';
import { runMochaFiles } from './mochaRun';
import { TestResult } from './results';
import { Workbench } from './workbench';

let current: Workbench | undefined;

/** What a UI test drives: `const wb = workbench();` inside a test or hook. */
export function workbench(): Workbench {
  if (!current) throw new Error('workbench() is only available while the harness runs the UI suites');
  return current;
}

export async function runUiSuites(dir: string, wb: Workbench): Promise<TestResult[]> {
  current = wb;
  try {
    // A failed UI test leaves a picture of what the workbench showed at that moment.
    const rootHooks: Mocha.RootHookObject = {
      async afterEach(this: Mocha.Context) {
        const test = this.currentTest;
        if (test?.state === 'failed')
          await wb
            .screenshot(
              `failed-${test
                .fullTitle()
                .replace(/[^\w]+/g, '-')
                .slice(0, 80)}`,
            )
            .catch(() => undefined);
      },
    };
    // A hang detector, not a time limit: on a machine busy with other builds a test may take many times its usual.
    return await runMochaFiles({
      dir,
      suffix: '.ui.js',
      timeoutMs: 180_000,
      reporter: Mocha.reporters.Base,
      rootHooks,
    });
  } finally {
    current = undefined;
  }
}
