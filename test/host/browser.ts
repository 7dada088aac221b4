// Launches Debian's Chromium through playwright-core (no browser download) with flags for a closed network.
import * as fs from 'fs';
import { Browser, chromium, Page } from 'playwright-core';
import { onCleanup } from './cleanup';

const CHROMIUM = process.env.CONVLENS_CHROMIUM ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google hosts that this network refuses.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`bash test/host/install.sh\``);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  onCleanup(() => browser.close());
  return browser;
}

/** A page whose console output (including the extension host's, forwarded by the workbench) goes to a log file. */
export async function newLoggedPage(browser: Browser, consoleLog: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Hang detectors, not expectations: on a machine busy with other builds a workbench load takes well over
  // Playwright's default 30 s.
  page.setDefaultNavigationTimeout(180_000);
  page.setDefaultTimeout(90_000);
  const log = fs.createWriteStream(consoleLog, { flags: 'a' });
  // Cleanup ends the log before the browser closes, so late messages are dropped, not written after end.
  const write = (line: string) => log.writableEnded || log.write(line);
  onCleanup(() => new Promise((resolve) => log.end(resolve)));
  page.on('console', (message) => write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => write(`[pageerror] ${error.message}\n`));
  return page;
}
