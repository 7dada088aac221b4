// What a panel's page keeps across a reload: the host's decision (a small spec, else the text it came from) and
// the strict reading of what comes back from the untrusted page, in a `ready` message or through VS Code's state.
import * as assert from 'assert';
import { DEFAULT_LIMITS } from '../../src/engine';
import { readState, showMessage, specCells, stateToKeep } from '../../src/extension/panel/keptState';
import { convolveSpec, titledView } from '../../src/convolve';
import { ConvView, MAX_KEPT_SPEC_CELLS, MAX_ORIGIN_URI_CHARACTERS, SpecOrigin } from '../../src/protocol/messages';
import { parseFromWebview } from '../../src/protocol/guards';
import type { ConvLayer } from '../../src/python/layer';
import { layerSpec } from '../../src/python/shapes';
import { resizedSample } from '../../src/python/shapes/layerSpec';
import { SEED_SPEC } from '../support/seed';

const FORMAT = { decimals: 4, exactFractions: false };

function viewOf(spec: Record<string, unknown>): ConvView {
  const solved = convolveSpec(spec, DEFAULT_LIMITS);
  assert.ok(solved.ok, solved.ok ? '' : solved.error.message);
  return titledView(solved.view, 'test', FORMAT);
}

/** The seed view with its input's data swapped for `inputCells` numbers: only the counts matter to the decision. */
function withInputCells(view: ConvView, inputCells: number): ConvView {
  return { ...view, input: { ...view.input, data: new Float64Array(inputCells) } };
}
const origin: SpecOrigin = { uri: 'file:///home/u/specs/big.json', offset: 12, length: 3_400_000 };
const place: SpecOrigin = { uri: 'file:///home/u/specs/seed.json', offset: 3, length: 59 };

describe('the state a panel keeps across a reload', () => {
  it('counts input, weight and bias cells', () => {
    assert.strictEqual(specCells(viewOf(SEED_SPEC)), 9 + 4);
    assert.strictEqual(specCells(viewOf({ ...SEED_SPEC, bias: [10] })), 9 + 4 + 1);
    const multi = viewOf({
      input: [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ],
      weight: [
        [[[1]], [[2]]],
        [[[3]], [[4]]],
        [[[5]], [[6]]],
      ],
      bias: [1, 2, 3],
    });
    assert.strictEqual(specCells(multi), 8 + 6 + 3);
  });

  it('keeps a spec of up to MAX_KEPT_SPEC_CELLS cells itself, even with an origin', () => {
    const seed = viewOf(SEED_SPEC);
    assert.deepStrictEqual(stateToKeep(seed, { origin }), { spec: SEED_SPEC });
    assert.strictEqual(stateToKeep(seed).spec, seed.spec);
    const atLimit = withInputCells(seed, MAX_KEPT_SPEC_CELLS - 4);
    assert.strictEqual(specCells(atLimit), MAX_KEPT_SPEC_CELLS);
    assert.deepStrictEqual(stateToKeep(atLimit, { origin }), { spec: SEED_SPEC });
  });

  it('keeps a small spec with the place of its text, so a restored panel names it and goes back to it', () => {
    const seed = viewOf(SEED_SPEC);
    assert.deepStrictEqual(stateToKeep(seed, { place, origin }), { spec: SEED_SPEC, place });
    const message = showMessage(seed, { place });
    assert.deepStrictEqual(readState(JSON.parse(JSON.stringify(message.keep))), { spec: SEED_SPEC, place });
    // A large spec keeps only the text that computes it again: that restore finds the place by itself.
    assert.deepStrictEqual(stateToKeep(withInputCells(seed, MAX_KEPT_SPEC_CELLS), { place, origin }), { origin });
    assert.deepStrictEqual(stateToKeep(withInputCells(seed, MAX_KEPT_SPEC_CELLS), { place }), {});
  });

  it('one cell more: keeps where it came from, or nothing', () => {
    const seed = viewOf(SEED_SPEC);
    const over = withInputCells(seed, MAX_KEPT_SPEC_CELLS - 3);
    assert.deepStrictEqual(stateToKeep(over, { origin }), { origin });
    assert.deepStrictEqual(stateToKeep(over), {});
    // The bias counts too: 49,995 + 4 + 1 is at the limit, 49,996 + 4 + 1 over it.
    const biased = viewOf({ ...SEED_SPEC, bias: [10] });
    assert.ok(stateToKeep(withInputCells(biased, MAX_KEPT_SPEC_CELLS - 5), { origin }).spec);
    assert.deepStrictEqual(stateToKeep(withInputCells(biased, MAX_KEPT_SPEC_CELLS - 4), { origin }), { origin });
  });

  it('a view without its spec keeps its origin, whatever its size', () => {
    const { spec: _, ...withoutSpec } = viewOf(SEED_SPEC);
    assert.deepStrictEqual(stateToKeep(withoutSpec, { origin }), { origin });
    assert.deepStrictEqual(stateToKeep(withoutSpec), {});
  });

  it('the show message carries neither the spec nor the results the page computes; the rest passes untouched', () => {
    const seed = viewOf(SEED_SPEC);
    const small = showMessage(seed, { origin });
    assert.strictEqual(small.type, 'show');
    assert.deepStrictEqual(Object.keys(small.view).sort(), [
      'bias',
      'format',
      'formulas',
      'geometry',
      'input',
      'source',
      'weight',
    ]);
    assert.deepStrictEqual(small.keep, { spec: SEED_SPEC });
    assert.strictEqual(small.view.input, seed.input);
    assert.strictEqual(small.view.weight, seed.weight);
    assert.ok(seed.spec, 'the host keeps its own view whole');
    const large = showMessage(withInputCells(seed, MAX_KEPT_SPEC_CELLS), { origin });
    assert.ok(!('spec' in large.view));
    assert.deepStrictEqual(large.keep, { origin });
    // What the page keeps survives the JSON VS Code stores it as, and reads back the same.
    assert.deepStrictEqual(readState(JSON.parse(JSON.stringify(large.keep))), { origin });
  });
});

