// A table too big for its box makes its cells as they scroll into view, down or sideways; the cells made keep their
// values, their attributes, the links between matrices and the keys that move between cells.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scrollThroughTables } from '../tableRows';
import { workbench } from '../uiSuite';
import { convolve } from './convolveFile';

const N = 64;
const KERNEL = [
  [1, 2, 0],
  [0, -1, 3],
  [2, 0, 1],
];
const inputAt = (i: number, j: number) => (i * 7 + j * 3) % 10;
/** The valid conv2d, the textbook sum: out[y][x] = sum over the window of in * kernel. */
const outputAt = (y: number, x: number) =>
  KERNEL.reduce((sum, row, a) => sum + row.reduce((s, k, b) => s + inputAt(y + a, x + b) * k, 0), 0);
/** vec(out) @ Mᵀ, the textbook scatter: each output cell adds its value times the kernel onto its window. */
function reconstruction(): number[][] {
  const rec = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  for (let y = 0; y < N - 2; y++)
    for (let x = 0; x < N - 2; x++)
      KERNEL.forEach((row, a) => row.forEach((k, b) => (rec[y + a][x + b] += outputAt(y, x) * k)));
  return rec;
}

/** What the checks use of the webview's globals (this file compiles without the DOM library). */
interface Page {
  document: { querySelector(selector: string): unknown };
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** Whether the three faces were there when the page had handled the latest `show` message. */
  facesWhenShown?: boolean;
}

interface Cell {
  dataset: Record<string, string | undefined>;
  classList: { contains(name: string): boolean };
}

/** What the sideways check uses of a table in the webview. */
interface Table {
  querySelectorAll(selector: string): ArrayLike<{ querySelectorAll(selector: string): ArrayLike<unknown> }>;
  getBoundingClientRect(): { width: number };
}

