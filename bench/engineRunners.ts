import { forward } from '../src/engine';
import { configureFastEngine, fastForward } from '../src/engine/fast';
import { Runner } from './runner';
import { timed } from './timing';

/** The engine on `threads` threads (1 keeps it on the caller's). */
export function engineRunner(threads: number): Runner {
  return {
    name: `engine ${threads}t`,
    threads,
    prepare: async (problem) => {
      let result: Float64Array | undefined;
      const run = () => {
        configureFastEngine({ maxThreads: threads });
        const out = fastForward(problem);
        if (!out) throw new Error('the fast engine did not run');
        result = out.data;
      };
      return {
        call: async () => timed(run),
        output: async () => result!,
        dispose: () => undefined,
      };
    },
  };
}

/** The reference TypeScript path (`forward` in src/engine/convolve.ts), which the engine replaced. */
export const referenceRunner: Runner = {
  name: 'TS reference',
  threads: 1,
  slow: true,
  prepare: async (problem) => {
    let result: Float64Array | undefined;
    return {
      call: async () => timed(() => (result = forward(problem).data)),
      output: async () => result!,
      dispose: () => undefined,
    };
  },
};
