/**
 * `npm run bench`: the engine's forward pass against its peers on the same inputs: TensorFlow.js (tfjs-backend-cpu,
 * tfjs-backend-wasm), onnxruntime-web's WebAssembly backend and PyTorch (float64, where Python has it), the runners
 * interleaved round by round; then the rest of what a "Convolve selection" costs on the 512x512 k5 case: the
 * kernel matrix, the reconstruction and the whole parse -> view path.
 */
import { adjoint, DEFAULT_LIMITS, kernelMatrix, nonZeros, vecTimesTranspose } from '../src/engine';
import {
  configureFastEngine,
  fastAdjoint,
  fastEngineFeatures,
  fastForward,
  startFastEngineThreads,
} from '../src/engine/fast';
import { enableRelaxedSimd } from '../src/engine/fast/relaxedSimd';
import { admit, buildConvView } from '../src/convolve';
import { problemFromContent, readSelection } from '../src/parse';
import { BenchCase, CASES, caseProblem, caseSpec, flops } from './cases';
import { engineRunner, referenceRunner } from './engineRunners';
import { interleave } from './interleave';
import { loadSummary, machineSummary } from './machine';
import { onnxRunner } from './onnxRunner';
import { measureWasmPeak } from './peak';
import { relativeDifference, Runner } from './runner';
import { formatTable, ms, rate } from './table';
import { tfjsRunner } from './tfjsRunners';
import { measure, steadyMs, summarize, Summary, Timing } from './timing';
import { torchMissing, torchRunner } from './torchRunner';

/** Budget for the slow steps of the pipeline (the TypeScript reference): a few runs are enough. */
const SLOW = { warmups: 1, minRuns: 3, minMs: 0, maxMs: 1500 };

interface CaseResult {
  c: BenchCase;
  work: number;
  /** Per runner, its timings or why it cannot run the case. */
  timings: Map<Runner, Summary | string>;
  /** Per runner, its largest difference from the engine's output, relative to the largest output. */
  differences: Map<Runner, number>;
}

async function benchCase(c: BenchCase, runners: Runner[], engine: Runner): Promise<CaseResult> {
  const problem = caseProblem(c);
  const { samples, prepared } = await interleave(problem, runners);
  const reference = (await prepared.get(engine)!.output()) as Float64Array;
  const timings = new Map<Runner, Summary | string>();
  const differences = new Map<Runner, number>();
  for (const [runner, s] of samples) timings.set(runner, typeof s === 'string' ? s : summarize(s));
  for (const [runner, ready] of prepared) {
    differences.set(runner, relativeDifference(await ready.output(), reference));
    ready.dispose();
  }
  return { c, work: flops(problem), timings, differences };
}

/** GFLOP/s from a time in ms, or the reason a runner could not run. */
function gflops(r: CaseResult, runner: Runner, pick: (s: Summary) => number): string {
  const t = r.timings.get(runner);
  if (t === undefined) return '-';
  return typeof t === 'string' ? `n/a (${t})` : rate(r.work / pick(t) / 1e6);
}