describe('big tables: cells made as they scroll into view', () => {
  let dir = '';
  let file = '';

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-big-tables-'));
    file = path.join(dir, `input-${N}x${N}.json`);
    const rows = Array.from(
      { length: N },
      (_, i) => `[${Array.from({ length: N }, (_, j) => inputAt(i, j)).join(', ')}]`,
    );
    fs.writeFileSync(file, `{"input": [\n${rows.join(',\n')}\n], "kernel": ${JSON.stringify(KERNEL)}}\n`);
    await workbench().hideSecondarySideBar();
    await workbench().runCommandFromPalette('View: Close All Editors');
  });

  after(async () => {
    await workbench().runCommandFromPalette('View: Close All Editors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a 64 x 64 input: far columns wait, scrolled sideways to they are built, as wide as they stood in', async () => {
    const frame = await convolve(file);
    for (const [matrix, cols, valueAt] of [
      ['input', N, inputAt],
      ['output', N - 2, outputAt],
    ] as const) {
      const table = `table[data-matrix="${matrix}"]`;
      // Its first cell is made with the table; the others on screen before the first paint once it is in view.
      await frame.locator(`${table} td[data-row="0"][data-col="0"]`).scrollIntoViewIfNeeded();
      await frame.locator(`${table} td[data-row="1"][data-col="1"]`).waitFor();
      // On first paint a built row holds the columns on screen and a few beyond, not all of them.
      const first = await frame.locator(table).evaluate((t) => {
        const table = t as unknown as Table;
        const rows = Array.from(table.querySelectorAll('tbody tr'));
        const built = rows.map((tr) => tr.querySelectorAll('td[data-row]').length).filter((n) => n > 0);
        return { built, width: table.getBoundingClientRect().width };
      });
      assert.ok(first.built.length > 0, `no row of the ${matrix} was built`);
      const widest = Math.max(...first.built);
      assert.ok(widest < cols, `a built row of the ${matrix} holds ${widest} of its ${cols} columns`);
      assert.strictEqual(await frame.locator(`${table} td[data-col="${cols - 1}"]`).count(), 0);

      // Scrolled sideways to its last column, the table builds it, with the textbook value.
      await frame.locator(`${table} thead th:last-child`).scrollIntoViewIfNeeded();
      const last = frame.locator(`${table} td[data-row="0"][data-col="${cols - 1}"]`);
      await last.waitFor();
      assert.strictEqual(await last.getAttribute('data-value'), String(valueAt(0, cols - 1)));
      // The stand-ins held the columns' places: the table is as wide as it was.
      const width = await frame.locator(table).evaluate((t) => (t as unknown as Table).getBoundingClientRect().width);
      assert.ok(Math.abs(width - first.width) < 0.5, `the ${matrix} was ${first.width} px wide, now ${width} px`);
    }
    await workbench().screenshot('big-tables-64x64-sideways');
  });

  it('a 64 x 64 input: far rows wait, a key or a link builds them, every value is there once scrolled to', async () => {
    await workbench().runCommandFromPalette('View: Focus First Editor Group');
    const frame = await convolve(file);
    const input = 'table[data-matrix="input"]';
    const output = 'table[data-matrix="output"]';
    await frame.locator(`${input} td[data-row="0"][data-col="0"]`).waitFor();
    // The rows far below the box's view are stand-ins, not cells.
    assert.ok((await frame.locator(`${input} tr.unbuilt`).count()) > 0, 'every row of the input was built');
    assert.strictEqual(await frame.locator(`${input} td[data-row="${N - 1}"]`).count(), 0);
    assert.strictEqual(await frame.locator(`${input} tbody tr`).count(), N, 'a row per input row, built or not');

    // Ctrl+End from the output's first cell goes to its last: built, focused, and it lights its window in the input.
    const first = frame.locator(`${output} td[data-row="0"][data-col="0"]`);
    await first.scrollIntoViewIfNeeded();
    await first.click();
    // Only the keyboard then points: the pointer leaves the panel.
    await workbench().page.mouse.move(0, 0);
    await workbench().page.keyboard.press('Control+End');
    const last = N - 3;
    const focused = await frame.evaluate(() => {
      const cell = (globalThis as unknown as { document: { activeElement: Cell | null } }).document.activeElement;
      return cell && { row: cell.dataset.row, col: cell.dataset.col, value: cell.dataset.value };
    });
    assert.deepStrictEqual(focused, { row: String(last), col: String(last), value: String(outputAt(last, last)) });
    const window = await frame.$$eval(`${input} td.highlight:not(.band)`, (cells) =>
      (cells as unknown as Cell[]).map((td) => `${td.dataset.row},${td.dataset.col}=${td.dataset.value}`).sort(),
    );
    const expected = [0, 1, 2].flatMap((a) =>
      [0, 1, 2].map((b) => `${last + a},${last + b}=${inputAt(last + a, last + b)}`),
    );
    assert.deepStrictEqual(window, expected.sort());

    // Scrolled through, the output's every cell is there with the textbook sum.
    await scrollThroughTables(frame, output);
    const values = await frame.$$eval(`${output} td[data-value]`, (cells) =>
      (cells as unknown as Cell[]).map((td) => [
        Number(td.dataset.row),
        Number(td.dataset.col),
        Number(td.dataset.value),
      ]),
    );
    assert.strictEqual(values.length, (N - 2) * (N - 2));
    for (const [row, col, value] of values) assert.strictEqual(value, outputAt(row, col), `output[${row}][${col}]`);
    await workbench().screenshot('big-tables-64x64');
  });

  it('the transposed convolution three ways waits until the page is drawn, then holds the reconstruction', async () => {
    // The file opens in the first group again, not beside it where the panel has the focus.
    await workbench().runCommandFromPalette('View: Focus First Editor Group');
    const frame = await convolve(file);
    // Registered after the page's own handler: it sees the page as that handler left it.
    await frame.evaluate(() => {
      const page = globalThis as unknown as Page;
      page.addEventListener('message', (event) => {
        if ((event.data as { type?: string } | null)?.type === 'show')
          page.facesWhenShown = page.document.querySelector('section.stage-faces') !== null;
      });
    });
    await workbench().runCommandFromPalette('View: Focus First Editor Group');
    await convolve(file);
    const facesWhenShown = await frame.evaluate(() => (globalThis as unknown as Page).facesWhenShown);
    assert.strictEqual(facesWhenShown, false, 'the page built the three faces before its first paint');

    const direct = 'section.stage-faces table[data-matrix="via_direct"]';
    await frame.locator('section.stage-transposed').evaluate((e) => e.scrollIntoView({ block: 'end' }));
    await frame.locator(direct).waitFor({ state: 'attached' });
    assert.match(await frame.locator('[data-role="faces-agreement"]').innerText(), /identical, cell for cell/);
    // Read as scrolled through: the page may still be redrawn after (a CI run read a fresh table's one cell).
    const values = (await scrollThroughTables(frame, direct))
      .filter((cell) => cell.value !== undefined)
      .map((cell) => [Number(cell.row), Number(cell.col), Number(cell.value)]);
    const rec = reconstruction();
    assert.strictEqual(values.length, N * N);
    for (const [row, col, value] of values) assert.strictEqual(value, rec[row][col], `reconstruction[${row}][${col}]`);
  });
});
