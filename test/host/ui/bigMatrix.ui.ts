// A 512 x 512 input with a 5 x 5 kernel, as a user runs it: the kernel matrix M (262,144 x 258,064, 6.45 million
// non-zeros, 77 MB as CSR) never crosses to the webview, which paints it from the geometry a slice at a time, and
// zooms into it down to single cells that read back M's real values in the theme's colours. How long painting
// takes is reported, never asserted: each test checks what is drawn, and starts from the whole of M.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Frame } from 'playwright-core';
import { KernelMatrixRows, normalizeSpec } from '../../../src/engine';
import { note } from '../mochaRun';
import { workbench } from '../uiSuite';
import { backgroundOf, Rgb, rgbOf, themeColor } from './pageColors';

const COMMAND = 'ConvLens: Convolve selection';
const N = 512;
const M_CANVAS = 'canvas[data-matrix="kernel_matrix"]';
/** M's heatmap with its zoom bar and legend. */
const M_FIGURE = `.heatmap-figure:has(${M_CANVAS})`;

/** Small integers, so the tooltip shows M's values exactly: the input varies, the kernel is 1..25 row by row. */
const spec = {
  input: Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => ((i * 31 + j * 17) % 11) - 5)),
  kernel: Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => i * 5 + j + 1)),
};

function engineM(): KernelMatrixRows {
  const problem = normalizeSpec(spec);
  assert.ok(problem.ok);
  return new KernelMatrixRows(problem.value);
}

/** The heatmap's `data-window` (row, col, rows, cols). */
async function windowOf(panel: Frame): Promise<number[]> {
  return ((await panel.locator(M_CANVAS).getAttribute('data-window')) ?? '').split(',').map(Number);
}

// A hang detector: painting all 6.45 million entries takes seconds, many more on a busy machine.
const drawn = (panel: Frame) => panel.locator(`${M_CANVAS}[data-drawn="true"]`).waitFor({ timeout: 120_000 });

/** The heatmap's line saying which rows and columns are in view. */
const rangeText = (panel: Frame) => panel.locator(`${M_FIGURE} [data-role="heatmap-window"]`).textContent();

/** Back to the whole of M, with nothing focused in it: where every test starts. */
async function showWholeM(panel: Frame, m: KernelMatrixRows): Promise<void> {
  await panel.locator(M_CANVAS).evaluate((canvas) => (canvas as unknown as { blur(): void }).blur());
  const reset = panel.locator(`${M_FIGURE} [data-action="zoom-reset"]`);
  if (await reset.isEnabled()) {
    await reset.click();
    await drawn(panel);
  }
  assert.deepStrictEqual(await windowOf(panel), [0, 0, m.rows, m.cols]);
}

/** The tooltip's `(row R, col C) = V`. */
async function tooltipEntry(panel: Frame): Promise<{ row: number; col: number; value: number; text: string }> {
  const text = (await panel.locator('#convlens-tooltip').textContent()) ?? '';
  const match = /\(row (\d+), col (\d+)\) = (-?[\d.]+)$/.exec(text);
  assert.ok(match, `tooltip: ${text}`);
  return { row: Number(match[1]), col: Number(match[2]), value: Number(match[3]), text };
}

/**
 * Page-side: clicks `action` (a zoom button) and watches animation frames until M is painted again; the
 * longest gap between frames says how long the panel stopped answering (reported, not asserted).
 */
const REPAINT_WATCH = `(async (action) => {
  const canvas = document.querySelector('${M_CANVAS}');
  document.querySelector('${M_FIGURE} [data-action="' + action + '"]').click();
  const started = performance.now();
  let last = started;
  let longest = 0;
  let frames = 0;
  while (canvas.dataset.drawn !== 'true' && performance.now() - started < 30000) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    frames++;
  }
  return { ms: performance.now() - started, longest, frames };
})`;

/** Page-side: the RGB of M's canvas pixel (x, y), and the canvas's size. */
const PIXEL = `((at) => {
  const canvas = document.querySelector('${M_CANVAS}');
  return {
    pixel: Array.from(canvas.getContext('2d').getImageData(at.x, at.y, 1, 1).data.slice(0, 3)),
    size: [canvas.width, canvas.height],
  };
})`;

interface PixelAndTheme {
  pixel: Rgb;
  size: [number, number];
  /** The theme's editor background and chart blue, which the heatmap is drawn in. */
  background: Rgb;
  positive: Rgb;
}

async function pixelAt(panel: Frame, x: number, y: number): Promise<PixelAndTheme> {
  const { pixel, size } = await panel.evaluate<{ pixel: Rgb; size: [number, number] }>(
    `${PIXEL}({ x: ${x}, y: ${y} })`,
  );
  return {
    pixel,
    size,
    background: rgbOf(await themeColor(panel, '--vscode-editor-background')),
    positive: rgbOf(await themeColor(panel, '--vscode-charts-blue')),
  };
}

