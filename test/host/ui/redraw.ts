// Waiting for the panel to draw again, by what it shows rather than by time: what is there now is marked, so
// `.page:not([data-before])` is the next drawing.
import { Frame } from 'playwright-core';
import { workbench } from '../uiSuite';

/** Marks what every open panel shows now. */
export async function markDrawn(): Promise<void> {
  for (const frame of workbench().webviewFrames())
    await frame.evaluate("document.querySelector('.page')?.setAttribute('data-before', '')").catch(() => undefined);
}

/** Makes `change` and resolves once the panel has drawn itself again (a theme change redraws it a moment later). */
export async function redrawn(frame: Frame, change: () => Promise<void>): Promise<void> {
  await markDrawn();
  await change();
  await frame.locator('.page:not([data-before])').waitFor();
}
