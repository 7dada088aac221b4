import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createInterface, Interface } from 'readline';
import { ownAxes, shapeOf, weightShapeOf } from '../src/engine';
import { Runner } from './runner';
import { Sample } from './timing';

const PYTHON = '/usr/bin/python3';

/** Whether PyTorch can run here; when not, why (printed instead of its columns). */
export function torchMissing(): string | undefined {
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status === 0) return undefined;
  return probe.error ? `${PYTHON} not found` : `${PYTHON} -c "import torch" failed`;
}

/**
 * PyTorch's CPU convolution in float64 on `threads` threads, in a Python process of its own (`torchPeer.py`): its
 * thread count is set once, as switching it between calls costs more than a small convolution.
 */
export function torchRunner(threads: number): Runner & { close(): void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-bench-'));
  let child: ChildProcess | undefined;
  let lines: Interface | undefined;
  const ask = (request: Record<string, unknown>): Promise<Record<string, unknown>> => {
    if (!child) {
      // Run from the repository root by `npm run bench`; the script sits beside this file's source.
      const script = path.join(__dirname, '../../bench/torchPeer.py');
      child = spawn(PYTHON, [script, String(threads)], { stdio: ['pipe', 'pipe', 'inherit'] });
      lines = createInterface({ input: child.stdout! });
    }
    const stdin = child.stdin!;
    return new Promise((resolve) => {
      lines!.once('line', (line) => resolve(JSON.parse(line) as Record<string, unknown>));
      stdin.write(`${JSON.stringify(request)}\n`);
    });
  };
  const file = (name: string, data: Float64Array) => {
    const at = path.join(folder, name);
    fs.writeFileSync(at, data);
    return at;
  };
  return {
    name: `PyTorch f64 ${threads}t`,
    threads,
    prepare: async (problem) => {
      const g = problem.geometry;
      if (g.paddingMode !== 'zeros') return 'padding_mode';
      const own = ownAxes(g);
      if (own.some((a) => a.padBefore !== a.padAfter)) return 'asymmetric padding';
      await ask({
        kind: 'prepare',
        op: g.op,
        input: file('input.f64', problem.input.data),
        inputShape: [1, ...shapeOf(g, g.input)],
        weight: file('weight.f64', problem.weight.data),
        weightShape: weightShapeOf(g),
        stride: own.map((a) => a.stride),
        padding: own.map((a) => a.padBefore),
        dilation: own.map((a) => a.dilation),
        outputPadding: own.map((a) => a.outputPadding),
        groups: g.groups,
      });
      return {
        call: async () => (await ask({ kind: 'call' })).sample as Sample,
        output: async () => {
          const at = path.join(folder, 'output.f64');
          await ask({ kind: 'output', path: at });
          const bytes = fs.readFileSync(at);
          return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
        },
        dispose: () => undefined,
      };
    },
    close: () => {
      child?.stdin?.end();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
