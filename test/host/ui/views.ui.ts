// The views that answer what people still ask about convolution: how padding "same" is split, what groups do to M,
// how often each cell is met (the checkerboard), the backward pass, im2col; read back from the webview's DOM and
// compared with what PyTorch computed (test/fixtures).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Frame } from 'playwright-core';
import {
  GoldenBackward,
  GoldenCase,
  GoldenNdSpec,
  goldenSpecText,
  GoldenViewsCase,
  loadGoldenCases,
  loadGoldenViewsCases,
} from '../../support/golden';
import { scrollThroughTables } from '../tableRows';
import { workbench } from '../uiSuite';
import { convolve } from './convolveFile';
import { redrawn } from './redraw';
import { SEED_RECONSTRUCTION } from '../../support/seed';

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
  const table = `table[data-matrix="${matrix}"]${channel === undefined ? '' : `[data-channel="${channel}"]`}`;
  // A section builds its tables just after it opens; a big table makes its rows as they scroll into view.
  await frame.locator(table).first().waitFor();
  await scrollThroughTables(frame, table);
  return frame.$$eval(`${table} td[data-row]`, (cells) =>
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

const viewsByName = new Map(loadGoldenViewsCases().map((c) => [c.name, c]));
function goldenViews(name: string): GoldenViewsCase {
  const found = viewsByName.get(name);
  assert.ok(found, `no golden views case named ${name}`);
  return found;
}

/** Opens a section drawn on demand from the keyboard, as a user without a pointer would (if not open already). */
async function openSection(frame: Frame, name: string): Promise<void> {
  const section = frame.locator(`details[data-section="${name}"]`);
  if ((await section.getAttribute('open')) === null) {
    await section.locator('summary').focus();
    await frame.page().keyboard.press('Enter');
  }
  await frame.locator(`details[data-section="${name}"][open]`).waitFor();
}

/** `row,col` of the highlighted cells (not bands) of a matrix (inside `scope`, a CSS selector), sorted. */
async function lit(frame: Frame, matrix: string, scope = ''): Promise<string[]> {
  const found = await frame.$$eval(`${scope} table[data-matrix="${matrix}"] td.highlight:not(.band)`, (cells) =>
    (cells as unknown as Cell[]).map((e) => `${e.dataset.row},${e.dataset.col}`),
  );
  return found.sort();
}

const td = (frame: Frame, matrix: string, row: number, col: number) =>
  frame.locator(`table[data-matrix="${matrix}"] td[data-row="${row}"][data-col="${col}"]`).first();

/** The section `selector` at the top of the panel, in a dark and a light theme. */
async function screenshots(frame: Frame, selector: string, name: string): Promise<void> {
  const wb = workbench();
  for (const theme of ['Dark Modern', 'Light Modern']) {
    await wb.setColorTheme(theme);
    await frame.locator('.page').waitFor();
    // In one step: the page may be drawn again (the theme's colours) between a look-up and a scroll.
    await frame.evaluate(`document.querySelector('${selector}').scrollIntoView()`);
    await wb.page.waitForTimeout(300);
    await wb.screenshot(`views-${name}-${theme.split(' ')[0].toLowerCase()}`);
  }
  await wb.setColorTheme('Dark Modern');
}

/**
 * Each describe's spec files: a temp dir made before its tests and removed after, and a function that writes a
 * golden case there and convolves it. Files are named after the suite too: a file of the same name open in another
 * editor group would make two tabs alike.
 */
function suiteFiles(suite: string): (c: GoldenNdSpec & { name: string }) => Promise<Frame> {
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `convlens-${suite}-`));
    await workbench().hideSecondarySideBar();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  // A case convolved twice gets a file of its own each time: the first may still be open in another group.
  let runs = 0;
  return (c) => {
    const file = path.join(dir, `${suite}-${++runs}-${c.name.replace(/[^a-z0-9]+/gi, '-')}.json`);
    fs.writeFileSync(file, goldenSpecText(c));
    return convolve(file);
  };
}

