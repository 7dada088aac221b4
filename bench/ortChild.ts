/**
 * A child process running onnxruntime-web's WebAssembly backend for the bench, on the thread count given as its
 * argument: ort fixes its threads when it first starts, once per process, and in a process of its own its
 * threads' CPU time and spinning are its own. Driven by `onnxRunner.ts` over IPC.
 */
import * as ort from 'onnxruntime-web';
import { OrtRequest, OrtReply } from './ortProtocol';

ort.env.wasm.numThreads = Number(process.argv[2]);
ort.env.logLevel = 'error';

let session: ort.InferenceSession | undefined;
let feeds: Record<string, ort.Tensor> = {};
let result: Float32Array | undefined;

async function handle(request: OrtRequest): Promise<OrtReply> {
  switch (request.kind) {
    case 'prepare':
      await session?.release();
      session = await ort.InferenceSession.create(request.model, { executionProviders: ['wasm'] });
      feeds = { x: new ort.Tensor('float32', request.input, request.dims) };
      return { kind: 'ready' };
    case 'call': {
      const cpu = process.cpuUsage();
      const wall = performance.now();
      const out = await session!.run(feeds);
      const wallMs = performance.now() - wall;
      const used = process.cpuUsage(cpu);
      result = out.y.data as Float32Array;
      return { kind: 'sample', sample: { wallMs, cpuMs: (used.user + used.system) / 1000 } };
    }
    case 'output':
      return { kind: 'output', data: result! };
  }
}

process.on('message', (message) => {
  handle(message as OrtRequest).then(
    (reply) => process.send!(reply),
    (error: unknown) => process.send!({ kind: 'error', message: String(error) } satisfies OrtReply),
  );
});