/** Origins a page must not get past the host: each a hostile or broken shape. */
function hostileOrigins(): [string, unknown][] {
  const withSymbol = { ...origin, [Symbol('x')]: 1 };
  const hidden = Object.defineProperty({ ...origin }, 'extra', { value: 1, enumerable: false });
  return [
    ['null', null],
    ['an array', [origin.uri, origin.offset, origin.length]],
    ['a string', JSON.stringify(origin)],
    ['an extra key', { ...origin, version: 1 }],
    ['a symbol key', withSymbol],
    ['a hidden key', hidden],
    ['a "__proto__" key', JSON.parse(`{"uri": "file:///a.json", "offset": 0, "length": 1, "__proto__": {"x": 1}}`)],
    ['inherited fields', Object.create(origin)],
    ['no uri', { offset: 0, length: 1 }],
    ['no length', { uri: origin.uri, offset: 0 }],
    ['a uri that is not a string', { ...origin, uri: { toString: () => origin.uri } }],
    ['an empty uri', { ...origin, uri: '' }],
    ['a uri without a scheme', { ...origin, uri: '/etc/passwd' }],
    ['a uri one character too long', { ...origin, uri: `file:///${'a'.repeat(MAX_ORIGIN_URI_CHARACTERS - 7)}` }],
    ['a negative offset', { ...origin, offset: -1 }],
    ['a fractional length', { ...origin, length: 1.5 }],
    ['a NaN offset', { ...origin, offset: NaN }],
    ['an infinite length', { ...origin, length: Infinity }],
    ['an unsafe integer', { ...origin, offset: 2 ** 53 }],
    ['a numeric string', { ...origin, offset: '12' }],
    ['a boxed number', { ...origin, length: Object(3) }],
    ['a bigint', { ...origin, length: 3n }],
  ];
}

