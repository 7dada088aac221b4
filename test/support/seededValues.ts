/** Values from a seed, so two specs of one shape hold different data (small eighths: exact in float64). */
export const seeded = (count: number, seed: number): number[] =>
  Array.from({ length: count }, (_, i) => Math.round(Math.sin(seed * 13.7 + i * 2.3) * 50) / 8);

/** Flat values as nested lists of `dims`, the way a spec writes a tensor. */
export function nested(values: number[], dims: number[]): unknown {
  if (dims.length === 1) return values;
  const size = values.length / dims[0];
  return Array.from({ length: dims[0] }, (_, i) => nested(values.slice(i * size, (i + 1) * size), dims.slice(1)));
}
