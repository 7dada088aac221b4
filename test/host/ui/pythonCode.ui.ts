// PyTorch code as a user sees it: the hover on a layer, the shape hints, and the lens that opens the layer in the
// panel, whose output is read back from the webview's DOM and compared with an independent reference.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Frame } from 'playwright-core';
import { repoRoot } from '../../support/golden';
import { note } from '../mochaRun';
import { referenceConvNd } from '../../support/referenceNd';
import { workbench } from '../uiSuite';
import { markDrawn, redrawn } from './redraw';

/** What the page's cells look like from here (this file compiles without the DOM library). */
interface Cell {
  dataset: Record<string, string | undefined>;
}

async function matrixValues(frame: Frame, matrix: string): Promise<number[][]> {
  return frame.$$eval(`table[data-matrix="${matrix}"] td[data-value]`, (cells) => {
    const rows: number[][] = [];
    for (const cell of cells as unknown as Cell[])
      (rows[Number(cell.dataset.row)] ??= [])[Number(cell.dataset.col)] = Number(cell.dataset.value);
    return rows;
  });
}

describe('PyTorch code in the editor', () => {
  let file: string;

  before(async () => {
    // A copy: the suite leaves the fixture as it is, whatever a click does to the editor.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-pytorch-'));
    file = path.join(dir, 'small_cnn.py');
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'models', 'small_cnn.py'), file);
    await workbench().hideSecondarySideBar();
    await workbench().openFile(file);
  });

  it('the hover on a Conv2d and the shape hints, as the editor draws them', async () => {
    const { page } = workbench();
    const hints = page.locator('.monaco-editor .view-lines, .monaco-editor').getByText('→ 16×32×32');
    await hints.first().waitFor({ timeout: 60_000 });
    await page.locator('.view-line', { hasText: 'nn.Conv2d(3, CHANNELS[0]' }).getByText('Conv2d').first().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Output size' });
    await hover.waitFor({ timeout: 30_000 });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    // torch: Conv2d(3, 16, 3, padding=1) on 1x3x32x32 gives 1x16x32x32.
    assert.ok(text.includes('input 1×3×32×32 → output 1×16×32×32'), text);
    assert.ok(text.includes('simplified: H_out = H_in'), text);
    await workbench().screenshot('python-hover');
    await page.keyboard.press('Escape');
  });

  it('a layer built in a loop: one hint with its passes, and a hover that gives each pass', async () => {
    const loop = path.join(path.dirname(file), 'sequential_loop.py');
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'models', 'sequential_loop.py'), loop);
    const wb = workbench();
    await wb.openFile(loop);
    const { page } = wb;
    // torch, StackNet on 2x3x64x64 (golden_shapes.py): the conv's output on each of the loop's 3 passes.
    const convLine = page.locator('.view-line', { hasText: 'nn.Conv2d(CHANNELS[i]' });
    await convLine.getByText('3 passes → 16×64×64, 32×32×32, 64×16×16').waitFor({ timeout: 60_000 });
    await wb.screenshot('python-loop-hints');
    await convLine.getByText('Conv2d').first().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'passes' });
    await hover.waitFor({ timeout: 30_000 });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.ok(text.includes('3 passes of a loop'), text);
    assert.ok(text.includes('pass 3: input 2×32×16×16 → output 2×64×16×16'), text);
    await wb.screenshot('python-loop-hover');
    await page.keyboard.press('Escape');
  });

  it('"Open in ConvLens" on a Conv2d shows its output in the panel, as the reference computes it', async () => {
    // One channel in and out and no bias: the sample is one 3 x 3 plane and the kernel one 3 x 3 plane.
    const one = path.join(path.dirname(file), 'one_channel.py');
    fs.writeFileSync(
      one,
      'import torch.nn as nn\n\n# convlens: input 1x1x8x8\nnet = nn.Sequential(nn.Conv2d(1, 1, 3, padding=1, bias=False), nn.ReLU())\n',
    );
    await workbench().openFile(one);
    const { page } = workbench();
    const lenses = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Open in ConvLens' });
    await lenses.first().waitFor({ timeout: 60_000 });
    await lenses.first().click();
    const panel = await workbench().findWebviewFrame(
      async (f) => (await f.locator('table[data-matrix="output"]').count()) > 0,
      60_000,
    );
    const input = await matrixValues(panel, 'input');
    const kernel = await matrixValues(panel, 'kernel');
    // The layer's geometry (kernel 3, padding 1) on a 3 x 3 sample, each row starting 4 on from the one above.
    assert.deepStrictEqual(input, [
      [1, 2, 3],
      [5, 6, 7],
      [9, 1, 2],
    ]);
    const expected = referenceConvNd(
      { shape: [1, 3, 3], data: input.flat() },
      { shape: [1, 1, 3, 3], data: kernel.flat() },
      null,
      { stride: [1, 1], padding: [1, 1], dilation: [1, 1], outputPadding: [0, 0], groups: 1, paddingMode: 'zeros' },
    );
    const output = await matrixValues(panel, 'output');
    assert.deepStrictEqual(output.flat(), expected.data);
    assert.deepStrictEqual([output.length, output[0].length], expected.shape.slice(1));
    await workbench().screenshot('python-open-in-convlens');
  });

  it('"Set input shape" from the palette: bad text is refused with a message; a shape brings the hints and the hover', async () => {
    const unshaped = path.join(path.dirname(file), 'unshaped.py');
    fs.writeFileSync(
      unshaped,
      'import torch.nn as nn\n\nnet = nn.Sequential(\n    nn.Conv2d(3, 8, 3, stride=2),\n    nn.ReLU(),\n)\n',
    );
    const wb = workbench();
    await wb.openFile(unshaped);
    const { page } = wb;
    await (await wb.findInPalette('ConvLens: Set input shape')).waitFor();
    await page.keyboard.press('Enter');
    const box = page.locator('.quick-input-widget', { hasText: 'input shape of net' });
    await box.waitFor({ timeout: 30_000 });
    await page.keyboard.type('3 by 32');
    const message = box.locator('.quick-input-message');
    await message.filter({ hasText: 'Whole sizes separated by x' }).waitFor({ timeout: 10_000 });
    await wb.screenshot('python-set-input-shape-refused');
    // Enter on bad text keeps the box open.
    await page.keyboard.press('Enter');
    assert.ok(await box.isVisible());
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1x3x32x32');
    await message.filter({ hasText: 'Whole sizes separated by x' }).waitFor({ state: 'detached', timeout: 10_000 });
    await wb.acceptQuickInput();
    // torch: Conv2d(3, 8, 3, stride=2) on 1x3x32x32 gives 1x8x15x15, and ReLU keeps it.
    const hints = page.locator('.monaco-editor .view-lines').getByText('→ 8×15×15');
    await hints.nth(1).waitFor({ timeout: 60_000 });
    assert.strictEqual(await hints.count(), 2);
    await page.locator('.view-line', { hasText: 'nn.Conv2d(3, 8' }).getByText('Conv2d').first().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Output size' });
    await hover.waitFor({ timeout: 30_000 });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.ok(text.includes('input 1×3×32×32 → output 1×8×15×15'), text);
    await wb.screenshot('python-set-input-shape-hints');
    await page.keyboard.press('Escape');
  });

  it('"Open in ConvLens" on a ConvTranspose2d with stride 2: the forward sizes output_padding picks from, per axis', async () => {
    const transposed = path.join(path.dirname(file), 'transposed.py');
    fs.writeFileSync(
      transposed,
      'import torch.nn as nn\n\n# convlens: input 1x1x8x8\nnet = nn.Sequential(nn.ConvTranspose2d(1, 1, (3, 4), stride=2, padding=1, output_padding=(1, 0), bias=False))\n',
    );
    await workbench().openFile(transposed);
    const { page } = workbench();
    const lenses = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Open in ConvLens' });
    await lenses.first().waitFor({ timeout: 60_000 });
    await markDrawn();
    await lenses.first().click();
    const panel = await workbench().findWebviewFrame(
      async (f) => (await f.locator('.page:not([data-before]) [data-section="transposed-sizes"]').count()) > 0,
      60_000,
    );
    const input = await matrixValues(panel, 'input');
    const section = panel.locator('[data-section="transposed-sizes"]');
    // torch.nn.Conv2d's output size, written out: every forward input size that lands on the transposed input's size,
    // and torch.nn.ConvTranspose2d's output size, which output_padding picks among them.
    const axes = [
      { name: 'height', size: input.length, kernel: 3, outputPadding: 1 },
      { name: 'width', size: input[0].length, kernel: 4, outputPadding: 0 },
    ];
    for (const a of axes) {
      const forward = (n: number) => Math.floor((n + 2 * 1 - 1 * (a.kernel - 1) - 1) / 2) + 1;
      const expected = Array.from({ length: 64 }, (_, n) => n + 1).filter((n) => forward(n) === a.size);
      const picked = (a.size - 1) * 2 - 2 * 1 + 1 * (a.kernel - 1) + a.outputPadding + 1;
      const entries = section.locator(`[data-axis="${a.name}"] [data-input-size]`);
      const listed = (await entries.evaluateAll((es) => es.map((e) => (e as unknown as Cell).dataset.inputSize))).map(
        Number,
      );
      assert.deepStrictEqual(listed, expected, a.name);
      assert.ok(expected.length > 1 && expected.includes(picked), `${a.name}: ${expected} ${picked}`);
      const chosen = section.locator(`[data-axis="${a.name}"] [aria-current="true"]`);
      assert.strictEqual(await chosen.getAttribute('data-input-size'), String(picked), a.name);
      assert.strictEqual(await chosen.getAttribute('data-output-padding'), String(a.outputPadding), a.name);
      const back = await section.locator(`[data-axis="${a.name}"] .transposed-back`).innerText();
      assert.ok(back.includes(`= ${picked}`), back);
    }
    // The summary folds the section from the keyboard.
    await section.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.strictEqual(await section.evaluate((e) => (e as unknown as { open: boolean }).open), false);
    await page.keyboard.press('Enter');
    assert.strictEqual(await section.evaluate((e) => (e as unknown as { open: boolean }).open), true);
    for (const [theme, shot] of [
      ['Dark Modern', 'python-transposed-sizes-dark'],
      ['Light Modern', 'python-transposed-sizes-light'],
    ]) {
      // The theme may already be the one asked for (no redraw then); the page is drawn again a moment after a change.
      await workbench().setColorTheme(theme);
      await panel.locator('.page [data-section="transposed-sizes"]').waitFor();
      // In one step: a redraw between a look-up and a scroll would detach the section.
      await panel.evaluate(
        `document.querySelector('[data-section="transposed-sizes"]').scrollIntoView({ block: 'start' })`,
      );
      await workbench().page.waitForTimeout(300);
      await workbench().screenshot(shot);
    }
    await workbench().setColorTheme('Dark Modern');
  });

  it('"Sample size" in the panel: the layer on a 5 x 9 sample, as the reference computes it; a size it cannot take is refused', async function () {
    // Conv2d(1, 1, 3, stride=2) opens on a 7 x 7 sample (a 3 x 3 output).
    const resizable = path.join(path.dirname(file), 'resizable.py');
    fs.writeFileSync(
      resizable,
      'import torch.nn as nn\n\n# convlens: input 1x1x16x16\nnet = nn.Sequential(nn.Conv2d(1, 1, 3, stride=2, bias=False))\n',
    );
    const wb = workbench();
    // A click in the panel makes its group the active one: the file opens in the first group, alone with its lens.
    await wb.runCommandFromPalette('View: Focus First Editor Group');
    await wb.openFile(resizable);
    const { page } = wb;
    const lenses = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Open in ConvLens' });
    await lenses.first().waitFor({ timeout: 60_000 });
    await markDrawn();
    await lenses.first().click();
    const panel = await wb.findWebviewFrame(
      async (f) => (await f.locator('.page:not([data-before]) .source', { hasText: 'resizable.py' }).count()) > 0,
      60_000,
    );
    const control = panel.locator('[data-role="sample-size"]');
    const height = control.getByLabel('Sample height');
    const width = control.getByLabel('Sample width');
    assert.deepStrictEqual([await height.inputValue(), await width.inputValue()], ['7', '7']);
    assert.strictEqual(await control.getAttribute('aria-label'), 'Sample size');

    // From the keyboard: type the sizes, Enter applies.
    await height.fill('5');
    await width.fill('9');
    const asked = Date.now();
    await redrawn(panel, () => width.press('Enter'));
    note(this.test, `Enter to the 5 x 9 sample drawn: ${Date.now() - asked} ms (reported, not asserted)`);
    const input = await matrixValues(panel, 'input');
    const kernel = await matrixValues(panel, 'kernel');
    assert.deepStrictEqual([input.length, input[0].length], [5, 9]);
    const expected = referenceConvNd(
      { shape: [1, 5, 9], data: input.flat() },
      { shape: [1, 1, 3, 3], data: kernel.flat() },
      null,
      { stride: [2, 2], padding: [0, 0], dilation: [1, 1], outputPadding: [0, 0], groups: 1, paddingMode: 'zeros' },
    );
    // (5 - 3) / 2 + 1 = 2 rows, (9 - 3) / 2 + 1 = 4 columns
    assert.deepStrictEqual(expected.shape, [1, 2, 4]);
    const output = await matrixValues(panel, 'output');
    assert.deepStrictEqual([output.length, output[0].length], [2, 4]);
    assert.deepStrictEqual(output.flat(), expected.data);
    // The kernel matrix follows: one row per input cell, one column per output cell.
    assert.ok((await panel.locator('.summary .shapes').innerText()).includes('M 45 × 8'));

    // A height the kernel does not fit: the engine's message by the control, and the view stays as it was.
    await height.fill('2');
    await control.getByRole('button', { name: 'Apply' }).click();
    const message = control.locator('[data-role="sample-size-message"]');
    await message.filter({ hasText: 'The kernel height spans 3 cells' }).waitFor({ timeout: 30_000 });
    assert.deepStrictEqual(await matrixValues(panel, 'output'), output);
    // A size that is not a whole number is said at once, and nothing is asked of the host.
    await height.fill('2.5');
    await height.press('Enter');
    await message.filter({ hasText: 'Sample sizes are whole numbers from 1 to 64' }).waitFor({ timeout: 10_000 });
    assert.strictEqual(await height.getAttribute('aria-invalid'), 'true');
    assert.strictEqual(await width.getAttribute('aria-invalid'), 'false');
    await wb.screenshot('python-sample-size-refused');

    // A theme change draws the page again: the chosen sample stays.
    for (const [theme, shot] of [
      ['Light Modern', 'python-sample-size-light'],
      ['Dark Modern', 'python-sample-size-dark'],
    ]) {
      await wb.setColorTheme(theme);
      await panel.locator('.page [data-role="sample-size"]').waitFor();
      await wb.page.waitForTimeout(300);
      assert.deepStrictEqual([await height.inputValue(), await width.inputValue()], ['5', '9']);
      assert.deepStrictEqual(await matrixValues(panel, 'output'), output);
      await wb.screenshot(shot);
    }
  });
});
