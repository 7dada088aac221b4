/**
 * `npm run bench`: the engine's forward pass against TensorFlow.js (tfjs-backend-cpu, tfjs-backend-wasm) on the
 * same inputs in one process, then the rest of what a "Convolve selection" costs on the 512x512 k5 case: the
 * kernel matrix, the reconstruction and the whole parse -> view path. Medians after warm-up.
 */
import { adjoint, forward, kernelMatrix, nonZeros, vecTimesTranspose } from '../src/engine';
import {
  configureFastEngine,
  fastAdjoint,
  fastEngineFeatures,
  fastForward,
  startFastEngineThreads,
} from '../src/engine/fast';
import { enableRelaxedSimd } from '../src/engine/fast/relaxedSimd';
import { buildConvView } from '../src/convolve';
import { problemFromContent, readSelection } from '../src/parse';
import { BenchCase, CASES, caseProblem, caseSpec, flops } from './cases';
import { machineSummary } from './machine';
import { Peer, PEERS, peerConvolution, relativeDifference, usePeer } from './peers';
import { formatTable, ms, rate, ratio } from './table';
import { measure, Timing } from './timing';

/** Budget for the slow runners (the TypeScript reference, tfjs-cpu): a few runs are enough. */
const SLOW = { warmups: 1, minRuns: 3, minMs: 0, maxMs: 1500 };

interface CaseResult {
  c: BenchCase;
  work: number;
  before: Timing;
  oneThread: Timing;
  allThreads: Timing;
  /** All threads, plain multiply and add: what runtimes without relaxed SIMD get. */
  unfused: Timing;
  peers: Record<Peer, { timing: Timing; difference: number } | string>;
}

async function benchCase(c: BenchCase, threads: number): Promise<CaseResult> {
  const problem = caseProblem(c);
  const before = measure(() => forward(problem), SLOW);
  configureFastEngine({ maxThreads: 1 });
  const oneThread = measure(() => fastForward(problem));
  configureFastEngine({ maxThreads: threads });
  const allThreads = measure(() => fastForward(problem));
  configureFastEngine({ fusedMultiplyAdd: false });
  await startFastEngineThreads();
  const unfused = measure(() => fastForward(problem));
  configureFastEngine({ fusedMultiplyAdd: true });
  await startFastEngineThreads();
  const engineOutput = fastForward(problem)!.data;
  const peers = {} as CaseResult['peers'];
  for (const peer of PEERS) {
    await usePeer(peer);
    const conv = peerConvolution(problem);
    if (typeof conv === 'string') {
      peers[peer] = `n/a (${conv})`;
      continue;
    }
    const timing = measure(conv.run, peer === 'cpu' ? SLOW : {});
    peers[peer] = {
      timing,
      difference: relativeDifference(conv.run(), engineOutput, problem.geometry.output.channels),
    };
    conv.dispose();
  }
  return { c, work: flops(problem), before, oneThread, allThreads, unfused, peers };
}

const cell = (t: Timing, work: number) => `${ms(t.median)} (${rate(work / t.median / 1e6)})`;
const peerCell = (r: CaseResult, peer: Peer) => {
  const p = r.peers[peer];
  return typeof p === 'string' ? p : cell(p.timing, r.work);
};
const peerRatio = (r: CaseResult, peer: Peer, engine: Timing) => {
  const p = r.peers[peer];
  return typeof p === 'string' ? '-' : ratio(p.timing.median / engine.median);
};

