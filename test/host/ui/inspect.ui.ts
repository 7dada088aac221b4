// Inspecting a convolution in the panel as a user does: hover and focus cells to see where each number comes
// from and goes (padding, dilation gaps, the weight each cell meets), step through the op, compare the three
// faces of the transposed convolution and the least-squares inverse, export snippets and pictures.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Frame, Locator } from 'playwright-core';
import { workbench } from '../uiSuite';
import { convolve } from './convolveFile';
import { backgroundOf, themeColor } from './pageColors';
import { redrawn } from './redraw';

/** What the page's cells look like from here (this file compiles without the DOM library). */
interface Cell {
  dataset: Record<string, string | undefined>;
}

/** `row,col` of the cells of `matrix` matching `filter` (a CSS suffix for `td`), sorted. */
async function cells(frame: Frame, matrix: string, filter: string): Promise<string[]> {
  const found = await frame.$$eval(`table[data-matrix="${matrix}"] td${filter}`, (els) =>
    (els as unknown as Cell[]).map((e) => `${e.dataset.row},${e.dataset.col}`),
  );
  return found.sort();
}

/** Highlighted cells (not the lighter row/column bands of M), padding cells included. */
const highlighted = (frame: Frame, matrix: string) => cells(frame, matrix, '.highlight:not(.band)');
const gaps = (frame: Frame, matrix: string) => cells(frame, matrix, '.gap');

/** `row,col=note` for every cell carrying a weight badge. */
async function meets(frame: Frame, matrix: string): Promise<string[]> {
  const found = await frame.$$eval(`table[data-matrix="${matrix}"] td[data-meets]`, (els) =>
    (els as unknown as Cell[]).map((e) => `${e.dataset.row},${e.dataset.col}=${e.dataset.meets}`),
  );
  return found.sort();
}

async function values(frame: Frame, matrix: string): Promise<number[][]> {
  return frame.$$eval(`table[data-matrix="${matrix}"] td[data-value]`, (els) => {
    const rows: number[][] = [];
    for (const cell of els as unknown as Cell[])
      (rows[Number(cell.dataset.row)] ??= [])[Number(cell.dataset.col)] = Number(cell.dataset.value);
    return rows;
  });
}

const td = (frame: Frame, matrix: string, row: number, col: number) =>
  frame.locator(`table[data-matrix="${matrix}"] td[data-row="${row}"][data-col="${col}"]`);

/**
 * Moves the pointer out of the panel, so only the keyboard or the step-through drive the highlight (a pointer
 * left inside would land on whatever cell scrolls under it).
 */
async function pointerAway(): Promise<void> {
  await workbench().page.mouse.move(700, 4);
}

/** Convolves an example and waits for this run's drawing (not a previous panel's) to show `ready`. */
async function convolveExample(file: string, ready: string): Promise<Frame> {
  const panel = await convolve(file);
  await panel.locator(ready).first().waitFor({ timeout: 30_000 });
  return panel;
}

