import { Sample } from './timing';

/** What the bench asks of its onnxruntime-web child process, one request at a time. */
export type OrtRequest =
  { kind: 'prepare'; model: Uint8Array; input: Float32Array; dims: number[] } | { kind: 'call' } | { kind: 'output' };

export type OrtReply =
  | { kind: 'ready' }
  | { kind: 'sample'; sample: Sample }
  | { kind: 'output'; data: Float32Array }
  | { kind: 'error'; message: string };