describe('a kept origin from the (untrusted) page', () => {
  it('ready: a valid origin passes as a fresh object of exactly its three fields', () => {
    const sent = { type: 'ready', origin: { ...origin } };
    const parsed = parseFromWebview(sent);
    assert.deepStrictEqual(parsed, { type: 'ready', origin });
    assert.ok(parsed?.type === 'ready' && parsed.origin !== sent.origin);
    const longest = {
      uri: `file:///${'a'.repeat(MAX_ORIGIN_URI_CHARACTERS - 8)}`,
      offset: 0,
      length: Number.MAX_SAFE_INTEGER,
    };
    assert.strictEqual(longest.uri.length, MAX_ORIGIN_URI_CHARACTERS);
    assert.deepStrictEqual(parseFromWebview({ type: 'ready', origin: longest }), { type: 'ready', origin: longest });
    assert.deepStrictEqual(
      parseFromWebview({ type: 'ready', origin: { uri: 'untitled:Untitled-1', offset: 0, length: 0 } }),
      { type: 'ready', origin: { uri: 'untitled:Untitled-1', offset: 0, length: 0 } },
    );
  });

  it('ready: a hostile origin makes the whole message fail', () => {
    for (const [what, hostile] of hostileOrigins()) {
      assert.strictEqual(parseFromWebview({ type: 'ready', origin: hostile }), undefined, what);
    }
  });

  it('ready: a spec and an origin together fail; neither is a plain ready', () => {
    assert.strictEqual(parseFromWebview({ type: 'ready', spec: SEED_SPEC, origin }), undefined);
    assert.deepStrictEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseFromWebview({ type: 'ready', origin: undefined }), { type: 'ready' });
    assert.deepStrictEqual(
      parseFromWebview(Object.assign(Object.create({ origin }) as object, { type: 'ready' })),
      { type: 'ready' },
      'an inherited origin is not read',
    );
  });

  it('ready: a spec with its place passes; a place without a spec, or a hostile one, fails', () => {
    assert.deepStrictEqual(parseFromWebview({ type: 'ready', spec: SEED_SPEC, place: { ...place } }), {
      type: 'ready',
      spec: SEED_SPEC,
      place,
    });
    assert.strictEqual(parseFromWebview({ type: 'ready', place }), undefined);
    assert.strictEqual(parseFromWebview({ type: 'ready', origin, place }), undefined);
    for (const [what, hostile] of hostileOrigins())
      assert.strictEqual(parseFromWebview({ type: 'ready', spec: SEED_SPEC, place: hostile }), undefined, what);
  });

  it('readState: a valid spec (with its place) or origin, else nothing', () => {
    assert.deepStrictEqual(readState({ origin }), { origin });
    assert.notStrictEqual(readState({ origin }).origin, origin);
    assert.deepStrictEqual(readState({ spec: SEED_SPEC }), { spec: SEED_SPEC });
    assert.deepStrictEqual(readState({ spec: SEED_SPEC, place }), { spec: SEED_SPEC, place });
    assert.notStrictEqual(readState({ spec: SEED_SPEC, place }).place, place);
    for (const state of [
      undefined,
      null,
      42,
      'spec',
      [],
      {},
      { spec: [[1]] },
      { spec: null },
      { spec: SEED_SPEC, origin },
      { place },
      { spec: SEED_SPEC, place: { ...place, offset: -1 } },
    ]) {
      assert.deepStrictEqual(readState(state), {}, JSON.stringify(state));
    }
    for (const [what, hostile] of hostileOrigins()) assert.deepStrictEqual(readState({ origin: hostile }), {}, what);
  });

  it('a resized layer sample is kept as it is shown: computed again, the same sample, still resizable', () => {
    // Conv1d(2, 2, 3): a sample of 2 channels, resized to 11 cells (an output of 9).
    const layer: ConvLayer = {
      kind: 'conv',
      rank: 1,
      transposed: false,
      inChannels: 2,
      outChannels: 2,
      kernel: [3],
      stride: [1],
      padding: [0],
      dilation: [1],
      outputPadding: [0],
      groups: 1,
      bias: true,
      paddingMode: 'zeros',
    };
    const shown = viewOf(resizedSample(layerSpec(layer), 2, [11]));
    assert.strictEqual(shown.layerSample, true);
    const keep = showMessage(shown).keep;
    assert.deepStrictEqual(keep, { spec: shown.spec });
    const restored = viewOf(readState(JSON.parse(JSON.stringify(keep))).spec!);
    assert.strictEqual(restored.layerSample, true);
    assert.deepStrictEqual([restored.geometry.input.width, restored.geometry.output.width], [11, 9]);
    // The same numbers, so the same results wherever they are computed.
    assert.deepStrictEqual(Array.from(restored.input.data), Array.from(shown.input.data));
    assert.deepStrictEqual(Array.from(restored.weight.data), Array.from(shown.weight.data));
    assert.deepStrictEqual(Array.from(restored.bias ?? []), Array.from(shown.bias ?? []));
    // A spec the user wrote is never offered the control.
    assert.strictEqual(viewOf(SEED_SPEC).layerSample, undefined);
  });
});
