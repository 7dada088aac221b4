/**
 * The typed messages between the extension host and the ConvLens webview: one discriminated union each way.
 * Large numbers travel as typed arrays (VS Code transfers them without JSON). The host checks what comes from the
 * page with `guards.ts`.
 */
import type { ConvGeometry, OutputSizeTerms, Tensor, Weight } from '../engine';

/** How numbers are shown (settings `convlens.decimals`, `convlens.exactFractions`). */
export interface NumberFormat {
  decimals: number;
  exactFractions: boolean;
}

/** What the panel draws for one problem: its numbers and sizes (the results follow from them; see `PostedView`). */
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
  format: NumberFormat;
  /** The input is ConvLens's sample for a layer opened from code: the panel offers to change its spatial size. */
  layerSample?: boolean;
}

/**
 * What a `show` message carries of a view: all but the spec. Nothing that follows from input, weight, bias and
 * geometry is in a view: the page computes the output, the reconstruction and M with the same engine (the same
 * doubles), which costs it less than carrying them (a 512 x 512 input's output and reconstruction alone are 4 MB);
 * the host computes them only for what it does with them (copy, save).
 */
export type PostedView = Omit<ConvView, 'spec'>;

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
  /** `keep` is exactly what the page should keep for a reload. */
  | { type: 'show'; view: PostedView; keep: WebviewState }
  | { type: 'error'; message: string; source: string }
  | { type: 'format'; format: NumberFormat }
  /** The sample size asked for was not computed, and why; the view shown stays. */
  | { type: 'sampleRefused'; message: string }
  /** A `saveImage` finished: written to `path`, or not (`path` undefined: cancelled or failed). */
  | { type: 'saved'; fileName: string; path?: string };

/** What a copy button asks for; the host builds the text (`view/clipboardText.ts`). */
export type ClipboardContent = 'results' | 'torch' | 'numpy';

/** A theme colour as plain numbers, so it can cross from the page to the host and be checked there. */
export type Rgb = readonly [number, number, number];

/** The four theme colours a picture of the matrices is drawn in; the page reads them, the host checks them. */
export interface PictureColors {
  background: Rgb;
  foreground: Rgb;
  positive: Rgb;
  negative: Rgb;
}

export const PICTURE_COLOR_NAMES: readonly (keyof PictureColors)[] = [
  'background',
  'foreground',
  'positive',
  'negative',
];

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
  | { type: 'savePng'; png: string }
  /** Show a layer's sample (`layerSample`) on an input of these spatial sizes, one per axis of the op. */
  | { type: 'resizeSample'; sizes: number[] };
