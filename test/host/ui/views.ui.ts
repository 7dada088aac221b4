// The views that answer what people still ask about convolution: how padding "same" is split, what groups do to M,
// read back from the webview's DOM and compared with what PyTorch computed (test/fixtures).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Frame } from 'playwright-core';
import { GoldenCase, goldenSpecText, loadGoldenCases } from '../../support/golden';
import { workbench } from '../uiSuite';
import { convolve } from './convolveFile';

/** What the page's cells look like from here (this file compiles without the DOM library). */
interface Cell {
  dataset: Record<string, string | undefined>;
  textContent: string | null;
}

/** One drawn table's cells by `row,col`: value (absent on border cells), kind and padding. */
interface Drawn {
  row: number;
  col: number;
  value: number | undefined;
  kind: string | undefined;
  padding: boolean;
}

async function drawnCells(frame: Frame, matrix: string, channel?: string): Promise<Drawn[]> {
  const selector = `table[data-matrix="${matrix}"]${channel === undefined ? '' : `[data-channel="${channel}"]`} td`;
  return frame.$$eval(selector, (cells) =>
    (cells as unknown as Cell[]).map((e) => ({
      row: Number(e.dataset.row),
      col: Number(e.dataset.col),
      value: e.dataset.value === undefined ? undefined : Number(e.dataset.value),
      kind: e.dataset.kind,
      padding: e.dataset.padding === 'true',
    })),
  );
}

/** A table's values by row and column, as PyTorch nests them. */
function rowsOf(cells: Drawn[]): number[][] {
  const rows: number[][] = [];
  for (const c of cells) if (c.value !== undefined) (rows[c.row] ??= [])[c.col] = c.value;
  return rows;
}

/** The headers of a table's columns (the first row's) and rows, in order. */
async function headers(frame: Frame, matrix: string): Promise<{ cols: string[]; rows: string[] }> {
  const texts = (selector: string) =>
    frame.$$eval(`table[data-matrix="${matrix}"] ${selector}`, (els) =>
      (els as unknown as Cell[]).map((e) => e.textContent ?? ''),
    );
  return { cols: await texts('th.col-label'), rows: await texts('th.row-label') };
}

const byName = new Map(loadGoldenCases().map((c) => [c.name, c]));
function golden(name: string): GoldenCase {
  const found = byName.get(name);
  assert.ok(found, `no golden case named ${name}`);
  return found;
}

/** The section `selector` at the top of the panel, in a dark and a light theme. */
async function screenshots(frame: Frame, selector: string, name: string): Promise<void> {
  const wb = workbench();
  for (const theme of ['Dark Modern', 'Light Modern']) {
    await wb.setColorTheme(theme);
    await frame.locator('.page').waitFor();
    await frame.locator(selector).first().scrollIntoViewIfNeeded();
    await frame.evaluate(`document.querySelector('${selector}').scrollIntoView()`);
    await wb.page.waitForTimeout(300);
    await wb.screenshot(`views-${name}-${theme.split(' ')[0].toLowerCase()}`);
  }
  await wb.setColorTheme('Dark Modern');
}

