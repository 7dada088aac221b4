/**
 * The typed messages between the extension host and the ConvLens webview: one discriminated union each way.
 * Large numbers travel as typed arrays (VS Code transfers them without JSON); nothing here throws.
 */
import type { ConvGeometry, CsrMatrix, OutputSizeTerms, Tensor, Weight } from './engine';
import { PICTURE_COLOR_NAMES, PictureColors, Rgb } from './picture/colors';
import { pngFromBase64 } from './picture/pngFile';
import { ClipboardContent, isClipboardContent } from './view/clipboardText';

/** How numbers are shown (settings `convlens.decimals`, `convlens.exactFractions`). */
export interface NumberFormat {
  decimals: number;
  exactFractions: boolean;
}

/** The largest kernel matrix the host sends as CSR: 200,000 non-zeros are 2.4 MB of typed arrays (512 x 512, k5: 77
 * MB). */
export const MAX_POSTED_KERNEL_MATRIX_NON_ZEROS = 200_000;

/** Everything the panel draws for one computation. */
export interface ConvView {
  /** Where the spec came from, e.g. `seed.json:1:1`, for the panel's title line. */
  source: string;
  /**
   * The spec as plain JSON, kept by the host; it never travels in a `show` message (262,144 numbers for a 512 x 512
   * input make it slow to post and to `setState`): the message's `keep` carries it when it is small.
   */
  spec?: Record<string, unknown>;
  /** Every grid size and parameter, computed once by the engine; the page reads it, never recomputes it. */
  geometry: ConvGeometry;
  /** The output-size formula of each of the op's axes, in symbols and with the numbers plugged in. */
  formulas: OutputSizeTerms[];
  input: Tensor;
  weight: Weight;
  bias: Float64Array | null;
  output: Tensor;
  reconstruction: Tensor;
  /**
   * `vec(out) = vec(in) @ kernelMatrix` as CSR, only while it has at most `MAX_POSTED_KERNEL_MATRIX_NON_ZEROS`
   * non-zeros. Every entry follows from `params`, `weight` and the shapes, so the webview reads the M it draws
   * from those (`KernelMatrixRows`) and a large M never crosses.
   */
  kernelMatrix?: CsrMatrix;
  format: NumberFormat;
}

/** The most cells (input + weight + bias) of a spec the page keeps as JSON: about 0.5 MB of it. */
export const MAX_KEPT_SPEC_CELLS = 50_000;

/** The longest document URI a page may keep. */
export const MAX_ORIGIN_URI_CHARACTERS = 4096;

/** Where the text a view was computed from is: a document (`uri` as `Uri.toString()`) and a range of offsets in it. */
export interface SpecOrigin {
  uri: string;
  offset: number;
  length: number;
}

/**
 * What the page keeps with `vscode.setState` so that a reload can compute its view again (VS Code hands it to the
 * panel serializer, and the page sends it back with `ready`): a small spec (and where its text is), or else where a
 * large one came from; never both, and neither when a large view came from no text.
 */
export interface WebviewState {
  spec?: Record<string, unknown>;
  /** With a spec: where its text is (what Go to source selects), so a restored panel names it and goes back to it. */
  place?: SpecOrigin;
  origin?: SpecOrigin;
}

/** Where a view's text is, as a page can keep it: `place` is what Go to source selects, `origin` the text that alone
 * computes the view again (when there is one). */
export type SourceText = Omit<WebviewState, 'spec'>;

export type ToWebviewMessage =
  /** `view` comes without its spec; `keep` is exactly what the page should keep for a reload. */
  | { type: 'show'; view: ConvView; keep: WebviewState }
  | { type: 'error'; message: string; source: string }
  | { type: 'format'; format: NumberFormat }
  /** A `saveImage` finished: written to `path`, or not (`path` undefined: cancelled or failed). */
  | { type: 'saved'; fileName: string; path?: string };

/** Picture formats the panel can save its matrices as. */
export type ImageFormat = 'svg' | 'png';

/** The most characters of base64 a `savePng` may carry: 24 MiB, an 18 MB PNG. */
export const MAX_IMAGE_CHARACTERS = 24 * 1024 * 1024;

export type FromWebviewMessage =
  /** The page has loaded and listens; `spec` or `origin` is what it kept before a reload, if anything. */
  | ({ type: 'ready' } & WebviewState)
  /** Jump to the text the current view was computed from. */
  | { type: 'revealSource' }
  /** Copy something of the current view; the host builds the text (the page sends none). */
  | { type: 'copy'; what: ClipboardContent }
  /**
   * Save the current view's matrices as SVG in the page's theme colours: the host builds the picture itself and
   * asks the user where to write it (a save dialog).
   */
  | { type: 'saveSvg'; colors: PictureColors }
  /** Save the PNG the page rasterised from that same SVG (base64); written only if its bytes are exactly a PNG. */
  | { type: 'savePng'; png: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The keys each message must have as its own: inherited ones do not count, and any others are dropped. */
const REQUIRED_KEYS: Record<FromWebviewMessage['type'], readonly string[]> = {
  ready: ['type'],
  revealSource: ['type'],
  copy: ['type', 'what'],
  saveSvg: ['type', 'colors'],
  savePng: ['type', 'png'],
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