function printCases(results: CaseResult[], threads: number): void {
  console.log('\nForward pass: median ms (GFLOP/s, 2·MACs / time). Engine in float64; tfjs in float32.');
  console.log(
    formatTable(
      [
        'case',
        'MFLOP',
        'before: TS reference',
        'engine 1 thread',
        `engine ${threads} threads`,
        'tfjs-cpu',
        'tfjs-wasm',
      ],
      results.map((r) => [
        r.c.name,
        (r.work / 1e6).toFixed(1),
        cell(r.before, r.work),
        cell(r.oneThread, r.work),
        cell(r.allThreads, r.work),
        peerCell(r, 'cpu'),
        peerCell(r, 'wasm'),
      ]),
    ),
  );
  console.log(
    `\nSpeed-up of the engine (time of the other / time of the engine, ${threads} threads unless noted); ">1x" = engine faster.`,
  );
  console.log(
    formatTable(
      [
        'case',
        'vs before',
        'vs tfjs-cpu',
        'vs tfjs-wasm',
        'vs tfjs-wasm, engine 1 thread',
        'vs tfjs-wasm, no FMA',
        'max |diff| vs tfjs-wasm (f32)',
      ],
      results.map((r) => {
        const wasm = r.peers.wasm;
        return [
          r.c.name,
          ratio(r.before.median / r.allThreads.median),
          peerRatio(r, 'cpu', r.allThreads),
          peerRatio(r, 'wasm', r.allThreads),
          peerRatio(r, 'wasm', r.oneThread),
          peerRatio(r, 'wasm', r.unfused),
          typeof wasm === 'string' ? '-' : wasm.difference.toExponential(1),
        ];
      }),
    ),
  );
}

/** The rest of a "Convolve selection" on the 1x512x512 k5 case. */
function benchPipeline(threads: number): void {
  const c = CASES.find((x) => x.name === '1x512x512 k5')!;
  const problem = caseProblem(c);
  const output = fastForward(problem)!;
  const m = kernelMatrix(problem);
  const text = JSON.stringify(caseSpec(c));
  const parse = () => {
    const content = readSelection(text);
    if (!content.ok) throw new Error(content.error.message);
    const parsed = problemFromContent(content.value);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  };
  const parsed = parse();
  const rows: [string, Timing][] = [];
  rows.push([
    `kernel matrix M, CSR (${(nonZeros(m) / 1e6).toFixed(2)}M non-zeros): kernelMatrix()`,
    measure(() => kernelMatrix(problem), SLOW),
  ]);
  rows.push([
    'reconstruction vec(out) @ M^T: before, TS reference adjoint()',
    measure(() => adjoint(problem, output), SLOW),
  ]);
  rows.push([
    'reconstruction: CSR product vecTimesTranspose(out, M)',
    measure(() => vecTimesTranspose(output.data, m), SLOW),
  ]);
  configureFastEngine({ maxThreads: 1 });
  rows.push(['reconstruction: engine, 1 thread', measure(() => fastAdjoint(problem, output))]);
  configureFastEngine({ maxThreads: threads });
  rows.push([`reconstruction: engine, ${threads} threads`, measure(() => fastAdjoint(problem, output))]);
  rows.push([
    `end to end, part 1: readSelection() + problemFromContent() (${(text.length / 1e6).toFixed(1)} MB of JSON)`,
    measure(parse, SLOW),
  ]);
  rows.push([
    'end to end, part 2: buildConvView() (forward, reconstruction; M too big to post)',
    measure(() => buildConvView(parsed.problem, parsed.spec), SLOW),
  ]);
  rows.push([
    'end to end: selection text -> view ready to post',
    measure(() => buildConvView(parse().problem, parsed.spec), SLOW),
  ]);
  console.log(`\nWhat else "Convolve selection" does, on ${c.name}: median ms`);
  console.log(
    formatTable(
      ['step', 'ms'],
      rows.map(([name, t]) => [name, ms(t.median)]),
    ),
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(machineSummary());
  // Before the engine compiles anything: Node 20 has relaxed SIMD behind a flag, VS Code's extension host has it on.
  enableRelaxedSimd();
  const { available, fusedMultiplyAdd } = fastEngineFeatures();
  if (!available) throw new Error('the fast engine cannot run here (WebAssembly SIMD missing)');
  const threads = await startFastEngineThreads();
  const arithmetic = fusedMultiplyAdd
    ? 'fused multiply-add (relaxed SIMD)'
    : 'multiply then add (no relaxed SIMD here)';
  console.log(
    `engine: WebAssembly SIMD f64x2, ${arithmetic}, up to ${threads} threads; peers: @tensorflow/tfjs-backend-cpu and -wasm (XNNPACK, SIMD, 1 thread in Node)`,
  );
  const results: CaseResult[] = [];
  for (const c of CASES) results.push(await benchCase(c, threads));
  printCases(results, threads);
  benchPipeline(threads);
  console.log(`\nbench time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
