import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { compute, ConvProblem, normalizeSpec } from '../../../src/engine';
import { numpySnippet, torchSnippet } from '../../../src/engine/inspect';
import { assertClose, flat } from '../../support/approx';
import { GoldenNdCase, loadGoldenNdCases } from '../../support/golden';

// The "Copy as PyTorch" and "Copy as NumPy" scripts of every golden-convnd.json case (every op and padding mode), run
// by Python and compared with what PyTorch computed when the golden file was made.

/** The system Python, which has torch and numpy here and in CI; elsewhere whichever python3 is on the PATH. */
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const has = (modules: string): boolean => spawnSync(PYTHON, ['-c', `import ${modules}`]).status === 0;

/**
 * Runs every script in one Python process (one import of torch), each in a namespace of its own, and returns what
 * they left in `out`, `M` and `reconstruction`; `batch` drops PyTorch's leading batch axis.
 */
const DRIVER = `
import contextlib, io, json, sys
results = []
for script in json.load(sys.stdin):
    scope = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(script, scope)
    batch = scope.get('torch') is not None
    listed = lambda v: v.tolist()
    results.append({
        'out': listed(scope['out'][0] if batch else scope['out']),
        'M': listed(scope['M']),
        'reconstruction': listed(scope['reconstruction'][0] if batch else scope['reconstruction']),
    })
print(json.dumps(results))
`;

interface ScriptResult {
  out: unknown;
  M: number[][];
  reconstruction: unknown;
}

function runAll(scripts: string[]): ScriptResult[] {
  const run = spawnSync(PYTHON, ['-c', DRIVER], {
    input: JSON.stringify(scripts),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.strictEqual(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as ScriptResult[];
}

const dimsOf = (x: unknown): number[] => (Array.isArray(x) ? [x.length, ...dimsOf(x[0])] : []);

function solve(golden: GoldenNdCase): ConvProblem {
  const problem = normalizeSpec(golden);
  assert.ok(problem.ok, problem.ok ? '' : problem.error.message);
  return problem.value;
}

/** The script's numbers against PyTorch's golden ones (and, where the file has none, the engine's reconstruction). */
function assertMatchesGolden(golden: GoldenNdCase, got: ScriptResult, what: string): void {
  const problem = solve(golden);
  assert.deepStrictEqual(dimsOf(got.out), dimsOf(golden.expected), `${what}: output shape`);
  assertClose(flat(got.out), flat(golden.expected), `${what}: output`);
  assert.deepStrictEqual(dimsOf(got.reconstruction), dimsOf(golden.input), `${what}: reconstruction shape`);
  const reconstruction = golden.reconstruction ? flat(golden.reconstruction) : compute(problem).reconstruction.data;
  assertClose(flat(got.reconstruction), reconstruction, `${what}: reconstruction`);
  if (golden.kernel_matrix) assertClose(flat(got.M), flat(golden.kernel_matrix), `${what}: M`);
}

const cases = loadGoldenNdCases();

for (const [flavour, modules, snippet] of [
  ['PyTorch', 'torch', torchSnippet],
  ['NumPy', 'numpy', numpySnippet],
] as const) {
  const available = has(modules);
  const title = `inspect: the ${flavour} snippet of every golden-convnd.json case, run by ${PYTHON}`;
  (available ? describe : describe.skip)(available ? title : `${title} (skipped: no ${modules} for ${PYTHON})`, () => {
    let results: ScriptResult[] = [];

    before(function () {
      this.timeout(600_000);
      const started = Date.now();
      results = runAll(cases.map((golden) => snippet(solve(golden))));
      console.log(`      ${cases.length} ${flavour} scripts in ${Date.now() - started} ms`);
    });

    cases.forEach((golden, i) => {
      it(`#${i} ${golden.name}`, () => assertMatchesGolden(golden, results[i], flavour));
    });
  });
}
