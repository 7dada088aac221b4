/** The built command line, dist/cli.js, run as other tools run it: a child process, arguments, standard input. */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { repoRoot } from './golden';

export const cliPath = path.join(repoRoot, 'dist', 'cli.js');

/** What a run of the CLI gave: its exit status and what it printed. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from the repository's root with `args`, and `stdin` as its standard input when given. */
export function runCli(args: string[], stdin?: string): CliRun {
  const run = spawnSync(process.execPath, [cliPath, ...args], {
    input: stdin,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // A safety net, not a measure: a CLI that never ends (spawnSync blocks mocha's own timeout) fails, killed.
    timeout: 120_000,
    cwd: repoRoot,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
