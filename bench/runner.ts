import { ConvProblem } from '../src/engine';
import { Sample } from './timing';

/** One way of computing the bench's forward passes: the engine, the reference, or a peer library. */
export interface Runner {
  /** The column's name. */
  name: string;
  /** Threads it computes on: one-thread runners are summed up by CPU time, threaded ones by their fastest call. */
  threads: number;
  /** Slow runners (the TypeScript reference, tfjs-cpu) take part in the first few rounds only. */
  slow?: boolean;
  /** Gets the problem ready (inputs converted, models built), or says why this runner cannot compute it. */
  prepare(problem: ConvProblem): Promise<RunnerCase | string>;
}

export interface RunnerCase {
  /** Computes the forward pass once, timing only the computation. */
  call(): Promise<Sample>;
  /** The last result, channels first (`[C][cells]`), to compare with the engine's. */
  output(): Promise<Float32Array | Float64Array>;
  dispose(): void;
}

/** The largest difference between two `[C][cells]` results, relative to the largest of the engine's outputs. */
export function relativeDifference(peer: Float32Array | Float64Array, engine: Float64Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < engine.length; i++) {
    diff = Math.max(diff, Math.abs(peer[i] - engine[i]));
    scale = Math.max(scale, Math.abs(engine[i]));
  }
  return peer.length === engine.length ? diff / (scale || 1) : NaN;
}
