// The command palette and the editor's context menu offer ConvLens's commands and run them: with no editor open they
// say what to do first; for a lone matrix it asks which kernel to use; the examples and the walkthrough get a
// newcomer to a first panel.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { workbench } from '../uiSuite';

const TITLE = 'ConvLens: Convolve selection';

/** The output a panel's page shows, row-major, as text. */
function outputOf(frame: Frame): Promise<string> {
  return frame
    .$$eval('table[data-matrix="output"] td[data-value]', (cells) =>
      cells.map((cell) => cell.getAttribute('data-value')),
    )
    .then((output) => output.join(' '));
}

/** Resolves once a ConvLens panel shows `values` (row-major) as its output; else says what the workbench showed. */
async function outputShown(values: number[]): Promise<void> {
  const wb = workbench();
  try {
    await wb.findWebviewFrame(async (frame) => (await outputOf(frame)) === values.join(' '));
  } catch (error) {
    const outputs = await Promise.all(wb.webviewFrames().map((frame) => outputOf(frame).catch(() => 'unreadable')));
    const notifications = await wb.page.locator('.notification-list-item-message').allInnerTexts();
    throw new Error(
      `${(error as Error).message}; the panels' outputs: ${JSON.stringify(outputs)}; ` +
        `notifications: ${JSON.stringify(notifications)}`,
    );
  }
}

describe('command palette', () => {
  it(`lists and runs "${TITLE}", which asks for a file when none is open`, async () => {
    const wb = workbench();
    await wb.runCommandFromPalette('View: Close All Editors');
    await wb.findInPalette(TITLE);
    await wb.screenshot('command-palette');
    await wb.acceptQuickInput();
    await wb.page.getByText('ConvLens: open a file and select a matrix or a conv spec first.').first().waitFor();
    await wb.screenshot('convolve-selection');
    await wb.runCommandFromPalette('Notifications: Clear All Notifications');
  });

  it('runs "ConvLens: Set input shape", which asks for a Python model when none is open', async () => {
    const wb = workbench();
    await wb.runCommandFromPalette('View: Close All Editors');
    await wb.runCommandFromPalette('ConvLens: Set input shape');
    await wb.page.getByText('ConvLens: open a Python file with a PyTorch model').first().waitFor();
    await wb.runCommandFromPalette('Notifications: Clear All Notifications');
  });
});

describe('kernel pick for a lone array', () => {
  const matrix = '[[1, 2, 3], [4, 5, 6], [7, 8, 9]]';
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-pick-'));
  });

  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    const wb = workbench();
    await wb.closeQuickInput();
    await wb.runCommandFromPalette('View: Close All Editors');
  });

  it('starts on typing a kernel: a reflexive Enter asks for one instead of convolving with a preset', async () => {
    const wb = workbench();
    const file = path.join(dir, 'lone-matrix.json');
    fs.writeFileSync(file, `${matrix}\n`);
    await wb.openFile(file);
    await wb.selectAllInEditor(matrix.length + 1);
    await wb.runCommandIntoQuickInput(TITLE, 'which kernel');
    const active = wb.page.locator('.quick-input-widget .monaco-list-row.focused');
    assert.match(await active.innerText(), /Enter a kernel as JSON/);
    // Every kernel shows its values.
    assert.match(await wb.quickInputRow('Sobel x').innerText(), /\[\[-1, 0, 1\], \[-2, 0, 2\], \[-1, 0, 1\]\]/);
    assert.match(await wb.quickInputRow('Box blur 3x3').innerText(), /\[\[0\.1111, 0\.1111, 0\.1111\], /);
    await wb.screenshot('kernel-pick');

    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'ConvLens: kernel' }).waitFor();
    await wb.page.keyboard.type('[[1, 0], [0, -1]]');
    // Checked as typed; once whole, the prompt is back in place of any complaint.
    await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: 'An array of any rank' }).waitFor();
    await wb.screenshot('kernel-typed');
    await wb.acceptQuickInput();
    // in(i, j) - in(i+1, j+1) = -4 everywhere: the typed kernel, not a preset, was used.
    await outputShown([-4, -4, -4, -4]);
  });

  it('offers 1-D kernels for a lone list: the seed [1, 2] gives [5, 8, 11]', async () => {
    const wb = workbench();
    const list = '[1, 2, 3, 4]';
    const file = path.join(dir, 'lone-list.json');
    fs.writeFileSync(file, `${list}\n`);
    await wb.openFile(file);
    await wb.selectAllInEditor(list.length + 1);
    await wb.runCommandIntoQuickInput(TITLE, 'convolve the list');
    assert.match(await wb.quickInputRow('Difference').first().innerText(), /\[1, -1\]/);
    assert.match(await wb.quickInputRow('Smoothing').innerText(), /\[0\.25, 0\.5, 0\.25\]/);
    assert.strictEqual(await wb.quickInputRow('Sobel x').count(), 0, 'a 2-D preset offered for a list');
    await wb.screenshot('kernel-pick-list');
    // Down to the first 1-D preset, the seed (no 1-D kernel was used before), and take it.
    await wb.page.keyboard.press('ArrowDown');
    await wb.page.keyboard.press('Enter');
    // conv1d of [1, 2, 3, 4] with [1, 2], as PyTorch computes it (golden-convnd.json, "conv1d seed-like").
    await outputShown([5, 8, 11]);
  });
});

