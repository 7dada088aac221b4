/** Shapes as PyTorch prints them, with room for sizes the code does not say (`null`, printed `?`). */
import type { Dim, LayerFix, LayerOutcome, Shape } from '../layer';

export const dimText = (d: Dim): string => (d === null ? '?' : String(d));

/** `[1, 8, 32, 32]` with `', '`, `(2 x 2)` with `' x '`, `(3x2x2)` with `'x'`: the separator PyTorch uses there. */
export const dimsText = (dims: readonly Dim[], separator = ', '): string => dims.map(dimText).join(separator);

/** The product of the sizes, unknown if any of them is. */
export const productOf = (dims: readonly Dim[]): Dim =>
  dims.reduce<Dim>((p, d) => (p === null || d === null ? null : p * d), 1);

/** A size computed from a known size; an unknown one stays unknown. */
export const mapDim = (d: Dim, f: (n: number) => number): Dim => (d === null ? null : f(d));

export const shaped = (shape: Shape): LayerOutcome => ({ ok: true, shape });

export const refused = (message: string, fix?: LayerFix): LayerOutcome =>
  fix ? { ok: false, message, fix } : { ok: false, message };

/** Two known sizes that differ (an unknown one is given the benefit of the doubt). */
export const differ = (a: Dim, b: Dim): boolean => a !== null && b !== null && a !== b;
