/** The command-line face of the engine: `convlens [--json] FILE`. See USAGE in cli/args.ts. */
import * as fs from 'fs';
import { checkSelectionLength, ConvResult, LimitCheck, Limits, normalizeSpec, ok, Result } from './engine';
import { solve } from './convolve';
import { enableRelaxedSimd } from './engine/fast/relaxedSimd';
import { LIMIT_FLAGS, parseArgs, USAGE } from './cli/args';
import { jsonResult } from './cli/jsonResult';
import { readSpecs } from './cli/readSpecs';
import { resultText, viewsText } from './cli/tables';
import { ComputedViews, computeViews, viewsJson, ViewName } from './cli/views';

/** A limit's refusal, saying which flag raises it. */
function refused(check: LimitCheck & { ok: false }): LimitCheck & { ok: false } {
  const flag = check.limit && LIMIT_FLAGS[check.limit];
  return flag
    ? { ...check, error: { ...check.error, message: `${check.error.message} Raise it with ${flag}.` } }
    : check;
}

/**
 * Validates and computes one spec within the limits, checked before anything large is allocated; an overflowed
 * result is an error, not Infinity (or `null` in JSON).
 */
function solveSpec(
  spec: Record<string, unknown>,
  views: readonly ViewName[],
  limits: Limits,
): Result<{ result: ConvResult; views: ComputedViews }> {
  const problem = normalizeSpec(spec);
  if (!problem.ok) return problem;
  const solution = solve(problem.value, limits);
  if (!solution.ok) return refused(solution);
  const computed = computeViews(problem.value, spec, views, limits);
  if (!computed.ok) return refused(computed);
  return ok({ result: solution.value, views: computed.value });
}

function main(argv: readonly string[]): number {
  // The same fused tiles as VS Code's extension host, so both print the same last digits.
  enableRelaxedSimd();
  const args = parseArgs(argv);
  if (args.ok === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!args.ok) {
    process.stderr.write(`convlens: ${args.message}\n\n${USAGE}\n`);
    return 2;
  }
  const { file, json, kernelMatrix, views, decimals, limits } = args.options;
  let text: string;
  try {
    text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    process.stderr.write(`convlens: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const length = checkSelectionLength(text.length, limits, 'The file');
  if (!length.ok) {
    process.stderr.write(`convlens: ${file}: ${refused(length).error.message}\n`);
    return 1;
  }
  const read = readSpecs(text);
  if (!read.ok) {
    process.stderr.write(`convlens: ${file}: ${read.message}\n`);
    return 1;
  }
  let failed = false;
  const results = read.specs.map((entry) => {
    if (!entry.ok) {
      failed = true;
      return { ok: false as const, message: `${entry.message} (${file}: ${entry.where})` };
    }
    const solved = solveSpec(entry.value, views, limits);
    if (solved.ok) return { ok: true as const, ...solved.value };
    failed = true;
    return { ok: false as const, message: `${solved.error.message} (${file}: ${entry.where(solved.error.path)})` };
  });
  if (json) {
    const out = results.map((r) =>
      r.ok
        ? { ...jsonResult(r.result.problem, kernelMatrix, r.result), ...viewsJson(r.result.problem, r.views) }
        : { error: r.message },
    );
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    const blocks = results.map((r, i) => {
      const title = results.length > 1 ? `# spec ${i + 1}\n` : '';
      if (!r.ok) return `${title}error: ${r.message}`;
      const format = { decimals, exactFractions: false };
      const shown = viewsText(r.result.problem, r.views, format);
      return title + resultText(r.result, format) + (shown ? `\n\n${shown}` : '');
    });
    process.stdout.write(`${blocks.join('\n\n')}\n`);
  }
  return failed ? 1 : 0;
}

// A reader that stops early (`| head`) closes the pipe: that ends the output, not in a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = main(process.argv.slice(2));
