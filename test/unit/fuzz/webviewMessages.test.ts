/**
 * The webview is untrusted: `parseFromWebview` is the only door from it to the host. Fuzzed messages must never
 * make it throw, and only messages of exactly a protocol shape may pass, unchanged.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { FromWebviewMessage } from '../../../src/protocol/messages';
import { parseFromWebview } from '../../../src/protocol/guards';
import { LARGEST_SAMPLE } from '../../../src/python/shapes/layerSpec';
import { fuzzConfig } from './config';

const config = fuzzConfig(3000);
const RUNS = { numRuns: Math.max(200, Math.floor(config.runs / 3)), seed: config.seed };

/** Each message type with the keys it must have and may have, and a check of each key's value. */
const SHAPES: Record<FromWebviewMessage['type'], { required: string[]; optional: string[] }> = {
  ready: { required: ['type'], optional: ['spec', 'place', 'origin'] },
  revealSource: { required: ['type'], optional: [] },
  copy: { required: ['type', 'what'], optional: [] },
  saveSvg: { required: ['type', 'colors'], optional: [] },
  savePng: { required: ['type', 'png'], optional: [] },
  resizeSample: { required: ['type', 'sizes'], optional: [] },
};

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const plainObject = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 });
const count = fc.maxSafeNat();
const rgb = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255));
const origin = fc
  .record({ uri: fc.webUrl().filter((uri) => uri.length <= 4096), offset: count, length: count })
  .map((o) => ({ ...o }));

/** Messages of exactly a protocol shape. */
const valid: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant({ type: 'ready' }),
  plainObject.map((spec) => ({ type: 'ready', spec })),
  fc.tuple(plainObject, origin).map(([spec, place]) => ({ type: 'ready', spec, place })),
  origin.map((kept) => ({ type: 'ready', origin: kept })),
  fc.constant({ type: 'revealSource' }),
  fc.record({ type: fc.constant('copy'), what: fc.constantFrom('results', 'torch', 'numpy') }),
  fc.record({
    type: fc.constant('saveSvg'),
    colors: fc.record({ background: rgb, foreground: rgb, positive: rgb, negative: rgb }).map((c) => ({ ...c })),
  }),
  fc.record({ type: fc.constant('savePng'), png: fc.constant(PNG) }),
  fc.record({
    type: fc.constant('resizeSample'),
    sizes: fc.array(fc.integer({ min: 1, max: LARGEST_SAMPLE }), { minLength: 1, maxLength: 3 }),
  }),
);

/** A valid message changed in one way that must make it fail. */
const nearMiss: fc.Arbitrary<{ message: unknown; change: string }> = fc
  .tuple(valid, fc.integer({ min: 1, max: 4 }), fc.string({ minLength: 1, maxLength: 8 }), fc.anything({ maxDepth: 1 }))
  .map(([message, how, key, value]) => {
    const m: Record<string, unknown> = { ...message };
    const shape = SHAPES[m.type as FromWebviewMessage['type']];
    const allowed = [...shape.required, ...shape.optional];
    switch (how) {
      case 1: {
        const required = shape.required[Math.abs(key.charCodeAt(0)) % shape.required.length];
        delete m[required];
        return { message: m, change: `without ${required}` };
      }
      case 2: {
        m.type = `${String(m.type)}${key}`;
        return { message: m, change: 'unknown type' };
      }
      case 3: {
        const field = allowed.filter((k) => k !== 'type')[0];
        if (!field) return { message: [m], change: 'wrapped in an array' };
        // Four sizes, or sizes in an object: never one to three whole sizes.
        if (field === 'sizes') m[field] = typeof value === 'number' ? [value, 1, 1, 1] : { sizes: value };
        else
          m[field] =
            typeof value === 'string'
              ? 42
              : field === 'spec' &&
                  (value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value)))
                ? [value]
                : typeof value === 'string'
                  ? 1
                  : value === undefined
                    ? null
                    : value;
        return { message: m, change: `${field} of the wrong type` };
      }
      default:
        return { message: JSON.stringify(m), change: 'sent as a string' };
    }
  });

