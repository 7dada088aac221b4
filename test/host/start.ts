// `npm start`: a real VS Code server with the extension under development loaded on examples/, for a person
// to open in a browser. No tests. Runs until Ctrl+C, then stops the server.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cleanupOnSignals } from './cleanup';
import * as paths from './paths';
import { startServer } from './server';
import { workbenchUrl } from './workbenchUrl';

async function main(): Promise<void> {
  cleanupOnSignals();
  paths.requireFile(paths.extensionMain, 'run `npm run build` first');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-start-'));
  const port = process.env.CONVLENS_PORT ? Number(process.env.CONVLENS_PORT) : undefined;
  const server = await startServer(paths.readHostInstall(), workDir, port);
  const url = workbenchUrl({
    origin: server.origin,
    folder: paths.examplesDir,
    extensionDevelopmentPath: paths.repoRoot,
  });
  console.log(`VS Code with ConvLens under development is running (server log: ${path.join(workDir, 'server.log')}).`);
  console.log(`Open in a browser on this machine (or forward port ${server.port}):\n\n  ${url}\n`);
  console.log('After `npm run build`, reload the page to load the new build. Ctrl+C stops the server.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
