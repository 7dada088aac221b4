// The panel as a user sees it: run the command from the palette, read the numbers back from the webview's
// DOM, hover a cell to see where it comes from, and look at it in a dark and a light theme.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Frame } from 'playwright-core';
import { workbench } from '../uiSuite';
import { COMMAND, convolve } from './convolveFile';
import { redrawn } from './redraw';
import { SEED_KERNEL_MATRIX, SEED_OUTPUT, SEED_RECONSTRUCTION } from '../../support/seed';

/** What the page's cells look like from here (this file compiles without the DOM library). */
interface Cell {
  dataset: Record<string, string | undefined>;
}

/** The `data-value`s of a matrix drawn as a table, row by row. */
async function matrixValues(frame: Frame, matrix: string): Promise<number[][]> {
  return frame.$$eval(`table[data-matrix="${matrix}"] td[data-value]`, (cells) => {
    const rows: number[][] = [];
    for (const cell of cells as unknown as Cell[]) {
      const r = Number(cell.dataset.row);
      (rows[r] ??= [])[Number(cell.dataset.col)] = Number(cell.dataset.value);
    }
    return rows;
  });
}

/** `row,col` of the highlighted cells of a matrix (not the lighter row/column bands of M), sorted. */
async function highlighted(frame: Frame, matrix: string): Promise<string[]> {
  const cells = await frame.$$eval(`table[data-matrix="${matrix}"] td.highlight:not(.band)`, (els) =>
    (els as unknown as Cell[]).map((e) => `${e.dataset.row},${e.dataset.col}`),
  );
  return cells.sort();
}

async function panelWith(matrix: string): Promise<Frame> {
  return workbench().findWebviewFrame(async (f) => (await f.locator(`[data-matrix="${matrix}"]`).count()) > 0, 30_000);
}

/** Where an element of the panel is, and how tall the panel's own window is (this file compiles without the DOM
 * library). */
const placeInPanel = (frame: Frame, selector: string) =>
  frame.evaluate<{ top: number; bottom: number; height: number; scrollY: number }>(`(() => {
    const box = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, height: innerHeight, scrollY };
  })()`);

