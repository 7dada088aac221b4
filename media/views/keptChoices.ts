import type { ConvProblem } from '../../src/engine';

/**
 * What the views' controls were set to (the grad_output chosen, the checkerboard fix compared), kept while the page
 * shows the same problem: a redraw (the theme, the number format, the same spec run again) builds every view anew and
 * asks here what to restore. Another problem forgets them all.
 */
export interface KeptChoices {
  gradOutput?: { choice: 'ones' | 'output' } | { choice: 'own'; text: string };
  checkerboardFix?: 'kernel-divisible' | 'resize-convolve';
}

let keptFor: string | undefined;
let kept: KeptChoices = {};
const fingerprints = new WeakMap<ConvProblem, string>();

/** FNV-1a over the bytes of the numbers: equal problems have equal fingerprints, a changed number almost never. */
function hashNumbers(hash: number, data: Float64Array): number {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 16777619);
  return hash;
}

/** The problem's sizes and parameters, and a hash of its numbers (computed once per drawn problem). */
function fingerprint(problem: ConvProblem): string {
  let found = fingerprints.get(problem);
  if (found === undefined) {
    let hash = 2166136261;
    for (const data of [problem.input.data, problem.weight.data, problem.bias ?? new Float64Array()])
      hash = hashNumbers(hash, data);
    found = `${JSON.stringify(problem.geometry)}#${hash >>> 0}`;
    fingerprints.set(problem, found);
  }
  return found;
}

/** The choices kept for this problem: the same object while the problem stays, a fresh one for another. */
export function keptChoices(problem: ConvProblem): KeptChoices {
  const key = fingerprint(problem);
  if (key !== keptFor) {
    keptFor = key;
    kept = {};
  }
  return kept;
}
