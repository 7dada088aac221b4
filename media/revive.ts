import type { Tensor } from '../src/engine';
import type { PostedView } from '../src/protocol/messages';

type Numbers = ArrayLike<number> | Record<string, number>;

/**
 * VS Code transfers typed arrays as typed arrays, but a message that went through plain JSON (an older host,
 * a test harness) carries them as arrays or `{"0": .., "1": ..}` objects: rebuild those, leave the rest alone.
 */
function typed<T extends Float64Array>(value: unknown, length: number, make: (length: number) => T): T {
  if (ArrayBuffer.isView(value)) return value as T;
  const out = make(length);
  const source = (value ?? {}) as Numbers;
  for (let i = 0; i < length; i++) out[i] = Number((source as Record<number, number>)[i] ?? 0);
  return out;
}

const float64 = (value: unknown, length: number): Float64Array => typed(value, length, (n) => new Float64Array(n));

function tensor(t: Tensor): Tensor {
  return { ...t, data: float64(t.data, t.channels * t.depth * t.height * t.width) };
}

export function reviveView(view: PostedView): PostedView {
  const [d0, d1, kd, kh, kw] = view.weight.dims;
  return {
    ...view,
    input: tensor(view.input),
    weight: { ...view.weight, data: float64(view.weight.data, d0 * d1 * kd * kh * kw) },
    bias: view.bias === null || view.bias === undefined ? null : float64(view.bias, view.geometry.output.channels),
  };
}