describe('editor context menu', () => {
  after(() => workbench().runCommandFromPalette('View: Close All Editors'));

  it('offers Convolve selection with nothing selected, for the spec around the cursor', async function () {
    // Once more after a miss: after a long run of suites, the menu's click can land before the editor settles.
    this.retries(1);
    const wb = workbench();
    await wb.closeQuickInput();
    // A fresh panel for each attempt: a retry must not read the one the miss left.
    await wb.runCommandFromPalette('View: Close All Editors');
    await wb.openFile('seed.json');
    // Inside the spec on its one line; a click leaves no selection.
    const text = wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    await text.click({ position: { x: 60, y: 8 } });
    await text.click({ button: 'right', position: { x: 60, y: 8 } });
    await wb.page.getByRole('menuitem', { name: 'Convolve selection' }).click();
    await outputShown([37, 47, 67, 77]);
  });
});

describe('getting started', () => {
  /** Closes the example's untitled copy without saving it, then every other editor. */
  afterEach(async () => {
    const wb = workbench();
    await wb.closeQuickInput();
    while ((await wb.page.locator('.tab.dirty').count()) > 0) {
      await wb.page.locator('.tab.dirty').first().click();
      await wb.runCommandFromPalette('View: Revert and Close Editor');
    }
    await wb.runCommandFromPalette('View: Close All Editors');
  });

  it('"Open an example" lists the examples; the seed opens as an untitled copy and is convolved', async () => {
    const wb = workbench();
    await wb.runCommandFromPalette('View: Close All Editors');
    await wb.runCommandIntoQuickInput('ConvLens: Open an example', 'open an example');
    for (const label of ['The seed', 'A stride-2 transposed convolution', 'conv3d', 'NumPy and torch literals'])
      await wb.quickInputRow(label).first().waitFor();
    await wb.screenshot('open-an-example');
    await wb.page.keyboard.type('seed');
    await wb.acceptQuickInput();
    // The seed's output as PyTorch computes it, from the copy: the installed example is not opened for editing.
    await outputShown([37, 47, 67, 77]);
    await wb.page.locator('.tab', { hasText: 'Untitled' }).first().waitFor();
    assert.strictEqual(await wb.page.locator('.tab', { hasText: 'seed.json' }).count(), 0);
  });

  it('the walkthrough "Get started with ConvLens" lists its steps; its first button convolves the seed', async () => {
    const wb = workbench();
    await wb.runCommandFromPalette('View: Close All Editors');
    // Room for the step's page beside the steps.
    await wb.hideSecondarySideBar();
    await wb.findInPalette('Welcome: Open Walkthrough...');
    await wb.page.keyboard.press('Enter');
    await wb.quickInputRow('Get started with ConvLens').first().waitFor();
    await wb.page.keyboard.type('Get started with ConvLens');
    await wb.acceptQuickInput();
    const steps = wb.page.locator('.getting-started-step .step-title');
    await steps.first().waitFor();
    assert.deepStrictEqual(await steps.allInnerTexts(), [
      'Open the seed example',
      'Convolve your own selection',
      'Read the panel',
      'Shapes in PyTorch code',
    ]);
    // The open step's page, shipped with the extension, drawn beside the steps.
    await wb.findWebviewFrame(
      async (frame) => (await frame.locator('h1', { hasText: 'The seed example' }).count()) > 0,
    );
    await wb.screenshot('walkthrough');
    await wb.page.getByRole('button', { name: 'Convolve the seed' }).click();
    await outputShown([37, 47, 67, 77]);
  });
});
