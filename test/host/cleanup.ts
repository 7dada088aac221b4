// One place that undoes what the harness started, on normal exit, failure, timeout or a signal.
type Task = () => unknown;

const tasks: Task[] = [];
let running: Promise<void> | undefined;

/** Registers a task; tasks run newest first (browser closes before the server it talks to). */
export function onCleanup(task: Task): void {
  tasks.push(task);
}

export function runCleanup(): Promise<void> {
  running ??= (async () => {
    while (tasks.length > 0) {
      const task = tasks.pop()!;
      try {
        await task();
      } catch (error) {
        console.error(`cleanup: ${String(error)}`);
      }
    }
  })();
  return running;
}

/** Ctrl+C or a CI kill still ends the server and browser before the process goes. */
export function cleanupOnSignals(): void {
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes)) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping`);
      void runCleanup().finally(() => process.exit(code));
    });
  }
}