function printCases(results: CaseResult[], runners: Runner[], engines: Runner[], peak: number): void {
  const steady = (runner: Runner) => (s: Summary) => steadyMs(s, runner.threads);
  const ofPeak = (r: CaseResult, engine: Runner) => {
    const t = r.timings.get(engine) as Summary;
    return (r.work / steadyMs(t, engine.threads) / 1e6 / (peak * engine.threads)).toFixed(2);
  };
  console.log(
    '\nForward pass, GFLOP/s (2·MACs / time) from the time that holds on a busy machine: CPU time per call for one' +
      ' thread (1t), the fastest call for more. Engine and PyTorch in float64, the rest in float32.',
  );
  console.log(
    formatTable(
      [
        'case',
        'MFLOP',
        ...engines.flatMap((e) => [e.name, `${e.name} / peak`]),
        ...runners.filter((x) => !engines.includes(x)).map((x) => x.name),
      ],
      results.map((r) => [
        r.c.name,
        (r.work / 1e6).toFixed(1),
        ...engines.flatMap((e) => [gflops(r, e, steady(e)), ofPeak(r, e)]),
        ...runners.filter((x) => !engines.includes(x)).map((x) => gflops(r, x, steady(x))),
      ]),
    ),
  );
  console.log('\nWall time per call, median ms (what a user waits, load included); engine-relative agreement below.');
  console.log(
    formatTable(
      ['case', ...runners.map((x) => x.name)],
      results.map((r) => [
        r.c.name,
        ...runners.map((x) => {
          const t = r.timings.get(x);
          return t === undefined || typeof t === 'string' ? '-' : ms(t.wallMedian);
        }),
      ]),
    ),
  );
  const others = runners.filter((x) => !engines.includes(x));
  console.log('\nLargest difference from the engine, relative to the largest output (float32 peers ~1e-7).');
  console.log(
    formatTable(
      ['case', ...others.map((x) => x.name)],
      results.map((r) => [
        r.c.name,
        ...others.map((x) => {
          const d = r.differences.get(x);
          return d === undefined ? '-' : d.toExponential(1);
        }),
      ]),
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
  // The command leaves the results to the page: it checks the limits and bounds them against overflow (`admit`).
  const admitted = (p: typeof parsed) => {
    if (!admit(p.problem, DEFAULT_LIMITS).ok) throw new Error(`${c.name} is refused by the default limits`);
    return buildConvView(p.problem, p.spec);
  };
  rows.push([
    'end to end, part 2: admit() + buildConvView() (limits, overflow bound; no results computed)',
    measure(() => admitted(parsed), SLOW),
  ]);
  rows.push(['end to end: selection text -> view ready to post', measure(() => admitted(parse()), SLOW)]);
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
  console.log(`at start: ${loadSummary()}`);
  // Before the engine compiles anything: Node 20 has relaxed SIMD behind a flag, VS Code's extension host has it on.
  enableRelaxedSimd();
  const { available, fusedMultiplyAdd } = fastEngineFeatures();
  if (!available) throw new Error('the fast engine cannot run here (WebAssembly SIMD missing)');
  const threads = await startFastEngineThreads();
  const arithmetic = fusedMultiplyAdd
    ? 'fused multiply-add (relaxed SIMD)'
    : 'multiply then add (no relaxed SIMD here)';
  console.log(`engine: WebAssembly SIMD f64x2, ${arithmetic}, up to ${threads} threads`);
  const peak = measureWasmPeak();
  console.log(
    `WebAssembly f64x2 multiply-add peak: ${rate(peak)} GFLOP/s per core (${rate(peak * threads)} on ${threads}); "/ peak" columns divide by it`,
  );

  const engines = [engineRunner(1), engineRunner(threads)];
  const onnx = [onnxRunner(1), onnxRunner(threads)];
  const missing = torchMissing();
  const torch = missing ? [] : [torchRunner(1), torchRunner(threads)];
  if (missing) console.log(`PyTorch skipped: ${missing}`);
  const runners: Runner[] = [
    ...engines,
    engineRunner(1, true),
    tfjsRunner('wasm'),
    ...onnx,
    ...torch,
    tfjsRunner('cpu'),
    referenceRunner,
  ];
  console.log(
    `peers: tfjs-backend-wasm (XNNPACK, 1 thread in Node), onnxruntime-web (WebAssembly, 1 and ${threads} threads)${torch.length ? `, PyTorch (CPU, float64, 1 and ${threads} threads)` : ''}, tfjs-backend-cpu, the TS reference`,
  );
  const results: CaseResult[] = [];
  try {
    for (const c of CASES) results.push(await benchCase(c, runners, engines[0]));
  } finally {
    [...onnx, ...torch].forEach((r) => r.close());
  }
  printCases(results, runners, engines, peak);
  benchPipeline(threads);
  console.log(`\nat end: ${loadSummary()}`);
  console.log(`bench time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
