import { ChildProcess, fork } from 'child_process';
import * as path from 'path';
import { shapeOf } from '../src/engine';
import { onnxConvModel } from './onnxModel';
import { OrtReply, OrtRequest } from './ortProtocol';
import { Runner } from './runner';
import { Sample } from './timing';

/** onnxruntime-web's WebAssembly backend (float32) on `threads` threads, in a child process (`ortChild.ts`). */
export function onnxRunner(threads: number): Runner & { close(): void } {
  let child: ChildProcess | undefined;
  const ask = (request: OrtRequest): Promise<OrtReply> => {
    child ??= fork(path.join(__dirname, 'ortChild.js'), [String(threads)], { serialization: 'advanced' });
    const process = child;
    return new Promise((resolve, reject) => {
      process.once('message', (reply) => {
        const r = reply as OrtReply;
        if (r.kind === 'error') reject(new Error(`onnxruntime-web: ${r.message}`));
        else resolve(r);
      });
      process.send(request);
    });
  };
  return {
    name: `onnxruntime-web ${threads}t`,
    threads,
    prepare: async (problem) => {
      const g = problem.geometry;
      if (g.paddingMode !== 'zeros') return 'padding_mode';
      const model = onnxConvModel(problem, Float32Array.from(problem.weight.data));
      try {
        await ask({
          kind: 'prepare',
          model,
          input: Float32Array.from(problem.input.data),
          dims: [1, ...shapeOf(g, g.input)],
        });
      } catch (error) {
        return String(error instanceof Error ? error.message : error);
      }
      return {
        call: async () => ((await ask({ kind: 'call' })) as { sample: Sample }).sample,
        output: async () => ((await ask({ kind: 'output' })) as { data: Float32Array }).data,
        dispose: () => undefined,
      };
    },
    close: () => child?.kill(),
  };
}
