// A table too big for its box makes its rows as they scroll into view; the cells made keep their values, their
// attributes, the links between matrices and the keys that move between cells.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scrollThroughTables } from '../tableRows';
import { workbench } from '../uiSuite';
import { convolve } from './convolveFile';

const N = 40;
const KERNEL = [
  [1, 2, 0],
  [0, -1, 3],
  [2, 0, 1],
];
const inputAt = (i: number, j: number) => (i * 7 + j * 3) % 10;
/** The valid conv2d, the textbook sum: out[y][x] = sum over the window of in * kernel. */
const outputAt = (y: number, x: number) =>
  KERNEL.reduce((sum, row, a) => sum + row.reduce((s, k, b) => s + inputAt(y + a, x + b) * k, 0), 0);

interface Cell {
  dataset: Record<string, string | undefined>;
  classList: { contains(name: string): boolean };
}

describe('big tables: rows made as they scroll into view', () => {
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

  it('a 40 x 40 input: far rows wait, a key or a link builds them, every value is there once scrolled to', async () => {
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
    await workbench().screenshot('big-tables-40x40');
  });
});
