import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { ConvProblem, ownAxes, shapeOf, Weight } from '../src/engine';

import { Runner } from './runner';
import { timed } from './timing';

type Backend = 'cpu' | 'wasm';

async function useBackend(backend: Backend): Promise<void> {
  // PROD silences tfjs's "install tfjs-node" banner and its debug checks.
  tf.env().set('PROD', true);
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not start`);
  await tf.ready();
}

/** A TensorFlow.js backend: plain JS (float32), or XNNPACK WebAssembly SIMD (float32, one thread in Node). Its
 * tensors are made while it is the active backend, so switching between runners moves no data. */
export function tfjsRunner(backend: Backend): Runner {
  return {
    name: `tfjs-${backend} 1t`,
    threads: 1,
    slow: backend === 'cpu',
    prepare: async (problem) => {
      await useBackend(backend);
      const conv = tfjsConvolution(problem);
      if (typeof conv === 'string') return conv;
      let result: Float32Array | undefined;
      return {
        call: async () => {
          await useBackend(backend);
          return timed(() => {
            const y = conv.run();
            result = y.dataSync() as Float32Array;
            y.dispose();
          });
        },
        output: async () => toChannelsFirst(result!, problem.geometry.output.channels),
        dispose: conv.dispose,
      };
    },
  };
}

/** The problem on the current tfjs backend (channels-last tensors made once), or why tfjs cannot run it. */
function tfjsConvolution(problem: ConvProblem): { run(): tf.Tensor; dispose(): void } | string {
  const { input, weight, geometry: g } = problem;
  if (g.paddingMode !== 'zeros') return 'padding_mode';
  if (g.groups !== 1) return 'groups';
  const own = ownAxes(g);
  const strided = own.some((a) => a.stride > 1);
  if (strided && own.some((a) => a.dilation > 1)) return 'stride+dilation';
  if (g.transposed && g.rank !== 2) return g.op;
  const symmetric = own.every((a) => a.padBefore === a.padAfter);
  const unpadded = own.every((a) => a.padBefore === 0 && a.padAfter === 0);
  if (g.rank === 1 && !symmetric) return 'asymmetric padding';
  if (g.rank === 3 && !unpadded) return 'conv3d takes "valid" or "same" only';
  const x = tf.tensor(toChannelsLast(input.data, input.channels), [1, ...shapeOf(g, g.input).slice(1), input.channels]);
  const filter = tf.tensor(toFilter(weight), [...own.map((a) => a.kernel), weight.dims[1], weight.dims[0]]);
  const conv = convolution(problem, x, filter);
  return {
    run: conv,
    dispose: () => {
      x.dispose();
      filter.dispose();
    },
  };
}

/** The tfjs op for the problem's rank, on channels-last `x` and a filter `[k...][d1][d0]`. */
function convolution(problem: ConvProblem, x: tf.Tensor, filter: tf.Tensor): () => tf.Tensor {
  const g = problem.geometry;
  const [az, ay, ax] = g.axes;
  if (g.rank === 1) {
    // tfjs reads a padding of 0 as "same": "valid" it is.
    const pad = ax.padBefore === 0 ? 'valid' : ax.padBefore;
    return () => tf.conv1d(x as tf.Tensor3D, filter as tf.Tensor3D, ax.stride, pad, 'NWC', ax.dilation);
  }
  if (g.rank === 3) {
    const strides: [number, number, number] = [az.stride, ay.stride, ax.stride];
    const dilations: [number, number, number] = [az.dilation, ay.dilation, ax.dilation];
    return () => tf.conv3d(x as tf.Tensor5D, filter as tf.Tensor5D, strides, 'valid', 'NDHWC', dilations);
  }
  const [sh, sw] = [ay.stride, ax.stride];
  const [ph, pw] = [ay.padBefore, ax.padBefore];
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
    return () => tf.conv2d(x as tf.Tensor4D, filter as tf.Tensor4D, [sh, sw], pad, 'NHWC', [ay.dilation, ax.dilation]);
  }
  if (ph !== pw) throw new Error('tfjs conv2dTranspose takes one padding number');
  const { channels, height, width } = g.output;
  return () => tf.conv2dTranspose(x as tf.Tensor4D, filter as tf.Tensor4D, [1, height, width, channels], [sh, sw], ph);
}

/** PyTorch's weight `[d0][d1][k...]` as tfjs's filter `[k...][d1][d0]`: conv's `[k...][in][out]`, conv2dTranspose's
 * `[k...][out][in]`. */
function toFilter(weight: Weight): Float32Array {
  const [d0, d1] = weight.dims;
  const cells = weight.data.length / (d0 * d1);
  const filter = new Float32Array(weight.data.length);
  for (let a = 0; a < d0; a++)
    for (let b = 0; b < d1; b++)
      for (let i = 0; i < cells; i++) filter[(i * d1 + b) * d0 + a] = weight.data[(a * d1 + b) * cells + i];
  return filter;
}

/** `[C][cells]` to `[cells][C]`, in float32. */
function toChannelsLast(data: Float64Array, channels: number): Float32Array {
  const cells = data.length / channels;
  const out = new Float32Array(data.length);
  for (let c = 0; c < channels; c++) for (let i = 0; i < cells; i++) out[i * channels + c] = data[c * cells + i];
  return out;
}

/** `[cells][C]` back to `[C][cells]`. */
function toChannelsFirst(data: Float32Array, channels: number): Float32Array {
  const cells = data.length / channels;
  const out = new Float32Array(data.length);
  for (let c = 0; c < channels; c++) for (let i = 0; i < cells; i++) out[c * cells + i] = data[i * channels + c];
  return out;
}
