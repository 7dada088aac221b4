// Test results as both kinds of suite report them: written as JSON by the extension host, printed by the harness.

export interface TestResult {
  /** Full title: describe blocks and test, joined by spaces. */
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  error?: string;
  /** Measurements a test reports (timings, memory), printed under its line. */
  notes?: string[];
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  // Playwright colours its call logs with ANSI escapes.
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

export function printResult(suite: string, result: TestResult): void {
  const mark = { passed: '✓', failed: '✗', skipped: '-' }[result.state];
  const time = result.durationMs === undefined ? '' : ` (${result.durationMs} ms)`;
  console.log(`  ${mark} [${suite}] ${result.title}${time}`);
  for (const line of result.notes ?? []) console.log(`      → ${line}`);
  if (result.error) console.log(indent(result.error, '      '));
}

/** The one closing line CI reads. */
export function summaryLine(results: TestResult[]): string {
  const count = (state: TestResult['state']) => results.filter((r) => r.state === state).length;
  const skipped = count('skipped');
  return `${count('passed')} passed, ${count('failed')} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
