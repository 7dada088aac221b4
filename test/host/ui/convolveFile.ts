// Running the command on a whole file, as a user does from the palette, and waiting for the panel to draw it.
import * as path from 'path';
import { Frame } from 'playwright-core';
import { workbench } from '../uiSuite';
import { markDrawn, redrawn } from './redraw';

export const COMMAND = 'ConvLens: Convolve selection';

/** Opens a file (an example's name, or an absolute path), selects all of it and runs the command; resolves to the
 * panel once it has drawn that run. */
export async function convolve(file: string): Promise<Frame> {
  const wb = workbench();
  await markDrawn();
  await wb.openFile(file);
  await wb.page.keyboard.press('Control+A');
  await wb.runCommandFromPalette(COMMAND);
  const drawn = `.page:not([data-before]) .summary .source`;
  const named = `${path.basename(file)}:`;
  return wb.findWebviewFrame(async (f) => (await f.locator(drawn, { hasText: named }).count()) > 0, 60_000);
}

/** Runs the command again on the file open in the first editor group (all of it), and resolves once `panel` has
 * drawn that run. */
export async function convolveAgain(panel: Frame): Promise<void> {
  const wb = workbench();
  await redrawn(panel, async () => {
    // Near the text's top left corner: the lines run on under the webview beside the editor.
    await wb.page
      .locator('.editor-group-container .monaco-editor .view-lines')
      .first()
      .click({ position: { x: 8, y: 8 } });
    await wb.page.keyboard.press('Control+A');
    await wb.runCommandFromPalette(COMMAND);
  });
}
