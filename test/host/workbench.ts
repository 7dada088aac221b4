// Playwright helpers for driving the VS Code workbench the way a person does. UI suites get a Workbench.
import * as fs from 'fs';
import * as path from 'path';
import { Frame, Locator, Page } from 'playwright-core';

const QUICK_INPUT = '.quick-input-widget';

export class Workbench {
  constructor(
    readonly page: Page,
    private readonly screenshotsDir: string,
  ) {}

  /** Waits until the workbench has restored (the smoke-test driver, enabled by the server flag, tells). */
  async ready(timeoutMs = 180_000): Promise<void> {
    await this.page.waitForFunction(() => 'driver' in globalThis, undefined, { timeout: timeoutMs });
    await this.page.evaluate(() =>
      (globalThis as unknown as { driver: { whenWorkbenchRestored(): Promise<void> } }).driver.whenWorkbenchRestored(),
    );
  }

  /**
   * Resolves once the extension host runs ConvLens: "ConvLens: Show log" opens its output channel. On a busy machine
   * the host can miss VS Code's 60 s limit to start, and the window then runs no extension at all ("command not
   * found"): it is reloaded, up to `attempts` times.
   */
  async whenExtensionsRun(attempts = 3): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.runCommandFromPalette('ConvLens: Show log');
      const outcome = await Promise.race([
        this.page
          .locator('.part.panel', { hasText: 'ConvLens' })
          .waitFor({ timeout: 180_000 })
          .then(() => 'runs' as const),
        this.page
          .locator('.monaco-dialog-box', { hasText: 'not found' })
          .waitFor({ timeout: 180_000 })
          .then(() => 'failed' as const),
      ]);
      if (outcome === 'runs') {
        await this.page.keyboard.press('Control+J'); // hides the panel again
        return;
      }
      if (attempt >= attempts) throw new Error(`the extension host did not start in ${attempts} loads of the window`);
      await this.page.reload();
      await this.ready();
    }
  }

  /** F1 and type `title`; resolves, palette still open, once it lists the command. */
  async findInPalette(title: string): Promise<Locator> {
    return this.quickOpen('F1', `>${title}`, title);
  }

  /** F1, type `title`, wait for the palette to list it, press Enter. */
  async runCommandFromPalette(title: string): Promise<void> {
    await this.findInPalette(title);
    await this.acceptQuickInput();
  }

  /**
   * Runs the command `title` from the palette and resolves once the quick input it opens in the palette's place is
   * titled `pickTitle` (`acceptQuickInput` would wait for a close that does not come).
   */
  async runCommandIntoQuickInput(title: string, pickTitle: string): Promise<void> {
    await this.findInPalette(title);
    await this.page.keyboard.press('Enter');
    await this.page.locator(`${QUICK_INPUT} .quick-input-title`, { hasText: pickTitle }).waitFor();
  }

  /** Ctrl+P, type the file name, open the match; resolves once its editor tab is active. */
  async openFile(name: string): Promise<void> {
    // Click the file's own row: Enter would take whichever row is highlighted, which can still be a
    // recently opened file while the list catches up with the typed name.
    const row = await this.quickOpen('Control+P', name, path.basename(name));
    await row.click();
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
    await this.page.locator(`.tab.active[aria-label^="${path.basename(name)}"]`).waitFor();
  }

  /**
   * Ctrl+A in the active editor, until the status bar says all `characters` of it are selected: a big file's
   * editor can take the keyboard a moment after its tab shows (a click in its text gives it the focus then).
   */
  async selectAllInEditor(characters: number, timeoutMs = 60_000): Promise<void> {
    // "(1748234 selected)", with or without digit grouping.
    const count = String(characters).split('').join('[,.\\s\\u00a0\\u202f]?');
    const selected = this.page.locator('[id="status.editor.selection"]', {
      hasText: new RegExp(`\\(${count} selected\\)`),
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.page.keyboard.press('Control+A');
      try {
        await selected.waitFor({ timeout: 3000 });
        return;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
        // Near the text's top left corner: the lines run on under the webview beside the editor.
        const text = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
        await text.click({ position: { x: 8, y: 8 }, timeout: 3000 }).catch(() => undefined);
      }
    }
  }

  /** Switches the colour theme as a person does: Ctrl+K Ctrl+T (the palette would rank the marketplace browser
   * first). */
  async setColorTheme(name: string): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+T');
    await this.page.locator('.quick-input-widget input[placeholder*="Color Theme"]').waitFor();
    await this.page.keyboard.type(name);
    await this.page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name }).waitFor();
    await this.acceptQuickInput();
    await this.page.waitForTimeout(400); // webviews get the new colours a moment later
  }

  /** Hides the secondary side bar (Chat), which otherwise takes a third of every screenshot. */
  async hideSecondarySideBar(): Promise<void> {
    const bar = this.page.locator('.part.auxiliarybar');
    if (!(await bar.isVisible())) return;
    await this.page.keyboard.press('Control+Alt+B');
    await bar.waitFor({ state: 'hidden' });
  }

  /** The quick input rows whose label contains `text` (for checks before choosing one). */
  quickInputRow(text: string): Locator {
    return this.page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: text });
  }

  /** Saves a full-page PNG to screenshots/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(this.screenshotsDir, { recursive: true });
    const file = path.join(this.screenshotsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  findWebviewFrame(predicate: (frame: Frame) => Promise<boolean>, timeoutMs?: number, pollMs?: number): Promise<Frame> {
    return findWebviewFrame(this.page, predicate, timeoutMs, pollMs);
  }

  /** The frames holding a webview's own DOM, of every webview open now. */
  webviewFrames(): Frame[] {
    return webviewFrames(this.page);
  }

  /**
   * Opens a quick input with `key`, types `query` and waits for a row containing `rowText`. A list opened
   * before the extension host registered the extension (or before files were indexed) never updates, and one
   * closes when something else takes the focus (a panel or an editor opening late on a busy machine), so, as a
   * person would, close it and open it again.
   */
  private async quickOpen(key: string, query: string, rowText: string, timeoutMs = 90_000): Promise<Locator> {
    const input = this.page.locator(`${QUICK_INPUT} input`);
    const row = this.quickInputRow(rowText).first();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.page.keyboard.press(key);
      try {
        const timeout = Math.min(3000, Math.max(1, deadline - Date.now()));
        await input.fill(query, { timeout });
        await row.waitFor({ timeout });
        return row;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Closes whatever quick input is open (palette, Quick Open, VS Code's own file dialog) and resolves once it is
   * gone; one left open takes the keys meant for whatever comes next.
   */
  async closeQuickInput(): Promise<void> {
    const widget = this.page.locator(QUICK_INPUT);
    for (let attempt = 0; attempt < 3 && (await widget.isVisible()); attempt++) {
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
    }
    await widget.waitFor({ state: 'hidden', timeout: 1000 });
  }

  /** Enter on the highlighted row of the open palette or Quick Open; resolves once it has closed. */
  async acceptQuickInput(): Promise<void> {
    await this.page.keyboard.press('Enter');
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  }
}

/**
 * A webview is an iframe (.../webview/browser/pre/index.html) holding an inner frame (.../pre/fake.html)
 * whose document is the webview's own HTML. Returns the first inner frame `predicate` accepts,
 * polling until one appears, e.g. `frame => frame.locator('table.kernel-matrix').count().then(n => n > 0)`.
 */
export async function findWebviewFrame(
  page: Page,
  predicate: (frame: Frame) => Promise<boolean>,
  timeoutMs = 60_000,
  pollMs = 250,
): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of webviewFrames(page)) {
      if (await predicate(frame).catch(() => false)) return frame;
    }
    await page.waitForTimeout(pollMs);
  }
  throw new Error(`no webview frame matched within ${timeoutMs} ms`);
}

/** The inner frames (see above) of every webview open now. */
function webviewFrames(page: Page): Frame[] {
  return page.frames().filter((frame) => frame.url().includes('/webview/browser/pre/fake.html'));
}
