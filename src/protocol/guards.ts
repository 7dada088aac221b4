/**
 * The host's checks on what the webview sends: the page is untrusted, so a message is acted on only when it has
 * exactly the expected shape, and comes out as a fresh object; nothing here throws.
 */
import { pngFromBase64 } from '../picture/pngFile';
import { sampleSizesProblem } from '../python/shapes/layerSpec';
import { isClipboardContent } from '../view/clipboardText';
import {
  FromWebviewMessage,
  MAX_IMAGE_CHARACTERS,
  MAX_ORIGIN_URI_CHARACTERS,
  PICTURE_COLOR_NAMES,
  PictureColors,
  Rgb,
  SpecOrigin,
  WebviewState,
} from './messages';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The keys each message must have as its own: inherited ones do not count, and any others are dropped. */
const REQUIRED_KEYS: Record<FromWebviewMessage['type'], readonly string[]> = {
  ready: ['type'],
  revealSource: ['type'],
  copy: ['type', 'what'],
  saveSvg: ['type', 'colors'],
  savePng: ['type', 'png'],
  resizeSample: ['type', 'sizes'],
};

/** The webview is untrusted: the host acts only on messages that have exactly the expected shape. */
export function parseFromWebview(message: unknown): FromWebviewMessage | undefined {
  if (!isObject(message) || !Object.hasOwn(message, 'type') || !Object.hasOwn(REQUIRED_KEYS, String(message.type)))
    return undefined;
  if (!REQUIRED_KEYS[message.type as FromWebviewMessage['type']].every((key) => Object.hasOwn(message, key)))
    return undefined;
  switch (message.type) {
    case 'ready': {
      const kept = parseKeptState(message);
      return kept && { type: 'ready', ...kept };
    }
    case 'revealSource':
      return { type: 'revealSource' };
    case 'copy':
      return isClipboardContent(message.what) ? { type: 'copy', what: message.what } : undefined;
    case 'saveSvg': {
      const colors = parsePictureColors(message.colors);
      return colors && { type: 'saveSvg', colors };
    }
    case 'savePng':
      return typeof message.png === 'string' &&
        message.png.length <= MAX_IMAGE_CHARACTERS &&
        pngFromBase64(message.png) !== undefined
        ? { type: 'savePng', png: message.png }
        : undefined;
    case 'resizeSample': {
      const { sizes } = message;
      // One to three whole sizes; the shown view's rank is checked with them when the sample is resized.
      return Array.isArray(sizes) &&
        sizes.length >= 1 &&
        sizes.length <= 3 &&
        sampleSizesProblem(sizes as number[], sizes.length) === undefined
        ? { type: 'resizeSample', sizes: [...(sizes as number[])] }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** A key's value when the object has it as its own (an inherited one does not count). */
const own = (object: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(object, key) ? object[key] : undefined;

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** A URI as `Uri.toString()` writes one: a scheme, a colon, then anything up to the length limit. */
const URI = /^[a-z][a-z0-9+.-]*:/i;

/** Exactly `{ uri, offset, length }`, with nothing else on it (not even a symbol or a hidden key), or undefined. */
export function parseSpecOrigin(value: unknown): SpecOrigin | undefined {
  if (!isObject(value) || Reflect.ownKeys(value).length !== 3) return undefined;
  const [uri, offset, length] = [own(value, 'uri'), own(value, 'offset'), own(value, 'length')];
  if (typeof uri !== 'string' || uri.length > MAX_ORIGIN_URI_CHARACTERS || !URI.test(uri)) return undefined;
  return isCount(offset) && isCount(length) ? { uri, offset, length } : undefined;
}

/**
 * The `spec` (with its `place`) or `origin` an object (a `ready` message, a kept state) carries, as a fresh object:
 * `{}` when it has neither, undefined when any is malformed, it has both, or a place without a spec.
 */
export function parseKeptState(value: unknown): WebviewState | undefined {
  if (!isObject(value)) return undefined;
  const [spec, place, origin] = [own(value, 'spec'), own(value, 'place'), own(value, 'origin')];
  if (spec !== undefined && origin !== undefined) return undefined;
  if (spec !== undefined) {
    if (!isObject(spec)) return undefined;
    if (place === undefined) return { spec };
    const parsedPlace = parseSpecOrigin(place);
    return parsedPlace && { spec, place: parsedPlace };
  }
  if (place !== undefined) return undefined;
  if (origin === undefined) return {};
  const parsed = parseSpecOrigin(origin);
  return parsed && { origin: parsed };
}

const isRgb = (v: unknown): v is Rgb =>
  Array.isArray(v) && v.length === 3 && v.every((c) => Number.isInteger(c) && c >= 0 && c <= 255);

/** Exactly the four colours, each three whole numbers 0..255, as a fresh object; else undefined. */
function parsePictureColors(value: unknown): PictureColors | undefined {
  if (!isObject(value) || Reflect.ownKeys(value).length !== PICTURE_COLOR_NAMES.length) return undefined;
  const colors = PICTURE_COLOR_NAMES.map((name) => own(value, name));
  if (!colors.every(isRgb)) return undefined;
  const [background, foreground, positive, negative] = colors.map(([r, g, b]): Rgb => [r, g, b]);
  return { background, foreground, positive, negative };
}