describe('ConvLens views: padding "same" and groups', () => {
  const convolveCase = suiteFiles('views');

  it('padding "same" with a 2 x 4 kernel: the split per axis, labelled in the border, the odd cell after', async () => {
    const c = golden('conv2d padding same, even kernel (the odd zero goes after)');
    const frame = await convolveCase({ ...c, padding_mode: 'zeros' });
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
      const frame = await convolveCase({ ...c, padding_mode: 'zeros' });
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

describe('ConvLens views: the overlap map', () => {
  const convolveCase = suiteFiles('overlap');

  it('conv_transpose2d, kernel 3, stride 2: the checkerboard, named; a cell lights the inputs that land on it', async () => {
    const c = goldenViews('conv_transpose2d stride 2');
    const frame = await convolveCase(c);
    assert.strictEqual(await frame.locator('table[data-matrix="overlap"]').count(), 0, 'nothing drawn while closed');
    await openSection(frame, 'overlap');
    const counts = c.overlap as number[][];
    assert.deepStrictEqual(rowsOf(await drawnCells(frame, 'overlap')), counts);
    const why = frame.locator('[data-role="overlap-why"]');
    assert.strictEqual(await why.getAttribute('data-even'), 'false');
    assert.match(
      await why.innerText(),
      /checkerboard[\s\S]*not divisible by the stride[\s\S]*Odena, Dumoulin and Olah/,
    );
    assert.match(await frame.locator('[data-role="overlap-legend"]').innerText(), /1[\s\S]*2[\s\S]*4/);
    // The (input cell, tap) pairs landing on an output cell come from different input cells: as many lit as the count.
    for (const [row, col] of [
      [2, 2],
      [2, 3],
      [3, 3],
    ]) {
      await td(frame, 'overlap', row, col).hover();
      assert.strictEqual((await lit(frame, 'input')).length, counts[row][col], `overlap ${row},${col}`);
      // The same cell of the output, lit with it.
      assert.deepStrictEqual(await lit(frame, 'output'), [`${row},${col}`]);
    }
    await screenshots(frame, 'details[data-section="overlap"]', 'overlap-transposed-checkerboard');
  });

  it('conv_transpose2d, kernel 3, stride 2: the two fixes, a key press each, drawn beside the checkerboard and even', async () => {
    const c = goldenViews('conv_transpose2d stride 2');
    const frame = await convolveCase(c);
    await openSection(frame, 'overlap');
    const fixMap = frame.locator('[data-role="overlap-fix"]');
    assert.ok(await fixMap.isHidden(), 'no fix drawn before one is chosen');
    const button = (fix: string) => frame.locator(`button[data-action="checkerboard-fix"][data-fix="${fix}"]`);
    assert.strictEqual(await button('kernel-divisible').innerText(), 'Kernel 4 (divisible by stride 2)');
    assert.strictEqual(await button('resize-convolve').innerText(), 'Resize ×2, then a 3 × 3 conv');

    // Kernel 4, padding 1, output_padding 1 on the 3 x 3 input: per axis, output position 2i + t - 1 for input i and
    // tap t, counted here directly; a cell's count is its row's times its column's.
    const perAxis = new Array<number>(7).fill(0);
    for (let i = 0; i < 3; i++) for (let t = 0; t < 4; t++) if (2 * i + t - 1 >= 0) perAxis[2 * i + t - 1]++;
    await button('kernel-divisible').focus();
    await frame.page().keyboard.press('Enter');
    const divisible = rowsOf(await drawnCells(frame, 'overlap_fix'));
    assert.deepStrictEqual(
      divisible,
      perAxis.map((y) => perAxis.map((x) => y * x)),
    );
    // Away from the borders (two stamps meet every cell from output 1 to 4) every cell gets 4; the checkerboard had
    // 1, 2 and 4 there.
    const middle = (rows: number[][], from: number, to: number) =>
      new Set(rows.slice(from, to).flatMap((row) => row.slice(from, to)));
    assert.deepStrictEqual([...middle(divisible, 1, 5)], [4], 'even away from the borders');
    assert.deepStrictEqual([...middle(c.overlap as number[][], 1, 5)].sort(), [1, 2, 4], 'uneven before');
    assert.strictEqual(await button('kernel-divisible').getAttribute('aria-pressed'), 'true');
    const changed = frame.locator('[data-role="overlap-fix-changed"]');
    assert.match(
      await changed.innerText(),
      /Kernel 3 × 3 → 4 × 4[\s\S]*padding=1 and output_padding=1 keep the 7 × 7 output[\s\S]*now gets 4 stamps/,
    );
    await screenshots(frame, 'details[data-section="overlap"]', 'overlap-fix-kernel');
    // Kept while the page redraws the same problem (the screenshots changed the theme twice).
    assert.strictEqual(await button('kernel-divisible').getAttribute('aria-pressed'), 'true', 'kept across a redraw');
    // Side by side: the fix's map to the right of the current one, their tops level.
    const [now, fix] = [
      await frame.locator('table[data-matrix="overlap"]').first().boundingBox(),
      await frame.locator('table[data-matrix="overlap_fix"]').first().boundingBox(),
    ];
    assert.ok(
      now && fix && fix.x >= now.x + now.width && Math.abs(fix.y - now.y) < now.height,
      `side by side: ${JSON.stringify([now, fix])}`,
    );

    // Resize then convolve: every output cell of the 6 x 6 upsampled grid, as torch counts the taps reading it.
    await button('resize-convolve').click();
    const resized = rowsOf(await drawnCells(frame, 'overlap_fix'));
    assert.deepStrictEqual(resized, c.resize_convolve_taps);
    assert.deepStrictEqual([...middle(resized, 1, 5)], [9], 'even away from the borders');
    assert.strictEqual(await button('kernel-divisible').getAttribute('aria-pressed'), 'false');
    assert.match(await changed.innerText(), /upsampled ×2[\s\S]*reads all 9 taps[\s\S]*output is 6 × 6 \(was 7 × 7\)/);
    await screenshots(frame, 'details[data-section="overlap"]', 'overlap-fix-resize');
  });

  it('conv2d, stride 3 over a kernel of 2: the row no window reads is named; an output lights its window on the map', async () => {
    const c = goldenViews('conv2d stride 3x1 leaves the last row unread');
    const frame = await convolveCase(c);
    await openSection(frame, 'overlap');
    const counts = c.overlap as number[][];
    const drawn = await drawnCells(frame, 'overlap');
    assert.deepStrictEqual(rowsOf(drawn), counts);
    const zeros = counts.flatMap((row, i) => row.flatMap((n, j) => (n === 0 ? [`${i},${j}`] : [])));
    assert.ok(zeros.length > 0);
    assert.deepStrictEqual(
      drawn
        .filter((cell) => cell.kind === 'unread')
        .map((cell) => `${cell.row},${cell.col}`)
        .sort(),
      zeros.sort(),
    );
    assert.strictEqual(await frame.locator('button[data-action="checkerboard-fix"]').count(), 0, 'a conv has no fix');
    const unreadRows = [...new Set(zeros.map((cell) => cell.split(',')[0]))];
    assert.match(
      await frame.locator('[data-role="overlap-why"]').innerText(),
      new RegExp(`No window reads height positions? ${unreadRows.join(', ')}`),
    );
    // Output y[1,0] reads rows 3-4, columns 0-1 of the input: the same cells light on the overlap map.
    await td(frame, 'output', 1, 0).hover();
    assert.deepStrictEqual(await lit(frame, 'overlap'), ['3,0', '3,1', '4,0', '4,1']);
    await screenshots(frame, 'details[data-section="overlap"]', 'overlap-conv-unread');
  });
});

describe('ConvLens views: the backward pass', () => {
  const convolveCase = suiteFiles('backward');
  const SECTION = 'details[data-section="backward"]';
  const values = async (frame: Frame, matrix: string, channel?: string) =>
    rowsOf(await drawnCells(frame, matrix, channel));

  it('the seed: ones, the output, a typed grad_output; a weight lights the pairs it sums over', async () => {
    const c = goldenViews('seed-example');
    const frame = await convolveCase(c);
    assert.strictEqual(await frame.locator('table[data-matrix="grad_input"]').count(), 0, 'nothing drawn while closed');
    await openSection(frame, 'backward');
    const [ones, random] = c.backward;
    const first = <T>(nested: T[]) => nested[0];
    assert.deepStrictEqual(await values(frame, 'grad_output'), first(ones.grad_output as number[][][]));
    assert.deepStrictEqual(await values(frame, 'grad_input'), first(ones.grad_input as number[][][]));
    assert.deepStrictEqual(await values(frame, 'grad_weight'), first(first(ones.grad_weight as number[][][][])));
    assert.match(
      await frame.locator('[data-role="grad-input-why"]').innerText(),
      /grad_input = vec\(grad_output\) @ Mᵀ[\s\S]*conv_transpose2d[\s\S]*why the transposed convolution exists/,
    );
    // w[0,0] multiplies x[i,j] into y[i,j]: its gradient sums x[i,j] * grad_output[i,j] over the four outputs.
    await td(frame, 'grad_weight', 0, 0).hover();
    assert.deepStrictEqual(await lit(frame, 'input', SECTION), ['0,0', '0,1', '1,0', '1,1']);
    assert.deepStrictEqual(await lit(frame, 'grad_output', SECTION), ['0,0', '0,1', '1,0', '1,1']);
    await td(frame, 'grad_weight', 1, 1).hover();
    assert.deepStrictEqual(await lit(frame, 'input', SECTION), ['1,1', '1,2', '2,1', '2,2']);
    // ... and the same weight in the kernel and M above.
    assert.deepStrictEqual(await lit(frame, 'kernel'), ['1,1']);
    assert.strictEqual((await lit(frame, 'kernel_matrix')).length, 4);

    // The output itself as grad_output: grad_input is then the reconstruction vec(out) @ Mᵀ.
    await frame.locator(`${SECTION} input[value="output"]`).check();
    assert.deepStrictEqual(await values(frame, 'grad_input'), SEED_RECONSTRUCTION);

    // A typed one, read like a selection; a wrong shape is refused where it is, and nothing changes.
    await frame.locator(`${SECTION} input[value="own"]`).check();
    const text = frame.locator('[data-role="grad-output-text"]');
    await text.fill('[[1, 2, 3],\n [4, 5, 6]]');
    await frame.locator('button[data-action="apply-grad-output"]').click();
    const error = frame.locator('[data-role="grad-output-error"]');
    assert.match(
      await error.innerText(),
      /grad_output must have the output's shape \[1, 2, 2\][\s\S]*\(line 1, column 1\)/,
    );
    await text.fill('[[-2, 3],\n [-3, x]]');
    await text.press('Control+Enter');
    assert.match(await error.innerText(), /line 2, column 7\)$/);
    await text.fill(JSON.stringify(random.grad_output));
    await text.press('Control+Enter');
    assert.ok(await error.isHidden());
    assert.deepStrictEqual(await values(frame, 'grad_input'), first(random.grad_input as number[][][]));
    assert.deepStrictEqual(await values(frame, 'grad_weight'), first(first(random.grad_weight as number[][][][])));
    await td(frame, 'grad_weight', 0, 1).hover();
    await screenshots(frame, SECTION, 'backward-seed');

    // The typed grad_output is kept while the page shows the same spec: through the theme changes above.
    const kept = async (f: Frame, want: GoldenBackward, why: string) => {
      assert.deepStrictEqual(await values(f, 'grad_output'), first(want.grad_output as number[][][]), why);
      assert.deepStrictEqual(await values(f, 'grad_input'), first(want.grad_input as number[][][]), why);
    };
    await kept(frame, random, 'after a theme change');
    assert.ok(await frame.locator(`${SECTION} input[value="own"]`).isChecked());
    assert.deepStrictEqual(
      JSON.parse(await frame.locator('[data-role="grad-output-text"]').inputValue()),
      random.grad_output,
    );
    // So is the output chosen as grad_output: grad_input stays the reconstruction.
    await frame.locator(`${SECTION} input[value="output"]`).check();
    await redrawn(frame, () => workbench().setColorTheme('Light Modern'));
    await redrawn(frame, () => workbench().setColorTheme('Dark Modern'));
    assert.ok(await frame.locator(`${SECTION} input[value="output"]`).isChecked());
    assert.deepStrictEqual(await values(frame, 'grad_input'), SEED_RECONSTRUCTION);
  });

  it('three output channels with a bias, stride 2: grad_weight per kernel and grad_bias, as autograd has them', async () => {
    const c = goldenViews('conv2d 2 channels in, 3 out, bias, stride 2');
    const frame = await convolveCase(c);
    await openSection(frame, 'backward');
    // The section opened before stays open on the next run: ones again.
    const [ones] = c.backward;
    const weights = ones.grad_weight as number[][][][];
    for (let o = 0; o < weights.length; o++)
      for (let i = 0; i < weights[o].length; i++)
        assert.deepStrictEqual(
          await values(frame, 'grad_weight', `${o},${i}`),
          weights[o][i],
          `grad_weight[${o}][${i}]`,
        );
    assert.deepStrictEqual(await values(frame, 'grad_bias'), [ones.grad_bias]);
    const gradInput = ones.grad_input as number[][][];
    for (let ch = 0; ch < gradInput.length; ch++)
      assert.deepStrictEqual(await values(frame, 'grad_input', String(ch)), gradInput[ch], `grad_input channel ${ch}`);
  });

  it('conv_transpose2d: its backward pass is the ordinary conv2d, said so', async () => {
    const c = goldenViews('conv_transpose2d stride 2');
    const frame = await convolveCase(c);
    await openSection(frame, 'backward');
    const [ones] = c.backward;
    assert.deepStrictEqual(await values(frame, 'grad_input'), (ones.grad_input as number[][][])[0]);
    assert.match(await frame.locator('[data-role="grad-input-why"]').innerText(), /Mᵀ is conv2d/);
    await screenshots(frame, SECTION, 'backward-transposed');
  });
});

describe('ConvLens views: im2col', () => {
  const convolveCase = suiteFiles('im2col');
  const values = async (frame: Frame, matrix: string) => rowsOf(await drawnCells(frame, matrix));

  it('the seed: W_flat @ im2col(x) = output; a column lights its output cell, its column of M and its window, and back', async () => {
    const c = goldenViews('seed-example');
    const frame = await convolveCase(c);
    assert.strictEqual(await frame.locator('table[data-matrix="im2col"]').count(), 0, 'nothing drawn while closed');
    await openSection(frame, 'im2col');
    assert.deepStrictEqual(await values(frame, 'im2col'), c.im2col);
    assert.deepStrictEqual(await values(frame, 'im2col_weight'), c.im2col_weight);
    assert.deepStrictEqual(await values(frame, 'im2col_output'), [[37, 47, 67, 77]]);
    assert.match(await frame.locator('details[data-section="im2col"] .lead').innerText(), /GEMM[\s\S]*operator itself/);
    // Column 1 is y[0,1]: its window is x[0..1, 1..2], M's column 1 has those four rows (x[i,j] is row 3i + j).
    await td(frame, 'im2col', 2, 1).hover();
    assert.deepStrictEqual(await lit(frame, 'output', 'section.stage-forward'), ['0,1']);
    assert.deepStrictEqual(await lit(frame, 'input', 'section.stage-forward'), ['0,1', '0,2', '1,1', '1,2']);
    assert.deepStrictEqual(await lit(frame, 'kernel_matrix'), ['1,1', '2,1', '4,1', '5,1']);
    const band = await frame.$$eval('table[data-matrix="im2col"] td.band', (cells) =>
      (cells as unknown as Cell[]).map((e) => e.dataset.col),
    );
    assert.deepStrictEqual([...new Set(band)], ['1']);
    await screenshots(frame, 'details[data-section="im2col"]', 'im2col-seed');

    // And back: output y[1,0] lights its column, 2 (columns are output cells row-major), and its cell of the output.
    const bandOf = async () =>
      new Set(
        await frame.$$eval('table[data-matrix="im2col"] td.band', (cells) =>
          (cells as unknown as Cell[]).map((e) => e.dataset.col),
        ),
      );
    await td(frame, 'output', 1, 0).hover();
    assert.deepStrictEqual([...(await bandOf())], ['2']);
    assert.deepStrictEqual(await lit(frame, 'im2col_output'), ['0,2']);
    // Input x[1,1] lies in every 2 x 2 window: output (i, j) reads it through tap (1 - i, 1 - j), row 2(1 - i) + 1 - j.
    const holding: string[] = [];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) holding.push(`${2 * (1 - i) + 1 - j},${2 * i + j}`);
    await td(frame, 'input', 1, 1).hover();
    assert.deepStrictEqual(await lit(frame, 'im2col'), holding.sort());
    // An entry of M, x[1,1] (row 4) meeting y[0,0] (column 0): that column, and the one entry of it holding x[1,1].
    await td(frame, 'kernel_matrix', 4, 0).hover();
    assert.deepStrictEqual([...(await bandOf())], ['0']);
    assert.deepStrictEqual(await lit(frame, 'im2col'), ['3,0']);
    await screenshots(frame, 'details[data-section="im2col"]', 'im2col-seed-from-m');
  });

  it('conv_transpose2d, stride 2: the im2col of its equivalent direct convolution, as PyTorch unfolds it', async () => {
    const c = goldenViews('conv_transpose2d stride 2');
    const frame = await convolveCase(c);
    await openSection(frame, 'im2col');
    assert.deepStrictEqual(await values(frame, 'im2col'), c.im2col);
    assert.deepStrictEqual(await values(frame, 'im2col_weight'), c.im2col_weight);
    await screenshots(frame, 'details[data-section="im2col"]', 'im2col-transposed');
  });
});

describe('ConvLens views: other ranks', () => {
  const convolveCase = suiteFiles('ranks-views');

  it('conv_transpose1d, stride 2: overlap, grad_input and im2col as strips and tables, as PyTorch has them', async () => {
    const c = goldenViews('conv_transpose1d stride 2');
    const frame = await convolveCase(c);
    for (const name of ['overlap', 'backward', 'im2col']) await openSection(frame, name);
    assert.deepStrictEqual(rowsOf(await drawnCells(frame, 'overlap')), [c.overlap]);
    assert.deepStrictEqual(rowsOf(await drawnCells(frame, 'grad_input')), c.backward[0].grad_input);
    assert.deepStrictEqual(rowsOf(await drawnCells(frame, 'im2col')), c.im2col);
  });

  it('conv3d, stride 2: the overlap map slice by slice', async () => {
    const c = goldenViews('conv3d stride 2');
    const frame = await convolveCase(c);
    await openSection(frame, 'overlap');
    const slices = await frame.$$eval('table[data-matrix="overlap"]', (tables) =>
      (tables as unknown as { dataset: Record<string, string>; querySelectorAll(s: string): Cell[] }[]).map((t) => {
        const rows: number[][] = [];
        for (const e of t.querySelectorAll('td[data-value]'))
          (rows[Number(e.dataset.row)] ??= [])[Number(e.dataset.col)] = Number(e.dataset.value);
        return { depth: Number(t.dataset.depth), rows };
      }),
    );
    assert.deepStrictEqual(
      slices.sort((a, b) => a.depth - b.depth).map((slice) => slice.rows),
      c.overlap,
    );
  });
});
