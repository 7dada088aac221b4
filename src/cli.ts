/** The command-line face of the engine: `convlens [--json] FILE`. See USAGE in cli/args.ts. */
import * as fs from 'fs';
import { checkFinite, compute, ConvResult, normalizeSpec, Result } from './engine';
import { enableRelaxedSimd } from './engine/fast/relaxedSimd';
import { parseArgs, USAGE } from './cli/args';
import { jsonResult } from './cli/jsonResult';
import { readSpecs } from './cli/readSpecs';
import { resultText } from './cli/tables';

/** Validates and computes one spec; an overflowed result is an error, not Infinity (or `null` in JSON). */
function solve(spec: unknown): Result<ConvResult> {
  const problem = normalizeSpec(spec);
  if (!problem.ok) return problem;
  const result = compute(problem.value);
  const finite = checkFinite(result);
  return finite.ok ? { ok: true, value: result } : finite;
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
  const { file, json, kernelMatrix, decimals } = args.options;
  let text: string;
  try {
    text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    process.stderr.write(`convlens: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
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
    const solved = solve(entry.value);
    if (solved.ok) return { ok: true as const, result: solved.value };
    failed = true;
    return { ok: false as const, message: `${solved.error.message} (${file}: ${entry.where(solved.error.path)})` };
  });
  if (json) {
    const out = results.map((r) =>
      r.ok ? jsonResult(r.result.problem, kernelMatrix, r.result) : { error: r.message },
    );
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    const blocks = results.map((r, i) => {
      const title = results.length > 1 ? `# spec ${i + 1}\n` : '';
      return title + (r.ok ? resultText(r.result, { decimals, exactFractions: false }) : `error: ${r.message}`);
    });
    process.stdout.write(`${blocks.join('\n\n')}\n`);
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
