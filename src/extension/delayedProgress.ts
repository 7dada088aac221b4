import * as vscode from 'vscode';

/**
 * Runs `work` with a cancellation token and shows a cancellable progress notification only if it takes longer
 * than `delayMs`, so quick runs don't flash one.
 */
export function withDelayedProgress<T>(
  title: string,
  work: (token: vscode.CancellationToken) => Promise<T>,
  delayMs = 250,
): Promise<T> {
  const cancellation = new vscode.CancellationTokenSource();
  const running = work(cancellation.token);
  const timer = setTimeout(() => {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (_progress, token) => {
        token.onCancellationRequested(() => cancellation.cancel());
        return running.catch(() => undefined);
      },
    );
  }, delayMs);
  return running.finally(() => {
    clearTimeout(timer);
    cancellation.dispose();
  });
}