/** Whether `parsed` is exactly a protocol shape holding the same values as `sent`. */
function assertExact(parsed: FromWebviewMessage, sent: unknown): void {
  const shape = SHAPES[parsed.type];
  assert.ok(shape, `unknown type ${parsed.type}`);
  const keys = Object.keys(parsed);
  for (const key of shape.required) assert.ok(keys.includes(key), `${parsed.type} without ${key}`);
  for (const key of keys)
    assert.ok(shape.required.includes(key) || shape.optional.includes(key), `${parsed.type} with extra key ${key}`);
  for (const key of keys) {
    const [got, was] = [(parsed as Record<string, unknown>)[key], (sent as Record<string, unknown>)[key]];
    // An origin, a place, colours and sizes are read into fresh objects; everything else passes as it came.
    if (key === 'origin' || key === 'place' || key === 'colors' || key === 'sizes') {
      assert.deepStrictEqual(got, was, key);
      assert.notStrictEqual(got, was, `a fresh ${key}`);
    } else assert.strictEqual(got, was, key);
  }
  assert.notStrictEqual(parsed, sent, "a fresh object, not the page's own");
}

describe('fuzz: messages from the webview', () => {
  it('anything at all: never throws, and what passes is exactly a protocol shape', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
      maxDepth: 3,
    });
    const typed = fc.record(
      {
        type: fc.constantFrom(
          'ready',
          'revealSource',
          'copy',
          'saveSvg',
          'savePng',
          'resizeSample',
          'show',
          '__proto__',
          'constructor',
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          anything,
          fc.tuple(typed, fc.object({ maxDepth: 1 })).map(([t, o]) => ({ ...o, ...t })),
        ),
        (message) => {
          const parsed = parseFromWebview(message);
          if (parsed) assertExact(parsed, message);
        },
      ),
      RUNS,
    );
  });

  it('every message of exactly a protocol shape passes unchanged', () => {
    fc.assert(
      fc.property(valid, (message) => {
        const parsed = parseFromWebview(message);
        assert.ok(parsed, JSON.stringify(message).slice(0, 200));
        assertExact(parsed, message);
      }),
      RUNS,
    );
  });

  it('keys a message does not have are dropped: what reaches the host is exactly the shape', () => {
    fc.assert(
      fc.property(
        valid,
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.anything({ maxDepth: 1 }), {
          minKeys: 1,
          maxKeys: 3,
        }),
        (message, extra) => {
          const shape = SHAPES[message.type as FromWebviewMessage['type']];
          const extraKeys = Object.keys(extra).filter(
            (k) => !shape.required.includes(k) && !shape.optional.includes(k) && k !== '__proto__',
          );
          const sent = { ...message, ...Object.fromEntries(extraKeys.map((k) => [k, extra[k]])) };
          const parsed = parseFromWebview(sent);
          assert.ok(parsed);
          assertExact(parsed, sent);
        },
      ),
      RUNS,
    );
  });

  it('one change to a valid message (missing key, wrong type, unknown type) makes it fail', () => {
    fc.assert(
      fc.property(nearMiss, ({ message, change }) => {
        assert.strictEqual(
          parseFromWebview(message),
          undefined,
          `${change}: ${String(JSON.stringify(message)).slice(0, 200)}`,
        );
      }),
      RUNS,
    );
  });

  it("only a message's own keys count: inherited ones (a polluted prototype) are not read", () => {
    assert.strictEqual(
      parseFromWebview(Object.create({ type: 'revealSource' }) as object),
      undefined,
      'inherited type',
    );
    assert.strictEqual(
      parseFromWebview(Object.assign(Object.create({ what: 'results' }) as object, { type: 'copy' })),
      undefined,
      'inherited fields',
    );
    assert.deepStrictEqual(
      parseFromWebview(Object.assign(Object.create({ spec: { input: [[1]] } }) as object, { type: 'ready' })),
      { type: 'ready' },
      'inherited spec',
    );
    const proto = JSON.parse('{"type": "ready", "__proto__": {"spec": {"input": [[1]]}}}') as unknown;
    assert.deepStrictEqual(parseFromWebview(proto), { type: 'ready' }, 'a "__proto__" key');
  });
});
