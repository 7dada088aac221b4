// Running the command on a whole file, as a user does from the palette, and waiting for the panel to draw it.
import * as fs from 'fs';
import * as path from 'path';
import { Frame } from 'playwright-core';
import { examplesDir } from '../paths';
import { workbench } from '../uiSuite';
import { markDrawn } from './redraw';

export const COMMAND = 'ConvLens: Convolve selection';

/** Opens a file (an example's name, or an absolute path), selects all of it and runs the command; resolves to the
 * panel once it has drawn that run. */
export async function convolve(file: string): Promise<Frame> {
  const wb = workbench();
  await markDrawn();
  await wb.openFile(file);
  // Until the status bar says the whole text is selected: the editor can take the keyboard a moment after its tab
  // shows, and a Ctrl+A before that selects nothing.
  await wb.selectAllInEditor(fs.readFileSync(path.resolve(examplesDir, file), 'utf8').length);
  await wb.runCommandFromPalette(COMMAND);
  const drawn = `.page:not([data-before]) .summary .source`;
  const named = `${path.basename(file)}:`;
  return wb.findWebviewFrame(async (f) => (await f.locator(drawn, { hasText: named }).count()) > 0, 60_000);
}