describe('ConvLens views: padding "same" and groups', () => {
  let dir: string;
  const fileOf = (c: GoldenCase) => {
    const file = path.join(dir, `${c.name.replace(/[^a-z0-9]+/gi, '-')}.json`);
    fs.writeFileSync(file, goldenSpecText({ ...c, padding_mode: 'zeros' }));
    return file;
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-views-'));
    await workbench().hideSecondarySideBar();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('padding "same" with a 2 x 4 kernel: the split per axis, labelled in the border, the odd cell after', async () => {
    const c = golden('conv2d padding same, even kernel (the odd zero goes after)');
    const frame = await convolve(fileOf(c));
    assert.deepStrictEqual(rowsOf(await drawnCells(frame, 'output')), c.expected[0]);
    // PyTorch pads dilation·(k − 1) per axis, half before and the odd cell after: height 1 = 0 + 1, width 3 = 1 + 2.
    const split = frame.locator('[data-role="same-padding"]');
    assert.match(
      await split.locator('[data-axis="height"]').innerText(),
      /1·\(2 − 1\) = 1 → 0 before \(top\), 1 after \(bottom\)/,
    );
    assert.match(
      await split.locator('[data-axis="width"]').innerText(),
      /1·\(4 − 1\) = 3 → 1 before \(left\), 2 after \(right\)/,
    );
    assert.match(await split.innerText(), /refuses "same" with a stride above 1/);
    // The 4 x 5 input in a 5 x 8 border: one row after, one column before and two after.
    const padding = (await drawnCells(frame, 'input')).filter((cell) => cell.padding);
    assert.strictEqual(padding.length, 5 * 8 - 4 * 5);
    assert.deepStrictEqual([...new Set(padding.map((cell) => cell.row))].sort(), [0, 1, 2, 3, 4]);
    assert.ok(padding.every((cell) => cell.row === 4 || cell.col === -1 || cell.col >= 5));
    const labels = await headers(frame, 'input');
    assert.deepStrictEqual(labels.cols, ['before', '0', '1', '2', '3', '4', 'after', 'after']);
    assert.deepStrictEqual(labels.rows, ['0', '1', '2', '3', 'after']);
    await screenshots(frame, 'section.stage-forward', 'same-padding');
  });

  /** Rows of M per group (input cells of its channels), columns per group (output cells of its channels). */
  function blocks(c: GoldenCase): { rows: number; cols: number } {
    const [cin, h, w] = [c.input.length, c.input[0].length, c.input[0][0].length];
    const [cout, oh, ow] = [c.expected.length, c.expected[0].length, c.expected[0][0].length];
    return { rows: (cin / c.groups) * h * w, cols: (cout / c.groups) * oh * ow };
  }

  for (const [name, words] of [
    ['conv2d groups 2', /groups = 2: each group's outputs read only its own input channels/],
    ['conv2d depthwise, groups 3', /groups = 3, one per input channel: a depthwise conv2d/],
  ] as const) {
    it(`${name}: M is block-diagonal, its bands labelled by group, zero blocks between them`, async () => {
      const c = golden(name);
      const frame = await convolve(fileOf(c));
      for (let ch = 0; ch < c.expected.length; ch++)
        assert.deepStrictEqual(rowsOf(await drawnCells(frame, 'output', String(ch))), c.expected[ch], `channel ${ch}`);
      const note = frame.locator('[data-role="group-bands"]');
      assert.match(await note.innerText(), words);
      assert.strictEqual(await note.locator('li[data-group]').count(), c.groups);
      const size = blocks(c);
      const last = c.groups - 1;
      assert.match(
        await note.locator(`li[data-group="${last}"]`).innerText(),
        new RegExp(
          `rows ${last * size.rows}–${c.groups * size.rows - 1}, columns ${last * size.cols}(–${c.groups * size.cols - 1})?`,
        ),
      );
      // Every entry outside its group's diagonal block is zero and set apart; every non-zero lies inside one.
      const m = await drawnCells(frame, 'kernel_matrix');
      assert.strictEqual(m.length, c.groups * size.rows * c.groups * size.cols);
      const between = (cell: Drawn) => Math.floor(cell.row / size.rows) !== Math.floor(cell.col / size.cols);
      const apart = m.filter((cell) => cell.kind === 'between-groups');
      assert.strictEqual(apart.length, m.filter(between).length);
      assert.ok(apart.every(between) && apart.every((cell) => cell.value === 0));
      assert.ok(m.filter((cell) => cell.value !== 0).every((cell) => !between(cell)));
      await screenshots(frame, 'section.stage-kernel-matrix', name.replace(/[^a-z0-9]+/gi, '-'));
    });
  }
});
