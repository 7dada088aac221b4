// Builds the workbench URL whose `payload` loads the extension under development (and optionally a test suite).
export interface WorkbenchOptions {
  origin: string;
  folder: string;
  extensionDevelopmentPath: string;
  /** Module whose `run()` the extension host calls, as with @vscode/test-electron. */
  extensionTestsPath?: string;
  /** Environment variables for the extension host. */
  extensionEnvironment?: Record<string, string>;
}

export function workbenchUrl(options: WorkbenchOptions): string {
  // Paths on the server's machine are addressed through the remote authority the page is served from.
  const remote = (file: string) => `vscode-remote://${new URL(options.origin).host}${file}`;
  const payload: [string, string][] = [
    ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
    ['skipWelcome', 'true'],
  ];
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  if (options.extensionEnvironment) {
    payload.push(['extensionEnvironment', JSON.stringify(options.extensionEnvironment)]);
  }
  const query = new URLSearchParams({ folder: options.folder, payload: JSON.stringify(payload) });
  return `${options.origin}/?${query.toString()}`;
}
