// The panel for every rank and padding mode: conv1d and conv3d, their transposes, and PyTorch's padding modes, read
// back from the webview's DOM (3-D tensors one depth slice at a time, through the slice picker) and compared with
// what PyTorch computed (test/fixtures/golden-convnd.json).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Frame } from 'playwright-core';
import { GoldenNdCase, goldenSpecText, loadGoldenNdCases, NestedNumbers } from '../../support/golden';
import { scrollThroughTables } from '../tableRows';
import { workbench } from '../uiSuite';
import { convolve } from './convolveFile';

/** What the page's elements look like from here (this file compiles without the DOM library). */
interface Cell {
  dataset: Record<string, string | undefined>;
  textContent: string | null;
}
interface Table {
  dataset: Record<string, string | undefined>;
  offsetParent: unknown;
  querySelectorAll(selector: string): Iterable<Cell>;
}

/** One drawn plane of a matrix: its channel (`data-channel`), depth slice (`data-depth`) and values by row. */
interface Plane {
  channel: string | undefined;
  depth: string | undefined;
  visible: boolean;
  rows: number[][];
}

async function planes(frame: Frame, matrix: string): Promise<Plane[]> {
  await scrollThroughTables(frame, `table[data-matrix="${matrix}"]`);
  return frame.$$eval(`table[data-matrix="${matrix}"]`, (tables) =>
    (tables as unknown as Table[]).map((table) => {
      const rows: number[][] = [];
      for (const cell of table.querySelectorAll('td[data-value]'))
        (rows[Number(cell.dataset.row)] ??= [])[Number(cell.dataset.col)] = Number(cell.dataset.value);
      return {
        channel: table.dataset.channel,
        depth: table.dataset.depth,
        visible: table.offsetParent !== null,
        rows,
      };
    }),
  );
}

const byName = new Map(loadGoldenNdCases().map((c) => [c.name, c]));
function golden(name: string): GoldenNdCase {
  const found = byName.get(name);
  assert.ok(found, `no golden case named ${name}`);
  return found;
}

const rankOf = (c: GoldenNdCase) => Number(c.op.slice(-2, -1));

/** The H x W planes of a PyTorch tensor `[C][spatial...]` of rank 1, 2 or 3, by channel then depth. */
function planesOf(tensor: NestedNumbers, rank: number): number[][][] {
  const channels = tensor as NestedNumbers[];
  if (rank === 1) return channels.map((row) => [row as number[]]);
  if (rank === 2) return channels as number[][][];
  return (channels as number[][][][]).flat(1);
}

function assertClose(actual: number[][], expected: number[][], what: string): void {
  assert.strictEqual(actual.length, expected.length, `${what}: ${actual.length} rows, expected ${expected.length}`);
  expected.forEach((row, r) => {
    assert.strictEqual(actual[r]?.length, row.length, `${what} row ${r}: ${JSON.stringify(actual[r])}`);
    row.forEach((value, c) =>
      assert.ok(
        Math.abs(actual[r][c] - value) <= 1e-9 * Math.max(1, Math.abs(value)),
        `${what}[${r}][${c}] = ${actual[r][c]}, PyTorch: ${value}`,
      ),
    );
  });
}

/** Button `depth` of the slice picker of a tensor (the forward section's copy). */
const sliceButton = (frame: Frame, matrix: string, depth: number) =>
  frame.locator(`.slice-picker[data-slices="${matrix}"] button[data-depth="${depth}"]`).first();

/**
 * Reads a tensor as drawn and compares it with PyTorch's `[C][spatial...]`: in 3-D, each depth slice is picked with
 * the slice picker and read while it alone is shown.
 */
async function assertTensor(frame: Frame, matrix: string, expected: NestedNumbers, rank: number): Promise<void> {
  const want = planesOf(expected, rank);
  const channels = (expected as NestedNumbers[]).length;
  if (rank < 3) {
    const drawn = await planes(frame, matrix);
    assert.strictEqual(drawn.length, want.length, `${matrix}: ${drawn.length} planes drawn`);
    drawn.forEach((plane, p) => {
      assert.strictEqual(plane.depth, undefined, `${matrix} has no depth slices`);
      assertClose(plane.rows, want[p], `${matrix} channel ${p}`);
    });
    return;
  }
  const depth = want.length / channels;
  for (let d = 0; d < depth; d++) {
    if (depth > 1) await sliceButton(frame, matrix, d).click();
    const shown = (await planes(frame, matrix)).filter((p) => p.visible);
    assert.deepStrictEqual(
      shown.map((p) => p.depth),
      Array.from({ length: channels }, () => String(d)),
      `${matrix}: picking slice ${d} shows exactly that slice of each channel`,
    );
    shown.forEach((plane, c) => assertClose(plane.rows, want[c * depth + d], `${matrix} channel ${c} depth ${d}`));
  }
}

