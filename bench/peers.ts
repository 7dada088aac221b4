import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { ConvProblem } from '../src/engine';

/** TensorFlow.js backends run on the same inputs: plain JS (float32) and XNNPACK WebAssembly SIMD (float32, one thread
 * in Node). */
export const PEERS = ['cpu', 'wasm'] as const;
export type Peer = (typeof PEERS)[number];

export async function usePeer(peer: Peer): Promise<void> {
  // PROD silences tfjs's "install tfjs-node" banner and its debug checks.
  tf.env().set('PROD', true);
  if (!(await tf.setBackend(peer))) throw new Error(`tfjs backend ${peer} did not start`);
  await tf.ready();
}

export interface PeerRun {
  /** Runs the convolution and reads the result back, as float32 in the engine's [C][H][W] order. */
  run(): Float32Array;
  dispose(): void;
}

/** The problem on the current tfjs backend (NHWC tensors made once), or why tfjs cannot run it. */
export function peerConvolution(problem: ConvProblem): PeerRun | string {
  const { input, weight, geometry: g } = problem;
  const output = g.output;
  if (g.rank === 3 || g.axes[0].input !== 1) return 'conv3d';
  if (g.paddingMode !== 'zeros') return 'padding_mode';
  const [, ay, ax] = g.axes;
  const [sh, sw] = [ay.stride, ax.stride];
  const [dh, dw] = [ay.dilation, ax.dilation];
  if (g.groups !== 1) return 'groups';
  if ((sh > 1 || sw > 1) && (dh > 1 || dw > 1)) return 'stride+dilation';
  const [d0, d1, , kh, kw] = weight.dims;
  const { channels: c, height: h, width: w } = input;
  const x = tf.tensor4d(toNhwc(input.data, c, h, w), [1, h, w, c]);
  // PyTorch [d0][d1][kh][kw] -> tfjs [kh][kw][d1][d0], which is conv2d's [kh][kw][in][out] and conv2dTranspose's
  // [kh][kw][out][in].
  const filterData = new Float32Array(weight.data.length);
  for (let a = 0; a < d0; a++)
    for (let b = 0; b < d1; b++)
      for (let i = 0; i < kh * kw; i++) filterData[(i * d1 + b) * d0 + a] = weight.data[(a * d1 + b) * kh * kw + i];
  const filter = tf.tensor4d(filterData, [kh, kw, d1, d0]);
  const [ph, pw] = [ay.padBefore, ax.padBefore];
  const conv = (): tf.Tensor4D => {
    if (!g.transposed) {
      const pad =
        ph === 0 && pw === 0
          ? 'valid'
          : ([
              [0, 0],
              [ph, ay.padAfter],
              [pw, ax.padAfter],
              [0, 0],
            ] as tf.backend_util.ExplicitPadding);
      return tf.conv2d(x, filter, [sh, sw], pad, 'NHWC', [dh, dw]);
    }
    if (ph !== pw) throw new Error('tfjs conv2dTranspose takes one padding number');
    return tf.conv2dTranspose(x, filter, [1, output.height, output.width, output.channels], [sh, sw], ph);
  };
  return {
    run: () => {
      const y = conv();
      const data = y.dataSync() as Float32Array;
      y.dispose();
      return data;
    },
    dispose: () => {
      x.dispose();
      filter.dispose();
    },
  };
}

function toNhwc(data: Float64Array, c: number, h: number, w: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let ch = 0; ch < c; ch++) for (let i = 0; i < h * w; i++) out[i * c + ch] = data[ch * h * w + i];
  return out;
}

/** The largest difference between a tfjs result (NHWC) and the engine's [C][H][W], relative to the largest output. */
export function relativeDifference(peer: Float32Array, engine: Float64Array, channels: number): number {
  const plane = engine.length / channels;
  let diff = 0;
  let scale = 0;
  for (let ch = 0; ch < channels; ch++) {
    for (let i = 0; i < plane; i++) {
      const e = engine[ch * plane + i];
      diff = Math.max(diff, Math.abs(peer[i * channels + ch] - e));
      scale = Math.max(scale, Math.abs(e));
    }
  }
  return diff / (scale || 1);
}
