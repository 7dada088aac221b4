// Where the repo, its build outputs and the installed test host (see install.sh) live.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Repo root: this file compiles to out/test/host/paths.js. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const examplesDir = path.join(repoRoot, 'examples');
export const screenshotsDir = path.join(repoRoot, 'screenshots');
export const extensionMain = path.join(repoRoot, 'dist', 'extension.js');
export const extensionTestsIndex = path.join(repoRoot, 'out', 'test', 'vscode', 'index.js');
export const uiTestsDir = path.join(repoRoot, 'out', 'test', 'host', 'ui');

export interface HostInstall {
  /** Node 24 binary that VS Code's server and its native modules were built for. */
  node: string;
  serverMain: string;
}

export function hostCacheDir(): string {
  return process.env.CONVLENS_HOST_CACHE ?? path.join(os.homedir(), '.cache', 'convlens-host');
}

/** Reads the manifest install.sh writes; fails with the fix when the host is not installed. */
export function readHostInstall(): HostInstall {
  const manifest = path.join(hostCacheDir(), 'host.json');
  if (!fs.existsSync(manifest)) {
    throw new Error(`no test host at ${manifest}: run \`bash test/host/install.sh\` first`);
  }
  const host = JSON.parse(fs.readFileSync(manifest, 'utf8')) as HostInstall;
  for (const file of [host.node, host.serverMain]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`bash test/host/install.sh\` again`);
  }
  return host;
}

export function requireFile(file: string, hint: string): void {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: ${hint}`);
}