/** A screenshot with `selector` scrolled to the top of the panel, hovering `hover` once it is there. */
async function shoot(frame: Frame, selector: string, name: string, hover?: () => Promise<void>): Promise<void> {
  await pointerAway();
  await frame
    .locator(selector)
    .first()
    .evaluate((e) => (e as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
  await hover?.();
  await workbench().page.waitForTimeout(150);
  const file = await workbench().screenshot(name);
  // The section alone too, at full resolution, when it fits the window.
  const section = frame.locator(selector).first();
  if (((await section.boundingBox())?.height ?? Infinity) < 780)
    await section.screenshot({ path: file.replace(/\.png$/, '-section.png') });
}

/** The panel's editor group alone in the window (for pictures), or back beside the editor. */
async function toggleMaximizedPanel(): Promise<void> {
  const wb = workbench();
  await wb.page.locator('.tab', { hasText: 'ConvLens' }).first().click();
  await wb.runCommandFromPalette('View: Toggle Maximize Editor Group');
}

/** Each view in the current theme, with something hovered or stepped so the linking shows. */
async function shootViews(frame: Frame, prefix: string, hovers: Record<string, () => Promise<void>>): Promise<void> {
  for (const [name, selector] of VIEWS) await shoot(frame, selector, `${prefix}-${name}`, hovers[name]);
}

/**
 * Switches to `theme` and checks the panel follows it: the page on the theme's editor background, and the cell
 * `hover` lights (`lit`) in its selection colour.
 */
async function checkTheme(frame: Frame, theme: string, hover: () => Promise<void>, lit: Locator): Promise<void> {
  await pointerAway();
  await redrawn(frame, () => workbench().setColorTheme(theme));
  assert.strictEqual(
    await backgroundOf(frame.locator('body')),
    await themeColor(frame, '--vscode-editor-background'),
    `${theme}: the page background`,
  );
  await hover();
  assert.match((await lit.getAttribute('class')) ?? '', /\bhighlight\b/, `${theme}: the linked cell is not lit`);
  assert.strictEqual(
    await backgroundOf(lit),
    await themeColor(frame, '--vscode-editor-selectionBackground'),
    `${theme}: the linked cell's colour`,
  );
}

/** The views worth a picture, by the element that starts each. */
const VIEWS: [string, string][] = [
  ['forward', 'section.stage-forward'],
  ['steps', 'section.stage-steps'],
  ['transposed', 'section.stage-transposed'],
  ['faces', 'section.stage-faces'],
];

describe('ConvLens inspection: a strided, padded, dilated conv2d', () => {
  let panel: Frame;
  const ready = 'table[data-matrix="input"] td[data-padding="true"]';

  before(async () => {
    await workbench().hideSecondarySideBar();
    panel = await convolveExample('strided-dilated.json', ready);
  });

  it('draws the zero padding around the input, marked data-padding, outside the input coordinates', async () => {
    const padding = await cells(panel, 'input', '[data-padding="true"]');
    // A 5x5 input with padding 1: a 7x7 grid whose 24 border cells are padding.
    assert.strictEqual(padding.length, 24);
    assert.ok(padding.includes('-1,-1') && padding.includes('5,5') && padding.includes('2,-1'), padding.join(' '));
    assert.deepStrictEqual(await values(panel, 'output'), [
      [99, 132],
      [140, 116],
    ]);
  });

  it('hovering an output cell lights its dilated window (padding included), skips the gaps, and names each weight', async () => {
    await td(panel, 'output', 0, 1).hover();
    // Rows -1, 1, 3 and columns 1, 3, 5: stride 2 from row -1 (padding 1), taps 2 apart (dilation 2).
    assert.deepStrictEqual(await highlighted(panel, 'input'), [
      '-1,1',
      '-1,3',
      '-1,5',
      '1,1',
      '1,3',
      '1,5',
      '3,1',
      '3,3',
      '3,5',
    ]);
    const gapCells = await gaps(panel, 'input');
    assert.strictEqual(gapCells.length, 16);
    assert.ok(
      gapCells.includes('0,1') && gapCells.includes('2,4') && gapCells.includes('-1,2') && !gapCells.includes('1,1'),
      gapCells.join(' '),
    );
    assert.deepStrictEqual(await meets(panel, 'input'), [
      '-1,1=×2',
      '-1,3=×1',
      '-1,5=×3',
      '1,1=×1',
      '1,3=×4',
      '1,5=×2',
      '3,1=×3',
      '3,3=×2',
      '3,5=×1',
    ]);
    assert.strictEqual((await highlighted(panel, 'kernel')).length, 9);
    assert.deepStrictEqual(await highlighted(panel, 'kernel_matrix'), ['16,1', '18,1', '6,1', '8,1']);
    // The reconstruction cells this output flows back into.
    assert.deepStrictEqual(await highlighted(panel, 'reconstruction'), ['1,1', '1,3', '3,1', '3,3']);
    await workbench().screenshot('inspect-conv2d-hover-output');
  });

  it('hovering an input cell lights every output it feeds; a padding cell the outputs that read its zero', async () => {
    await td(panel, 'input', 1, 3).hover();
    assert.deepStrictEqual(await highlighted(panel, 'output'), ['0,0', '0,1', '1,0', '1,1']);
    assert.deepStrictEqual(await meets(panel, 'output'), ['0,0=×2', '0,1=×4', '1,0=×3', '1,1=×1']);
    // Its row of M: x[1,3] is row 1*5 + 3 = 8.
    assert.deepStrictEqual(await highlighted(panel, 'kernel_matrix'), ['8,0', '8,1', '8,2', '8,3']);
    await td(panel, 'input', -1, 1).hover();
    assert.deepStrictEqual(await highlighted(panel, 'output'), ['0,0', '0,1']);
    assert.deepStrictEqual(await highlighted(panel, 'kernel_matrix'), []);
    await td(panel, 'input', 0, 0).hover();
    assert.deepStrictEqual(await highlighted(panel, 'output'), [], 'x[0,0] is never read');
  });

  it('hovering an entry of M lights both ends and the weight it holds', async () => {
    await td(panel, 'kernel_matrix', 18, 1).hover();
    assert.deepStrictEqual(await highlighted(panel, 'input'), ['3,3']);
    assert.deepStrictEqual(await highlighted(panel, 'output'), ['0,1']);
    assert.deepStrictEqual(await highlighted(panel, 'kernel'), ['2,1']);
  });

  it('the keyboard reaches every cell, padding included, and drives the same highlighting', async () => {
    await pointerAway();
    await td(panel, 'output', 0, 0).focus();
    await panel.page().keyboard.press('ArrowRight');
    assert.deepStrictEqual(await highlighted(panel, 'input'), [
      '-1,1',
      '-1,3',
      '-1,5',
      '1,1',
      '1,3',
      '1,5',
      '3,1',
      '3,3',
      '3,5',
    ]);
    assert.match((await td(panel, 'output', 0, 1).getAttribute('aria-label')) ?? '', /^output row 1 column 2: 132$/);
    await td(panel, 'input', 0, 0).focus();
    await panel.page().keyboard.press('ArrowUp');
    await panel.page().keyboard.press('ArrowLeft');
    const focused = await panel.evaluate(() => {
      const active = (globalThis as unknown as { document: { activeElement: Cell | null } }).document.activeElement;
      return `${active?.dataset.row},${active?.dataset.col},${active?.dataset.padding}`;
    });
    assert.strictEqual(focused, '-1,-1,true');
    assert.match(
      (await td(panel, 'input', -1, -1).getAttribute('aria-label')) ?? '',
      /^input padding row 0 column 0: 0$/,
    );
  });

  it('steps through the sliding window with the keyboard: running sum, running output, highlighting', async () => {
    await pointerAway();
    const stepper = panel.locator('.stepper');
    await stepper.focus();
    const keyboard = panel.page().keyboard;
    await keyboard.press('ArrowRight');
    const status = panel.locator('[data-role="step-status"]');
    assert.strictEqual(await status.innerText(), 'Step 1 of 4: y[0,0] = 99');
    assert.deepStrictEqual(await highlighted(panel, 'input'), [
      '-1,-1',
      '-1,1',
      '-1,3',
      '1,-1',
      '1,1',
      '1,3',
      '3,-1',
      '3,1',
      '3,3',
    ]);
    await keyboard.press('ArrowRight');
    assert.strictEqual(await status.innerText(), 'Step 2 of 4: y[0,1] = 132');
    // Partial sums: 3 padding zeros, then 1*7 = 7, 4*9 = 36 -> 43, a padding zero, 3*17 = 51 -> 94, 2*19 = 38 -> 132,
    // ...
    const sums = await panel.$$eval('[data-role="running-sum"] td.sum', (els) =>
      els.map((e) => (e as unknown as { textContent: string }).textContent),
    );
    assert.deepStrictEqual(sums, ['0', '0', '0', '0', '7', '43', '43', '94', '132', '132']);
    assert.deepStrictEqual(await values(panel, 'step_output'), [
      [99, 132],
      [Number.NaN, Number.NaN],
    ]);
    await keyboard.press('ArrowLeft');
    assert.strictEqual(await status.innerText(), 'Step 1 of 4: y[0,0] = 99');
    await keyboard.press('End');
    assert.strictEqual(await status.innerText(), 'Step 4 of 4: y[1,1] = 116');
    await keyboard.press('Home');
    assert.match(await status.innerText(), /^Ready: 4 steps/);
    assert.deepStrictEqual(await highlighted(panel, 'input'), []);
  });

  it('plays and pauses with Space at the chosen speed', async () => {
    await panel.locator('.step-speed').fill('12');
    await panel.locator('.stepper').focus();
    await panel.page().keyboard.press(' ');
    await panel.locator('[data-role="step-status"]', { hasText: 'Step 4 of 4' }).waitFor({ timeout: 5000 });
    // It stops by itself at the end.
    assert.strictEqual(await panel.locator('button[data-action="play"]').getAttribute('aria-pressed'), 'false');
  });

  it('the three faces of the reconstruction agree cell for cell, and hovering one lights the others', async () => {
    assert.match(await panel.locator('[data-role="faces-agreement"]').innerText(), /identical, cell for cell/);
    const reconstruction = await values(panel, 'reconstruction');
    for (const face of ['via_matrix', 'via_scatter', 'via_direct'])
      assert.deepStrictEqual(await values(panel, face), reconstruction, face);
    assert.match(
      await panel.locator('[data-role="stretch-params"]').innerText(),
      /zeros between cells\s+stride − 1 = 1[\s\S]*pad before\s+dilation·\(k − 1\) − padding = 3/,
    );
    await td(panel, 'via_direct', 1, 1).hover();
    assert.deepStrictEqual(await highlighted(panel, 'via_matrix'), ['1,1']);
    assert.deepStrictEqual(await highlighted(panel, 'via_scatter'), ['1,1']);
    // x[1,1] gathers every output: y[0,0] through w[1,1] = 4, ..., y[1,1] through w[0,0] = 2 (its row of M: 4 1 1 2).
    assert.deepStrictEqual(await meets(panel, 'scatter_source'), ['0,0=×4', '0,1=×1', '1,0=×1', '1,1=×2']);
  });

  it('sets the least-squares inverse beside the reconstruction and says why they differ', async () => {
    const why = panel.locator('[data-role="not-inverse-why"]');
    await why.waitFor({ timeout: 20_000 });
    assert.match(
      await why.innerText(),
      /^M is 25 × 4 with rank 4: 21 of the input's 25 dimensions leave no trace in the output, so no inverse exists/,
    );
    const ls = await values(panel, 'least_squares');
    // Only the four cells the windows read come back; the never-read ones are 0.
    assert.strictEqual(ls[0][0], 0);
  });

  it('follows the dark, light and high-contrast themes: background, linked cells (and a picture of each view)', async () => {
    await toggleMaximizedPanel();
    for (const [theme, suffix] of [
      ['Light Modern', 'light'],
      ['Dark High Contrast', 'high-contrast'],
      ['Dark Modern', 'dark'],
    ]) {
      await checkTheme(panel, theme, () => td(panel, 'output', 0, 1).hover(), td(panel, 'input', 1, 1));
      await shootViews(panel, `inspect-conv2d-${suffix}`, {
        forward: () => td(panel, 'output', 0, 1).hover(),
        steps: async () => {
          await panel.locator('.stepper').focus();
          for (let i = 0; i < 2; i++) await panel.page().keyboard.press('ArrowRight');
        },
        transposed: () => td(panel, 'reconstruction', 1, 3).hover(),
        faces: () => td(panel, 'via_direct', 1, 1).hover(),
      });
    }
    await toggleMaximizedPanel();
  });
});

describe('ConvLens inspection: conv_transpose2d with output_padding', () => {
  let panel: Frame;

  before(async () => {
    panel = await convolveExample(
      'transposed-output-padding.json',
      'table[data-matrix="via_scatter"] td[data-cropped="true"]',
    );
  });

  it('hovering an input cell lights its stamp on the output; an output cell the inputs it gathers', async () => {
    assert.deepStrictEqual(await values(panel, 'output'), [
      [4, 6, 8, 10, 12, 6],
      [10, 12, 14, 16, 18, 9],
      [16, 18, 20, 22, 24, 12],
      [8, 9, 10, 11, 12, 6],
    ]);
    await td(panel, 'input', 0, 1).hover();
    // Rows -1..1 and columns 1..3 from (0*2 - 1, 1*2 - 1); padding 1 crops row -1.
    assert.deepStrictEqual(await highlighted(panel, 'output'), ['0,1', '0,2', '0,3', '1,1', '1,2', '1,3']);
    assert.deepStrictEqual(await meets(panel, 'output'), ['0,1=×2', '0,2=×4', '0,3=×2', '1,1=×1', '1,2=×2', '1,3=×1']);
    // The output_padding column: y[3,5] gathers only x[1,2], through the kernel's corner.
    await td(panel, 'output', 3, 5).hover();
    assert.deepStrictEqual(await highlighted(panel, 'input'), ['1,2']);
    assert.deepStrictEqual(await meets(panel, 'input'), ['1,2=×1']);
    assert.deepStrictEqual(await highlighted(panel, 'kernel'), ['2,2']);
    await workbench().screenshot('inspect-transposed-hover');
  });

  it('the scatter canvas keeps the cells the padding crops, and the three faces agree', async () => {
    assert.match(await panel.locator('[data-role="faces-agreement"]').innerText(), /identical, cell for cell/);
    const output = await values(panel, 'output');
    for (const face of ['via_matrix', 'via_scatter', 'via_direct'])
      assert.deepStrictEqual(await values(panel, face), output, face);
    // Canvas 5 x 7: one cropped row and column before; after, output_padding 1 takes back the last cell.
    const cropped = await cells(panel, 'via_scatter', '[data-cropped="true"]');
    assert.strictEqual(cropped.length, 5 + 7 - 1);
    assert.ok(cropped.includes('-1,-1') && cropped.includes('3,-1') && cropped.includes('-1,5'));
    assert.match(
      await panel.locator('[data-role="stretch-params"]').innerText(),
      /pad before\s+dilation·\(k − 1\) − padding = 1[\s\S]*pad after\s+dilation·\(k − 1\) − padding \+ output_padding = 2/,
    );
    const kinds = await panel.$$eval('table[data-matrix="stretched"] td[data-kind="inserted"]', (els) => els.length);
    // 2x3 inputs spread to 3x5 with zeros between: 15 - 6 = 9 inserted zeros.
    assert.strictEqual(kinds, 9);
    await td(panel, 'via_direct', 0, 0).hover();
    // The flipped 3x3 kernel's window on the stretched grid starts at its corner.
    assert.deepStrictEqual(await highlighted(panel, 'stretched'), [
      '0,0',
      '0,1',
      '0,2',
      '1,0',
      '1,1',
      '1,2',
      '2,0',
      '2,1',
      '2,2',
    ]);
    assert.deepStrictEqual(await highlighted(panel, 'scatter_source'), ['0,0']);
  });

  it('steps through the scatter: each input cell stamps the kernel, the partial sums add up', async () => {
    await pointerAway();
    await panel.locator('.stepper').focus();
    const keyboard = panel.page().keyboard;
    await keyboard.press('ArrowRight');
    await keyboard.press('ArrowRight');
    assert.strictEqual(
      await panel.locator('[data-role="step-status"]').innerText(),
      'Step 2 of 6: x[0,1] = 2 stamps the kernel, scaled',
    );
    assert.deepStrictEqual(await highlighted(panel, 'output'), ['0,1', '0,2', '0,3', '1,1', '1,2', '1,3']);
    const partial = await values(panel, 'step_output');
    // After x[0,0] = 1 and x[0,1] = 2: y[0,1] = 1*2 + 2*2 = 6, y[0,2] = 2*4 = 8.
    assert.deepStrictEqual(partial[0].slice(0, 4), [4, 6, 8, 4]);
    const cropped = await panel.$$eval('[data-role="running-sum"] tr.padding-term', (els) => els.length);
    assert.strictEqual(cropped, 3);
  });

  it('least squares recovers the input: every input cell leaves its own trace', async () => {
    const why = panel.locator('[data-role="not-inverse-why"]');
    await why.waitFor({ timeout: 20_000 });
    assert.match(
      await why.innerText(),
      /^M is 6 × 24 with rank 6: not square, but every input cell leaves its own trace/,
    );
    assert.match(await panel.locator('[data-role="least-squares-max"]').innerText(), /max \|x_ls − x\| = 0$/);
  });

  it('copies the results as JSON, a PyTorch and a NumPy snippet: text the host builds from its view', async () => {
    const page = workbench().page;
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    const clipboard = () =>
      page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      );
    await panel.locator('button[data-action="copy"]').click();
    await page.getByText('ConvLens: copied results as JSON').first().waitFor();
    const results = JSON.parse(await clipboard()) as { op: string; output: number[][] };
    assert.strictEqual(results.op, 'conv_transpose2d');
    assert.deepStrictEqual(results.output, await values(panel, 'output'));
    await panel.locator('button[data-action="copyTorch"]').click();
    await panel.locator('[data-role="toolbar-status"]', { hasText: 'Copied PyTorch snippet.' }).waitFor();
    await page.getByText('ConvLens: copied PyTorch snippet').first().waitFor();
    assert.match(await clipboard(), /F\.conv_transpose2d\(/);
    await panel.locator('button[data-action="copyNumpy"]').click();
    await page.getByText('ConvLens: copied NumPy snippet').first().waitFor();
    assert.match(await clipboard(), /import numpy as np/);
  });

  it('saves the matrices as SVG and PNG where the save dialog says', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-ui-'));
    const page = workbench().page;
    const input = page.locator('.quick-input-widget input');
    const inputValue = () =>
      page.evaluate(
        () =>
          (
            globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }
          ).document.querySelector('.quick-input-widget input')?.value ?? '',
      );
    // Names that share no prefix, so the dialog's completion of existing names cannot change what was typed.
    for (const [action, file, check] of [
      // The host's own SVG: nothing but svg, rect and text elements.
      [
        'saveSvg',
        'vector-matrices.svg',
        (b: Buffer) =>
          b.toString('utf8').startsWith('<svg xmlns="http://www.w3.org/2000/svg"') &&
          (b.toString('utf8').match(/<\/?[^\s>/]+/g) ?? []).every((tag) => /^<\/?(svg|rect|text)$/.test(tag)),
      ],
      [
        'savePng',
        'raster-matrices.png',
        (b: Buffer) =>
          b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) &&
          b.subarray(-8, -4).toString('latin1') === 'IEND',
      ],
    ] as const) {
      await panel.locator(`button[data-action="${action}"]`).click();
      // VS Code's own save dialog for a remote workspace: a quick input holding the suggested path.
      await input.waitFor();
      const suggested = `convlens-transposed-output-padding.${action === 'saveSvg' ? 'svg' : 'png'}`;
      // The dialog fills in the suggested path a moment after it opens.
      for (let i = 0; i < 50 && !(await inputValue()).endsWith(suggested); i++) await page.waitForTimeout(100);
      assert.ok((await inputValue()).endsWith(suggested), await inputValue());
      const target = path.join(dir, file);
      await input.press('Control+A');
      await input.pressSequentially(target);
      // Let the dialog's file list catch up with the typed path before accepting it.
      for (let i = 0; i < 50 && (await inputValue()) !== target; i++) await page.waitForTimeout(100);
      await page.waitForTimeout(500);
      await workbench().screenshot(`inspect-save-dialog-${file}`);
      await page.keyboard.press('Enter');
      await panel.locator('[data-role="toolbar-status"]', { hasText: `Saved ${target}` }).waitFor({ timeout: 15_000 });
      // The dialog has answered; make sure it is gone (and asked nothing more) before the next click or test sends
      // keys.
      await workbench().closeQuickInput();
      await page.locator('.monaco-dialog-modal-block').waitFor({ state: 'hidden', timeout: 5000 });
      assert.ok(check(fs.readFileSync(target)), `${file} does not look like one`);
    }
    // Keep the exported picture with the screenshots, to look at.
    const shots = path.dirname(await workbench().screenshot('inspect-after-save'));
    fs.copyFileSync(path.join(dir, 'raster-matrices.png'), path.join(shots, 'inspect-exported-matrices.png'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('follows the light and dark themes: background, linked cells (and a picture of each view)', async () => {
    await toggleMaximizedPanel();
    for (const [theme, suffix] of [
      ['Light Modern', 'light'],
      ['Dark Modern', 'dark'],
    ]) {
      await checkTheme(panel, theme, () => td(panel, 'input', 0, 1).hover(), td(panel, 'output', 0, 1));
      await shootViews(panel, `inspect-transposed-${suffix}`, {
        forward: () => td(panel, 'input', 0, 1).hover(),
        steps: async () => {
          await panel.locator('.stepper').focus();
          for (let i = 0; i < 5; i++) await panel.page().keyboard.press('ArrowRight');
        },
        transposed: () => td(panel, 'least_squares', 1, 1).hover(),
        faces: () => td(panel, 'scatter_source', 0, 1).hover(),
      });
    }
    await toggleMaximizedPanel();
  });

  afterEach(async () => {
    // A dialog a failed test left open would swallow the next test's keys.
    await workbench().closeQuickInput();
  });

  after(async () => {
    // Leave the workbench as the next suite expects it: no panel of ours, the default theme, the keyboard
    // focus in the workbench (not in a webview that is going away).
    // Clicking the side bar's title takes the keyboard out of the webview without doing anything else.
    const wb = workbench();
    const sideBarTitle = wb.page.locator('.part.sidebar .composite.title').first();
    await sideBarTitle.click();
    await wb.runCommandFromPalette('View: Close All Editors');
    await sideBarTitle.click();
  });
});
