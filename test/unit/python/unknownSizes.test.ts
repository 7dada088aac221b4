import * as assert from 'assert';
import type { ConvLayer, Layer } from '../../../src/python/layer';
import { outputShape, shapesThrough } from '../../../src/python/shapes';
import { conv2d } from '../../support/layers';

// A size the code does not say (null) passes through every layer: what depends on it is unknown, the rest is known.

const conv = conv2d(3, 16, 3);

describe('unknown sizes', () => {
  it('an unknown batch and height stay unknown through a conv; the width is computed', () => {
    assert.deepStrictEqual(outputShape(conv, [null, 3, null, 32]), { ok: true, shape: [null, 16, null, 30] });
  });

  it('a functional conv whose weight is a variable: channels unknown, no channel check, sizes still computed', () => {
    const functional: ConvLayer = { ...conv, inChannels: null, outChannels: null };
    assert.deepStrictEqual(outputShape(functional, [1, 8, 32, 32]), { ok: true, shape: [1, null, 30, 30] });
  });

  it('an unknown size is not taken for a mismatch, a known one still is', () => {
    assert.deepStrictEqual(outputShape(conv, [1, null, 8, 8]), { ok: true, shape: [1, 16, 6, 6] });
    const tooSmall = outputShape(conv, [1, 3, null, 2]);
    assert.deepStrictEqual(tooSmall, {
      ok: false,
      message:
        "Calculated padded input size per channel: (? x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size",
    });
  });

  it('Flatten of an unknown size is unknown; Linear keeps the unknown batch', () => {
    const steps: Layer[] = [
      { kind: 'flatten', startDim: 1, endDim: -1 },
      { kind: 'linear', inFeatures: 3136, outFeatures: 10, bias: true },
    ];
    assert.deepStrictEqual(shapesThrough(steps, [null, 64, 7, 7]).shapes, [
      [null, 3136],
      [null, 10],
    ]);
    assert.deepStrictEqual(shapesThrough(steps, [1, 64, null, 7]).shapes, [
      [1, null],
      [1, 10],
    ]);
  });
});