describe('ConvLens panel', () => {
  let panel: Frame;

  before(async () => {
    await workbench().hideSecondarySideBar();
    await convolve('seed.json');
    panel = await panelWith('reconstruction');
  });

  it('shows the output, the reconstruction and the kernel matrix of the seed example', async () => {
    assert.deepStrictEqual(await matrixValues(panel, 'input'), [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    assert.deepStrictEqual(await matrixValues(panel, 'kernel'), [
      [1, 2],
      [3, 4],
    ]);
    assert.deepStrictEqual(await matrixValues(panel, 'output'), SEED_OUTPUT);
    assert.deepStrictEqual(await matrixValues(panel, 'reconstruction'), SEED_RECONSTRUCTION);
    assert.deepStrictEqual(await matrixValues(panel, 'kernel_matrix'), SEED_KERNEL_MATRIX);
  });

  it('shows the output-size formula with the numbers plugged in', async () => {
    const text = await panel.locator('body').innerText();
    assert.ok(text.includes('floor((3 + 2*0 - 1*(2 - 1) - 1) / 1) + 1 = 2'), text.slice(0, 500));
    // Beneath it, the formula in symbols, named after its axis.
    assert.ok(text.includes('floor((H_in + 2*padding - dilation*(k - 1) - 1) / stride) + 1'), text.slice(0, 500));
    assert.ok(text.includes('floor((W_in + 2*padding - dilation*(k - 1) - 1) / stride) + 1'), text.slice(0, 500));
    assert.match(text, /not the inverse/);
  });

  it('hovering an output cell lights its input window and its column of M', async () => {
    await panel.locator('table[data-matrix="output"] td[data-row="0"][data-col="1"]').hover();
    assert.deepStrictEqual(await highlighted(panel, 'input'), ['0,1', '0,2', '1,1', '1,2']);
    assert.deepStrictEqual(await highlighted(panel, 'kernel_matrix'), ['1,1', '2,1', '4,1', '5,1']);
    await workbench().screenshot('panel-seed-hover');
  });

  it('hovering an input cell lights the outputs it feeds', async () => {
    await panel.locator('table[data-matrix="input"] td[data-row="1"][data-col="1"]').hover();
    assert.deepStrictEqual(await highlighted(panel, 'output'), ['0,0', '0,1', '1,0', '1,1']);
  });

  it('cells are announced to screen readers', async () => {
    const label = await panel
      .locator('table[data-matrix="output"] td[data-row="0"][data-col="1"]')
      .getAttribute('aria-label');
    assert.match(label ?? '', /output row 1 column 2: 47/);
  });

  it('follows the colour theme (screenshots in dark, light and high contrast)', async () => {
    const background = () =>
      panel.evaluate<string>(
        "getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background')",
      );
    const seen: string[] = [];
    for (const [theme, shot] of [
      ['Dark Modern', 'panel-seed-dark'],
      ['Dark High Contrast', 'panel-seed-high-contrast'],
      ['Light Modern', 'panel-seed-light'],
    ]) {
      await workbench().setColorTheme(theme);
      await workbench().page.waitForTimeout(300);
      seen.push(await background());
      await workbench().screenshot(shot);
    }
    assert.strictEqual(new Set(seen).size, 3, `the panel background did not follow the theme: ${seen.join(', ')}`);
  });

  it('a new run in the same panel starts at its header; a redraw of the same view keeps the place', async () => {
    const wb = workbench();
    if ((await wb.page.locator('.monaco-workbench.vs-dark').count()) === 0) await wb.setColorTheme('Dark Modern');
    let frame = await convolve('seed.json');
    await frame.evaluate("document.querySelector('section.stage-transposed').scrollIntoView({ block: 'start' })");
    const scrolled = await placeInPanel(frame, 'section.stage-transposed');
    assert.ok(scrolled.scrollY > 200, `the panel scrolled only to ${scrolled.scrollY}`);
    // The theme changes: the same view is drawn again, where it was.
    await redrawn(frame, () => wb.setColorTheme('Light Modern'));
    assert.strictEqual((await placeInPanel(frame, 'section.stage-transposed')).scrollY, scrolled.scrollY);
    await redrawn(frame, () => wb.setColorTheme('Dark Modern'));

    frame = await convolve('transposed-stride2.json');
    assert.strictEqual(await frame.locator('.summary .op').textContent(), 'conv_transpose2d');
    const header = await placeInPanel(frame, '.summary .title-row');
    assert.strictEqual(header.scrollY, 0);
    assert.ok(header.top >= 0 && header.bottom <= header.height, `header at ${header.top}–${header.bottom}`);
  });

  it('a ragged matrix gets a located error notification', async () => {
    const wb = workbench();
    await wb.openFile('ragged-rows.json');
    await wb.page.keyboard.press('Control+A');
    await wb.runCommandFromPalette(COMMAND);
    const toast = wb.page.getByText(/ConvLens: input\[1\] has 2 elements/).first();
    await toast.waitFor();
    const text = await toast.innerText();
    assert.match(text, /input\[1\] has 2 elements, but input\[0\] has 3/);
    assert.match(text, /ragged-rows\.json:4:5/);
    await wb.screenshot('error-ragged-rows');
  });
});

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A heatmap's figure and the parts of it a user must see, as laid out in the panel. */
interface HeatmapFigure {
  matrix: string;
  figure: Box;
  canvas: Box;
  range: Box;
  hint: Box;
  legend: Box;
  rangeText: string;
  /** Whether the figure has content to scroll to (then part of it is hidden). */
  scrolls: boolean;
}

/** Page-side: every channel figure that holds a heatmap. */
const HEATMAP_FIGURES = `[...document.querySelectorAll('figure.channel')]
  .filter((figure) => figure.querySelector('canvas.heatmap-canvas'))
  .map((figure) => {
    const box = (selector) => {
      const { top, bottom, left, right } = figure.querySelector(selector).getBoundingClientRect();
      return { top, bottom, left, right };
    };
    const { top, bottom, left, right } = figure.getBoundingClientRect();
    return {
      matrix: figure.querySelector('canvas').dataset.matrix ?? \`\${figure.querySelector('canvas').dataset.compare} compared\`,
      figure: { top, bottom, left, right },
      canvas: box('canvas.heatmap-canvas'),
      range: box('[data-role="heatmap-window"]'),
      hint: box('.zoom-hint'),
      legend: box('.legend'),
      rangeText: figure.querySelector('[data-role="heatmap-window"]').textContent,
      scrolls: figure.scrollHeight > figure.clientHeight || figure.scrollWidth > figure.clientWidth,
    };
  })`;

/** `inner` lies within `outer` (to a fraction of a pixel) and has an area. */
function assertInside(inner: Box, outer: Box, what: string): void {
  const e = 0.5;
  assert.ok(inner.bottom > inner.top && inner.right > inner.left, `${what} has no size: ${JSON.stringify(inner)}`);
  assert.ok(
    inner.top >= outer.top - e &&
      inner.bottom <= outer.bottom + e &&
      inner.left >= outer.left - e &&
      inner.right <= outer.right + e,
    `${what} ${JSON.stringify(inner)} is not inside its figure ${JSON.stringify(outer)}`,
  );
}

/** Each heatmap's canvas, range line, hint and legend lie inside its figure, which has nothing to scroll. */
function assertFits(figures: HeatmapFigure[]): void {
  for (const f of figures) {
    assert.strictEqual(f.scrolls, false, `the ${f.matrix} figure scrolls`);
    for (const part of ['canvas', 'range', 'hint', 'legend'] as const)
      assertInside(f[part], f.figure, `${f.matrix} ${part}`);
  }
}

describe('ConvLens panel: a 200 x 200 input, drawn as heatmaps', () => {
  let dir: string;
  let file: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-heatmaps-'));
    file = path.join(dir, 'heatmaps-200.json');
    const input = Array.from({ length: 200 }, (_, i) =>
      Array.from({ length: 200 }, (_, j) => ((i * 7 + j * 3) % 11) - 5),
    );
    fs.writeFileSync(
      file,
      JSON.stringify({
        input,
        kernel: [
          [1, 0, -1],
          [2, 0, -2],
          [1, 0, -1],
        ],
      }),
    );
  });

  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await workbench().runCommandFromPalette('View: Close All Editors');
  });

  it('each heatmap fits its figure: canvas, zoom range, hint and legend in view, nothing to scroll', async () => {
    const wb = workbench();
    await wb.hideSecondarySideBar();
    if ((await wb.page.locator('.monaco-workbench.vs-dark').count()) === 0) await wb.setColorTheme('Dark Modern');
    const frame = await convolve(file);
    const figures = await frame.evaluate<HeatmapFigure[]>(HEATMAP_FIGURES);
    // The input, the output, the input again beside the reconstruction, and the reconstruction, at least.
    const drawn = figures.map((f) => f.matrix);
    for (const matrix of ['input', 'output', 'input compared', 'reconstruction'])
      assert.ok(drawn.includes(matrix), `no ${matrix} heatmap among ${drawn.join(', ')}`);
    assertFits(figures);
    const output = figures.find((f) => f.matrix === 'output')!;
    assert.strictEqual(output.rangeText, 'rows 0–197 of 198 · columns 0–197 of 198');
    await frame.locator('canvas[data-matrix="output"]').scrollIntoViewIfNeeded();
    await wb.screenshot('heatmaps-200-dark');
    // Drawn again in the light theme, the same layout.
    await redrawn(frame, () => wb.setColorTheme('Light Modern'));
    assertFits(await frame.evaluate<HeatmapFigure[]>(HEATMAP_FIGURES));
    await frame.locator('canvas[data-matrix="output"]').scrollIntoViewIfNeeded();
    await wb.screenshot('heatmaps-200-light');
    await redrawn(frame, () => wb.setColorTheme('Dark Modern'));
  });
});
