import { cellsOf, forward } from '../src/engine';
import { configureFastEngine, fastForward } from '../src/engine/fast';
import { Runner } from './runner';
import { timed } from './timing';

/**
 * The engine on `threads` threads (1 keeps it on the caller's). It writes into one array of the output's size, as
 * a caller that computes again and again does, unless `fresh`: then each call returns a new array, whose page
 * faults it pays.
 */
export function engineRunner(threads: number, fresh = false): Runner {
  return {
    name: `engine ${threads}t${fresh ? ', fresh array' : ''}`,
    threads,
    prepare: async (problem) => {
      const into = fresh ? undefined : new Float64Array(cellsOf(problem.geometry.output));
      let result: Float64Array | undefined;
      const run = () => {
        configureFastEngine({ maxThreads: threads });
        const out = fastForward(problem, into);
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
