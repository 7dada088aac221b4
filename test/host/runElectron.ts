// `npm run test:electron`: the same extension-host suites in a desktop VS Code that @vscode/test-electron
// downloads. Needs internet access to the VS Code update service, so it cannot run on the offline CI machine.
import { runTests } from '@vscode/test-electron';
import * as paths from './paths';

runTests({
  extensionDevelopmentPath: paths.repoRoot,
  extensionTestsPath: paths.extensionTestsIndex,
  launchArgs: [paths.examplesDir, '--disable-extensions', '--disable-workspace-trust'],
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
