import * as assert from 'assert';

/** Flattens nested arrays of numbers in row-major order. */
export function flat(value: unknown): number[] {
  return Array.isArray(value) ? value.flatMap(flat) : [value as number];
}

/** Asserts equal length and every element within `rel` relative (absolute below 1). */
export function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, rel = 1e-9): void {
  assert.strictEqual(actual.length, expected.length, `${what}: length ${actual.length} != ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    const tolerance = rel * Math.max(1, Math.abs(expected[i]));
    if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
      assert.fail(`${what}[${i}]: ${actual[i]} != ${expected[i]} (tolerance ${tolerance})`);
    }
  }
}
