// Runs mocha over compiled test files and returns their results; shared by the extension-host and UI suites.
// Loaded inside the extension host too, so it needs nothing but Node and mocha.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { describeError, TestResult } from './results';

export interface MochaRunOptions {
  /** Runs every file under `dir` whose name ends with `suffix`, e.g. '.test.js'. */
  dir: string;
  suffix: string;
  timeoutMs: number;
  reporter: Mocha.ReporterConstructor;
  rootHooks?: Mocha.RootHookObject;
}

export function runMochaFiles(options: MochaRunOptions): Promise<TestResult[]> {
  // CONVLENS_TEST_GREP runs only the tests whose full title matches (both sides: the server passes env on).
  const grep = process.env.CONVLENS_TEST_GREP || undefined;
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: options.timeoutMs,
    color: false,
    reporter: options.reporter,
    rootHooks: options.rootHooks,
    grep,
  });
  for (const file of filesEndingWith(options.dir, options.suffix)) mocha.addFile(file);
  return collectResults(mocha.run());
}

/** Collects every test outcome (failed hooks count as failures) until the run ends. */
function collectResults(runner: Mocha.Runner): Promise<TestResult[]> {
  const results: TestResult[] = [];
  runner.on('pass', (test) =>
    results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration, notes: notesOf(test) }),
  );
  runner.on('pending', (test) => results.push({ title: test.fullTitle(), state: 'skipped' }));
  runner.on('fail', (test, error: unknown) =>
    results.push({
      title: test.fullTitle(),
      state: 'failed',
      durationMs: test.duration,
      error: describeError(error),
      notes: notesOf(test),
    }),
  );
  return new Promise((resolve) => runner.once('end', () => resolve(results)));
}

type NotedTest = Mocha.Runnable & { notes?: string[] };

/** Lets a test report a measurement with its result: `note(this.test, 'seed: 12 ms')`. */
export function note(test: Mocha.Runnable | undefined, text: string): void {
  if (!test) return;
  ((test as NotedTest).notes ??= []).push(text);
}

const notesOf = (test: Mocha.Runnable): string[] | undefined => (test as NotedTest).notes;

function filesEndingWith(dir: string, suffix: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => path.join(dir, name));
}
