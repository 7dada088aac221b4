import * as fs from 'fs';
import * as os from 'os';

/** CPU model, cores, Node and V8 versions: the line every bench output starts with. */
export function machineSummary(): string {
  let model = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    const line = fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) model = line.split(':')[1].trim();
  } catch {
    // Not Linux: os.cpus() has the model too.
  }
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  return `machine: ${model}, ${cores} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version} (V8 ${process.versions.v8}), ${os.platform()} ${os.arch()}`;
}

/** The load averages (1, 5, 15 minutes): how busy the machine was while the bench ran. */
export const loadSummary = (): string =>
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} on ${os.availableParallelism?.() ?? os.cpus().length} cores`;
