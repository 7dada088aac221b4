// A window reload brings the panel back as it was: the numbers, the header naming the file and place the spec came
// from, and a "Go to source" that still selects that text.
import * as assert from 'assert';
import { Frame } from 'playwright-core';
import { workbench } from '../uiSuite';

const COMMAND = 'ConvLens: Convolve selection';

/** The panel once it shows a run of seed.json (its output table drawn). */
const seedPanel = (timeoutMs: number): Promise<Frame> =>
  workbench().findWebviewFrame(
    async (f) =>
      (await f.locator('.summary .source', { hasText: 'seed.json:' }).count()) > 0 &&
      (await f.locator('table[data-matrix="output"] td[data-value]').count()) === 4,
    timeoutMs,
  );

const headerOf = async (panel: Frame) => ({
  op: await panel.locator('.summary .op').textContent(),
  source: await panel.locator('.summary .source').textContent(),
  output: await panel.$$eval('table[data-matrix="output"] td[data-value]', (cells) =>
    cells.map((td) => Number((td as unknown as { dataset: { value: string } }).dataset.value)),
  ),
});

describe('ConvLens panel across a window reload', () => {
  it('comes back with the same header and numbers, and Go to source selects the spec', async function () {
    this.timeout(600_000);
    const wb = workbench();
    await wb.hideSecondarySideBar();
    await wb.runCommandFromPalette('View: Close All Editors');
    await wb.openFile('seed.json');
    await wb.page.keyboard.press('Control+A');
    await wb.runCommandFromPalette(COMMAND);
    const before = await headerOf(await seedPanel(30_000));
    assert.deepStrictEqual(before, { op: 'conv2d', source: 'seed.json:1:1', output: [37, 47, 67, 77] });

    // As a person reloads: VS Code saves the window's state (the page's kept spec with it) before it loads again.
    const loaded = wb.page.waitForEvent('load', { timeout: 180_000 });
    await wb.findInPalette('Developer: Reload Window');
    await wb.page.keyboard.press('Enter');
    await loaded;
    await wb.ready();
    await wb.whenExtensionsRun();
    const panel = await seedPanel(90_000);
    assert.deepStrictEqual(await headerOf(panel), before);
    await wb.screenshot('reload-restored-panel');

    // Another file in front, then back to the spec's text from the panel.
    await wb.openFile('strided-dilated.json');
    await panel.locator('button[data-action="revealSource"]').click();
    await wb.page.locator('.tab.active[aria-label^="seed.json"]').waitFor();
    // The spec itself, without the file's final line break: 61 characters.
    await wb.page.locator('[id="status.editor.selection"]', { hasText: /\(61 selected\)/ }).waitFor();
  });
});