/** A positive entry's colour: on the way from the background to the theme's blue, and off the background. */
function assertPositiveColour({ pixel, background, positive }: PixelAndTheme, what: string): void {
  assert.notDeepStrictEqual(pixel, background, `${what} is the background`);
  pixel.forEach((value, k) =>
    assert.ok(
      value >= Math.min(background[k], positive[k]) - 1 && value <= Math.max(background[k], positive[k]) + 1,
      `${what} ${pixel} is not between the background ${background} and the theme's blue ${positive}`,
    ),
  );
}

/** How far a colour is from another, summed over the channels. */
const distance = (a: Rgb, b: Rgb) => a.reduce((sum, value, k) => sum + Math.abs(value - b[k]), 0);

describe('ConvLens panel: a 512 x 512 input, its kernel matrix never sent', () => {
  const m = engineM();
  let dir: string;
  let panel: Frame;
  let timings = '';

  before(async function () {
    this.timeout(300_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-big-'));
    const file = path.join(dir, 'big-512-k5.json');
    fs.writeFileSync(
      file,
      `{"input": [\n${spec.input.map((row) => JSON.stringify(row)).join(',\n')}\n], "kernel": ${JSON.stringify(spec.kernel)}}\n`,
    );
    const wb = workbench();
    await wb.hideSecondarySideBar();
    // Quick Open takes an absolute path, so the file can live outside the examples folder.
    await wb.openFile(file);
    await wb.page.keyboard.press('Control+A');
    await wb.runCommandFromPalette(COMMAND);
    const started = Date.now();
    panel = await wb.findWebviewFrame(async (f) => (await f.locator(M_CANVAS).count()) > 0, 180_000);
    const shown = Date.now() - started;
    await drawn(panel);
    timings = `after the command: M's canvas on the page in ${shown} ms, painted whole (data-drawn) after ${Date.now() - started} ms`;
  });

  beforeEach(async function () {
    this.timeout(180_000);
    // The colours checked are the dark theme's; a fresh workbench starts dark, an earlier suite may have left another.
    const wb = workbench();
    if ((await wb.page.locator('.monaco-workbench.vs-dark').count()) === 0) await wb.setColorTheme('Dark Modern');
    await showWholeM(panel, m);
  });

  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await workbench().runCommandFromPalette('View: Close All Editors');
  });

  it('builds no CSR, yet shows M whole: its shape and 6,451,600 non-zeros', async function () {
    note(this.test, timings);
    assert.strictEqual(await panel.locator('[data-csr-non-zeros]').getAttribute('data-csr-non-zeros'), '0');
    const canvas = panel.locator(M_CANVAS);
    assert.deepStrictEqual(
      [await canvas.getAttribute('data-rows'), await canvas.getAttribute('data-cols')],
      [String(m.rows), String(m.cols)],
    );
    assert.match(
      (await panel.locator('.summary .shapes').textContent()) ?? '',
      /M 262144 × 258064, 6,451,600 non-zeros/,
    );
    assert.strictEqual(await rangeText(panel), 'rows 0–262,143 of 262,144 · columns 0–258,063 of 258,064');
  });

  it('zooms in with a button and repaints that window: its range, its band of entries, empty cells off it', async function () {
    this.timeout(180_000);
    await panel.locator(M_CANVAS).scrollIntoViewIfNeeded();
    const repaint = await panel.evaluate<{ ms: number; longest: number; frames: number }>(
      `${REPAINT_WATCH}('zoom-in')`,
    );
    note(
      this.test,
      `zoom-in repaint of ${(await windowOf(panel)).slice(2).join(' x ')} cells: ${repaint.ms.toFixed(0)} ms, ${repaint.frames} frames, longest frame gap ${repaint.longest.toFixed(0)} ms`,
    );
    await drawn(panel);
    // Around the centre, half of each side.
    assert.deepStrictEqual(await windowOf(panel), [65_536, 64_516, 131_072, 129_032]);
    assert.strictEqual(await rangeText(panel), 'rows 65,536–196,607 of 262,144 · columns 64,516–193,547 of 258,064');
    // 205 x 205 cells a pixel (131,072 rows in 640). Pixel row 320 holds rows 131,136-131,340: input cells
    // x[256, 64..268], each feeding outputs y[252..256, …], columns past 128,000. So pixel column 320 (columns
    // 130,116-130,320) holds entries, among them x[256,164] → y[256,164] (row 131,236, column 130,212) through
    // kernel[0][0] = 1; pixel column 0 (columns 64,516-64,720) holds none.
    assert.strictEqual(m.entryAt(131_236, 130_212), 1);
    const lit = await pixelAt(panel, 320, 320);
    assert.deepStrictEqual(lit.size, [630, 640]);
    assertPositiveColour(lit, 'pixel (320, 320)');
    const empty = await pixelAt(panel, 0, 320);
    assert.deepStrictEqual(empty.pixel, empty.background);
  });

  it('zooms in with the keyboard to single cells and reads back the values the engine computes', async function () {
    this.timeout(180_000);
    const keyboard = panel.page().keyboard;
    await panel.locator(M_CANVAS).focus();
    // From M's first cell: row 513 is input cell x[0,1,1], eight rows a page.
    await keyboard.press('Control+Home');
    assert.match((await tooltipEntry(panel)).text, /\(row 0, col 0\) = 1$/);
    for (let i = 0; i < 64; i++) await keyboard.press('PageDown');
    await keyboard.press('ArrowDown');
    for (let i = 0; i < 14; i++) await keyboard.press('+');
    await drawn(panel);
    const [row, col, rows, cols] = await windowOf(panel);
    assert.deepStrictEqual([rows, cols], [16, 16]);
    assert.ok(row <= 513 && 513 < row + rows && col === 0, `window ${[row, col, rows, cols]}`);
    assert.strictEqual(await rangeText(panel), `rows ${row}–${row + 15} of 262,144 · columns 0–15 of 258,064`);
    assert.strictEqual(
      await panel.evaluate('document.activeElement?.dataset.matrix'),
      'kernel_matrix',
      'the keyboard stays on M',
    );

    // x[1,1] meets y[0,0] through kernel[1][1] = 7, y[0,1] through kernel[1][0] = 6; y[0,2] not at all.
    const seen: string[] = [];
    for (let step = 0; step < 4; step++) {
      const entry = await tooltipEntry(panel);
      assert.strictEqual(entry.value, m.entryAt(entry.row, entry.col), entry.text);
      seen.push(`${entry.row},${entry.col}=${entry.value}`);
      await keyboard.press('ArrowRight');
    }
    assert.deepStrictEqual(seen, ['513,0=7', '513,1=6', '513,2=0', '513,3=0']);
    assert.match((await tooltipEntry(panel)).text, /^M: x\[1,1\] → y\[0,4\]/);

    // One pixel a cell now: the stored entries in the theme's blue, 7 stronger than 6; the empty cell the background.
    const seven = await pixelAt(panel, 0, 513 - row);
    const six = await pixelAt(panel, 1, 513 - row);
    const empty = await pixelAt(panel, 2, 513 - row);
    assert.deepStrictEqual(seven.size, [16, 16]);
    assertPositiveColour(seven, 'the entry 7');
    assertPositiveColour(six, 'the entry 6');
    assert.ok(
      distance(seven.pixel, seven.background) > distance(six.pixel, six.background),
      `${seven.pixel} vs ${six.pixel}`,
    );
    assert.deepStrictEqual(empty.pixel, empty.background);
    await panel
      .locator('.stage-kernel-matrix')
      .evaluate((e) => (e as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
    await workbench().screenshot('big-matrix-zoomed-dark');
  });

  it('whole, in the dark theme: the legend names the colours and the binning, its swatch the theme blue', async () => {
    await panel
      .locator('.stage-kernel-matrix')
      .evaluate((e) => (e as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
    const legend = panel.locator(`${M_FIGURE} .legend`);
    assert.ok(await legend.isVisible(), 'the legend is not visible');
    // Entries 1..25 (no negatives): 0 and the largest, 25; 410 x 410 cells a pixel (262,144 rows in 640).
    assert.deepStrictEqual(await legend.locator('.legend-entry, .legend-note').allTextContents(), [
      '0',
      '25',
      'one pixel = 410 × 410 cells, showing the largest magnitude',
    ]);
    assert.strictEqual(
      await backgroundOf(legend.locator('.legend-entry', { hasText: '25' }).locator('.swatch')),
      await themeColor(panel, '--vscode-charts-blue'),
    );
    assert.ok(await panel.locator(`${M_FIGURE} .zoom-hint`).isVisible(), 'the zoom hint is not visible');
    await workbench().screenshot('big-matrix-dark');
  });

  it('Ctrl+wheel zooms around the pointer, which stays on the same cell', async function () {
    this.timeout(180_000);
    const canvas = panel.locator(M_CANVAS);
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    assert.ok(box);
    const mouse = panel.page().mouse;
    const at = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.6 };
    await mouse.move(at.x, at.y);
    const before = await tooltipEntry(panel);
    await panel.page().keyboard.down('Control');
    for (let i = 0; i < 3; i++) await mouse.wheel(0, -100);
    await panel.page().keyboard.up('Control');
    await drawn(panel);
    const [, , rows, cols] = await windowOf(panel);
    assert.deepStrictEqual([rows, cols], [32_768, 32_258]);
    // Back and forth, so the page hears the pointer again over the new window.
    await mouse.move(at.x + 1, at.y);
    await mouse.move(at.x, at.y);
    const after = await tooltipEntry(panel);
    // The same cell, give or take the pixel it sat on unzoomed (a wheel event's position is in whole pixels).
    const pixel = { rows: m.rows / box.height, cols: m.cols / box.width };
    assert.ok(
      Math.abs(after.row - before.row) <= pixel.rows && Math.abs(after.col - before.col) <= pixel.cols,
      `${before.text} → ${after.text}`,
    );
    await mouse.move(0, 0);
  });
});