/** Where padded position `q` of an axis of `size` cells copies from, by PyTorch's definition of each mode. */
function copiedPosition(mode: string, size: number, q: number): number {
  if (q >= 0 && q < size) return q;
  if (mode === 'reflect') return q < 0 ? -q : 2 * (size - 1) - q;
  if (mode === 'replicate') return q < 0 ? 0 : size - 1;
  return ((q % size) + size) % size;
}

const HOW: Record<string, string> = { reflect: 'reflected', replicate: 'replicated', circular: 'wrapped' };

describe('ConvLens panel: every rank and padding mode', () => {
  let dir: string;
  const fileOf = (c: GoldenNdCase) => {
    const file = path.join(dir, `${c.name.replace(/[^a-z0-9]+/gi, '-')}.json`);
    fs.writeFileSync(file, goldenSpecText(c));
    return file;
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-ranks-'));
    await workbench().hideSecondarySideBar();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The top of the panel and its kernel matrix, in a dark and a light theme. */
  async function screenshots(frame: Frame, name: string): Promise<void> {
    const wb = workbench();
    const shot = `panel-${name.replace(/[^a-z0-9]+/gi, '-')}`;
    for (const theme of ['Dark Modern', 'Light Modern']) {
      await wb.setColorTheme(theme);
      await wb.page.waitForTimeout(300);
      const suffix = theme.split(' ')[0].toLowerCase();
      await frame.evaluate('window.scrollTo(0, 0)');
      await wb.screenshot(`${shot}-${suffix}`);
      await frame.evaluate("document.querySelector('section.stage-kernel-matrix').scrollIntoView()");
      await wb.screenshot(`${shot}-M-${suffix}`);
    }
    await wb.setColorTheme('Dark Modern');
  }

  const SHOTS = [
    'conv1d stride, padding and dilation',
    'conv3d stride, padding and dilation differ per axis',
    'conv_transpose3d stride, padding, dilation and output_padding per axis',
    'conv3d reflect padding 1',
  ];
  const CASES = [
    'conv1d stride, padding and dilation',
    'conv3d stride, padding and dilation differ per axis',
    'conv_transpose1d stride, padding, dilation and output_padding',
    'conv_transpose3d stride, padding, dilation and output_padding per axis',
    'conv1d reflect padding 2, dilation 2',
    'conv2d reflect padding [1, 2], stride [2, 1], dilation [1, 2]',
    'conv2d replicate padding [2, 1]',
    'conv2d circular padding 1, stride 2',
    'conv3d reflect padding 1',
    'conv3d replicate padding [1, 2, 0]',
    'conv3d circular padding [1, 1, 0], groups 2, bias',
    'conv1d circular padding 1, groups 2, bias',
  ];
  for (const name of CASES) {
    it(`${name}: the panel shows PyTorch's numbers`, async () => {
      const c = golden(name);
      const rank = rankOf(c);
      const frame = await convolve(fileOf(c));
      assert.strictEqual(await frame.locator('.summary .op').textContent(), c.op);
      await assertTensor(frame, 'input', c.input, rank);
      await assertTensor(frame, 'output', c.expected, rank);
      if (c.reconstruction) await assertTensor(frame, 'reconstruction', c.reconstruction, rank);
      if (c.kernel_matrix) {
        const [m] = await planes(frame, 'kernel_matrix');
        assertClose(m.rows, c.kernel_matrix, 'M');
        // The one-channel kernel, slice by slice.
        const kernel = await planes(frame, 'kernel');
        const want = planesOf((c.weight as NestedNumbers[])[0], rank);
        assert.strictEqual(kernel.length, want.length, `${kernel.length} kernel planes`);
        kernel.forEach((plane, d) => {
          assert.strictEqual(plane.depth, rank === 3 ? String(d) : undefined);
          assertClose(plane.rows, want[d], `kernel depth ${d}`);
        });
      }
      if (rank === 1) {
        // A strip: one row, no row label.
        const rowLabels = await frame.locator('table[data-matrix="input"] th.row-label:visible').count();
        assert.strictEqual(rowLabels, 0, 'a 1-D tensor is drawn without a row label');
        assert.match(await frame.locator('.formula[data-axis="length"]').innerText(), /^L\s*out/);
      }
      if (SHOTS.includes(name)) await screenshots(frame, name);
      if (c.padding_mode !== 'zeros') {
        assert.match(
          await frame.locator('.summary .params').innerText(),
          new RegExp(`padding_mode\\s*"${c.padding_mode}"`),
        );
        await assertCopies(frame, c, rank);
      }
    });
  }

  /** Every padded cell of the input (each plane) shows the value it copies and names that cell. */
  async function assertCopies(frame: Frame, c: GoldenNdCase, rank: number): Promise<void> {
    const want = planesOf(c.input, rank);
    const channels = (c.input as NestedNumbers[]).length;
    const depth = want.length / channels;
    const borders = await frame.$$eval('table[data-matrix="input"]', (tables) =>
      (tables as unknown as Table[]).map((table) =>
        [...table.querySelectorAll('td[data-padding="true"]')].map((cell) => ({
          row: Number(cell.dataset.row),
          col: Number(cell.dataset.col),
          copies: cell.dataset.copies,
          how: cell.dataset.copy,
          text: cell.textContent ?? '',
        })),
      ),
    );
    assert.strictEqual(borders.length, want.length);
    borders.forEach((cells, p) => {
      const plane = want[p];
      const [h, w] = [plane.length, plane[0].length];
      assert.ok(cells.length > 0, `plane ${p} has padded cells`);
      for (const cell of cells) {
        const [i, j] = [copiedPosition(c.padding_mode, h, cell.row), copiedPosition(c.padding_mode, w, cell.col)];
        const [ch, d] = [Math.floor(p / depth), p % depth];
        const spatial = rank === 1 ? [j] : rank === 2 ? [i, j] : [d, i, j];
        const label = `x[${(channels === 1 ? spatial : [ch, ...spatial]).join(',')}]`;
        assert.strictEqual(cell.copies, label, `padded cell ${cell.row},${cell.col} of plane ${p}`);
        assert.strictEqual(cell.how, HOW[c.padding_mode]);
        assert.ok(cell.text.startsWith(String(plane[i][j])), `padded ${cell.row},${cell.col} shows ${cell.text}`);
      }
    });
  }

  it('conv3d: an output cell lights its window on every input slice, its column of M and every kernel slice', async () => {
    const c = golden('conv3d seed-like');
    const frame = await convolve(fileOf(c));
    const m = c.kernel_matrix!;
    const lit = async (matrix: string) =>
      (
        await frame.$$eval(`table[data-matrix="${matrix}"] td.highlight:not(.band)`, (cells) =>
          (cells as unknown as (Cell & { closest(s: string): Table })[]).map(
            (e) => `${e.closest('table').dataset.depth ?? '-'}:${e.dataset.row},${e.dataset.col}`,
          ),
        )
      ).sort();
    // Output y[0,0,1] is column 1 of M: its window is the input rows with an entry there (PyTorch's M).
    await frame.locator('table[data-matrix="output"][data-depth="0"] td[data-row="0"][data-col="1"]').hover();
    const rows = m.map((row, r) => (row[1] !== 0 ? r : -1)).filter((r) => r >= 0);
    const window = rows.map((r) => `${Math.floor(r / 9)}:${Math.floor((r % 9) / 3)},${r % 3}`).sort();
    assert.deepStrictEqual(await lit('input'), window);
    assert.deepStrictEqual(new Set(window.map((cell) => cell[0])), new Set(['0', '1']), 'the window spans both slices');
    assert.deepStrictEqual(await lit('kernel_matrix'), rows.map((r) => `-:${r},1`).sort());
    // All 8 taps, 4 in each kernel depth slice.
    const taps = [0, 1].flatMap((d) => ['0,0', '0,1', '1,0', '1,1'].map((cell) => `${d}:${cell}`));
    assert.deepStrictEqual(await lit('kernel'), taps.sort());
    // The picker says which input slices are involved.
    for (const d of [0, 1])
      assert.match((await sliceButton(frame, 'input', d).getAttribute('class')) ?? '', /\binvolved\b/);
    await workbench().screenshot('panel-conv3d-hover-output');

    // Entry M[13][1] = 7: x[1,1,1] (slice 1) meets w[1,1,0] (kernel slice 1) for y[0,0,1].
    assert.strictEqual(m[13][1], 7);
    await frame.locator('table[data-matrix="kernel_matrix"] td[data-row="13"][data-col="1"]').hover();
    assert.deepStrictEqual(await lit('input'), ['1:1,1']);
    assert.deepStrictEqual(await lit('output'), ['0:0,1']);
    const weights = (c.weight as number[][][][][])[0][0];
    const tap = weights.flatMap((plane, d) =>
      plane.flatMap((row, i) => row.flatMap((w, j) => (w === 7 ? [`${d}:${i},${j}`] : []))),
    );
    assert.deepStrictEqual(await lit('kernel'), tap);
    assert.match((await sliceButton(frame, 'input', 1).getAttribute('class')) ?? '', /\binvolved\b/);
    assert.doesNotMatch((await sliceButton(frame, 'input', 0).getAttribute('class')) ?? '', /\binvolved\b/);
  });

  it('a long conv1d: M is drawn whole as a heatmap, its band from corner to corner', async () => {
    const n = 600;
    const file = path.join(dir, 'long-conv1d.json');
    const input = Array.from({ length: n }, (_, i) => ((i * 7) % 11) - 5);
    fs.writeFileSync(file, JSON.stringify({ op: 'conv1d', input: [input], weight: [[[1, -2, 3, -2, 1]]] }));
    const frame = await convolve(file);
    const m = frame.locator('canvas[data-matrix="kernel_matrix"]');
    await frame.locator('canvas[data-matrix="kernel_matrix"][data-drawn="true"]').waitFor({ timeout: 120_000 });
    // vec(in) has 600 cells, vec(out) 600 - 5 + 1 = 596: the whole of M is in view at first.
    assert.strictEqual(await m.getAttribute('data-window'), `0,0,${n},${n - 4}`);
    await frame.evaluate("document.querySelector('section.stage-kernel-matrix').scrollIntoView()");
    await workbench().screenshot('panel-conv1d-long-M');
  });

  it('reflect: a padded cell names the cell it copies, and hovering it lights that cell', async () => {
    const c = golden('conv2d reflect padding 1');
    const frame = await convolve(fileOf(c));
    const corner = frame.locator('table[data-matrix="input"] td[data-row="-1"][data-col="-1"]');
    // Reflection about the first row and column: position -1 copies position 1 on both axes.
    assert.strictEqual(await corner.getAttribute('data-copies'), 'x[1,1]');
    assert.match((await corner.getAttribute('aria-label')) ?? '', /reflected copy of x\[1,1\]/);
    await corner.hover();
    const copied = await frame.$$eval('table[data-matrix="input"] td.copied', (cells) =>
      (cells as unknown as Cell[]).map((e) => `${e.dataset.row},${e.dataset.col}`),
    );
    assert.deepStrictEqual(copied, ['1,1']);
    for (const [theme, shot] of [
      ['Dark Modern', 'panel-reflect-dark'],
      ['Light Modern', 'panel-reflect-light'],
    ]) {
      await workbench().setColorTheme(theme);
      await frame.locator('.page').waitFor();
      await corner.hover();
      await workbench().page.waitForTimeout(300);
      await workbench().screenshot(shot);
    }
    await workbench().setColorTheme('Dark Modern');
  });

  it('an entry of M that sums several weights says which', async () => {
    // Replicating one cell: x[0] is read at position 0 and again as the copy at -1, so one entry adds two weights.
    const c = golden('conv1d replicate padding 1');
    const frame = await convolve(fileOf(c));
    const m = c.kernel_matrix!;
    const weights = (c.weight as number[][][])[0][0];
    // An entry that equals no single weight is a sum of several (PyTorch's M).
    const [row, col] = m.flatMap((r, i) => r.flatMap((v, j) => (v !== 0 && !weights.includes(v) ? [[i, j]] : [])))[0];
    const entry = frame.locator(`table[data-matrix="kernel_matrix"] td[data-row="${row}"][data-col="${col}"]`);
    assert.match((await entry.getAttribute('title')) ?? '', /sum of w\[\d+\] \+ w\[\d+\]/);
    assert.strictEqual(await entry.getAttribute('data-kind'), 'sum');
  });
});
