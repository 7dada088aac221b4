// The command palette offers ConvLens's command and runs it.
import { workbench } from '../uiSuite';

const TITLE = 'ConvLens: Convolve selection';

describe('command palette', () => {
  it(`lists and runs "${TITLE}"`, async () => {
    const wb = workbench();
    await wb.findInPalette(TITLE);
    await wb.screenshot('command-palette');
    await wb.acceptQuickInput();
    await wb.screenshot('convolve-selection');
  });
});
