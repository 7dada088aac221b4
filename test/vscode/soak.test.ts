// Soak: 500 runs of "Convolve selection" on changing selections (valid and invalid) in one window, the panel
// closed and reopened every few runs, and the extension host's heap measured before and after.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import { note } from '../host/mochaRun';

const RUNS = 500;
/** Close the panel after every this many runs; the next run opens a new one. */
const REOPEN_EVERY = 10;
/** Error toasts pile up (one per refused selection): clear them this often. */
const CLEAR_NOTIFICATIONS_EVERY = 25;
const MAX_HEAP_GROWTH_MB = 50;

interface Snippet {
  text: string;
  /** What the command must answer: a view, or an error whose message matches. */
  expect: 'view' | RegExp;
  /** A spec object: the command may also find it from a cursor inside it, with nothing selected. */
  object: boolean;
}

const bigInput = Array.from({ length: 24 }, (_, i) => Array.from({ length: 24 }, (_, j) => (i * 7 + j * 3) % 11));

const SNIPPETS: Snippet[] = [
  { text: '{"input": [[1, 2, 3], [4, 5, 6], [7, 8, 9]], "kernel": [[1, 2], [3, 4]]}', expect: 'view', object: true },
  {
    text: '{"op": "conv_transpose2d", "input": [[1, 2], [3, 4]], "kernel": [[1, 0], [0, 1]], "stride": 2, "output_padding": 1}',
    expect: 'view',
    object: true,
  },
  {
    text: '{"input": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]], "weight": [[[[1]]], [[[2]]]], "groups": 2, "bias": [0.5, -1]}',
    expect: 'view',
    object: true,
  },
  {
    text: `{"input": ${JSON.stringify(bigInput)}, "kernel": [[1, 0, -1], [2, 0, -2], [1, 0, -1]], "padding": "same"}`,
    expect: 'view',
    object: true,
  },
  { text: 'x = np.array([[1, 2, 3], [4, 5, 6]])\nk = torch.tensor([[1, 1]])', expect: 'view', object: false },
  {
    text: '{"input": [[1, 2, 3], [4, 5]], "kernel": [[1]]}',
    expect: /input\[1\] has 2 elements, but input\[0\] has 3/,
    object: true,
  },
  {
    text: '{"input": [[1, NaN]], "kernel": [[1]]}',
    expect: /input\[0\]\[1\] is NaN; only finite numbers are allowed/,
    object: true,
  },
  {
    text: '{"input": [[1, 2]], "kernel": [[1]], "stride": 0}',
    expect: /stride must be at least 1, but it is 0/,
    object: true,
  },
  {
    text: '{"input": [[1e308, 1e308]], "kernel": [[2, 2]]}',
    expect: /output\[0\]\[0\]\[0\] overflowed to Infinity/,
    object: true,
  },
  {
    text: '{"input": [[1, 2]], "kernel": [[1, 2, 3]]}',
    expect: /kernel width spans 3 cells .* padded input width is only 2/,
    object: true,
  },
  { text: '{"input": [[1, 2], [3, 4]], "kernel": [[1, 2]', expect: /never closed/, object: false },
  { text: 'hello world', expect: /Select a JSON spec object|Unknown name/, object: false },
];

/** A real file (not an untitled one, which would ask to be saved when closed), outside the workspace. */
function writeSoakFile(): { file: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = '// ConvLens soak test: one snippet per paragraph\n\n';
  for (const s of SNIPPETS) {
    offsets.push(text.length);
    text += `${s.text}\n\n`;
  }
  const file = path.join(os.tmpdir(), `convlens-soak-${process.pid}.txt`);
  fs.writeFileSync(file, text);
  return { file, offsets };
}

/** A forced garbage collection: `global.gc` if the host exposes it, else the V8 flag trick. */
function collector(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

/** Heap in use, after collecting if we can, else the smallest of several samples a short while apart. */
async function heapUsedMB(gc: (() => void) | undefined): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
    samples.push(process.memoryUsage().heapUsed);
  }
  return Math.min(...samples) / 1e6;
}

/** Polls `read` until `done` says so (or 30 s pass: a hang detector) and returns the last reading. */
async function until<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = read();
  }
  return value;
}

const panelTabs = (): vscode.Tab[] =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('convlens.panel'));

interface Outcome {
  view?: unknown;
  error?: { message: string; range: { offset: number; length: number } };
  cancelled?: true;
}

describe('soak', () => {
  let file: string;
  let offsets: number[];

  before(() => ({ file, offsets } = writeSoakFile()));
  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(file, { force: true });
  });

  it(`${RUNS} runs of Convolve selection on changing selections, the panel closed and reopened every ${REOPEN_EVERY}`, async function () {
    this.timeout(900_000);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: vscode.ViewColumn.One,
      preview: false,
    });
    const text = document.getText();
    const version = document.version;
    const gc = collector();

    /** Selects snippet `i` (whole, with its blank lines, or a bare cursor inside a spec object) and runs the
     * command. */
    const run = async (i: number): Promise<boolean> => {
      const index = i % SNIPPETS.length;
      const snippet = SNIPPETS[index];
      const start = offsets[index];
      const end = start + snippet.text.length;
      const mode = snippet.object ? Math.floor(i / SNIPPETS.length) % 3 : Math.floor(i / SNIPPETS.length) % 2;
      const [from, to] =
        mode === 0 ? [start, end] : mode === 1 ? [Math.max(0, start - 1), end + 1] : [start + 3, start + 3];
      editor.selection = new vscode.Selection(document.positionAt(from), document.positionAt(to));
      const outcome = await vscode.commands.executeCommand<Outcome>('convlens.convolveSelection');
      const where = `run ${i}, snippet ${index}, mode ${mode}`;
      if (snippet.expect === 'view') {
        assert.ok(outcome.view, `${where}: ${JSON.stringify(outcome.error ?? outcome)}`);
      } else {
        assert.ok(outcome.error, `${where}: expected an error, got ${Object.keys(outcome).join(', ')}`);
        assert.match(outcome.error.message, snippet.expect, where);
        const { offset, length } = outcome.error.range;
        assert.ok(
          offset >= start && offset + length <= end,
          `${where}: error range ${offset}+${length} outside the snippet ${start}..${end}`,
        );
      }
      return outcome.view !== undefined;
    };

    // Warm up: every snippet once, one panel opened and closed, so caches and lazy modules are in place.
    for (let i = 0; i < SNIPPETS.length * 3; i++) await run(i);
    for (const tab of panelTabs()) await vscode.window.tabGroups.close(tab);
    await vscode.commands.executeCommand('notifications.clearAll');
    const before = await heapUsedMB(gc);
    const rssBefore = process.memoryUsage().rss / 1e6;

    const started = Date.now();
    let reopened = 0;
    let shownSinceClose = false;
    for (let i = 0; i < RUNS; i++) {
      if (await run(i)) shownSinceClose = true;
      assert.ok(panelTabs().length <= 1, `run ${i}: ${panelTabs().length} ConvLens panels are open (reuse is on)`);
      if (i % REOPEN_EVERY === REOPEN_EVERY - 1) {
        // The tab list reaches the extension host a little after the panel opens: wait for it, then close it.
        const open = shownSinceClose
          ? await until(
              () => panelTabs(),
              (tabs) => tabs.length > 0,
            )
          : [];
        assert.ok(!shownSinceClose || open.length === 1, `run ${i}: a view was shown but no ConvLens panel is open`);
        if (open.length > 0) {
          await vscode.window.tabGroups.close(open);
          reopened++;
        }
        assert.strictEqual(
          (
            await until(
              () => panelTabs(),
              (tabs) => tabs.length === 0,
            )
          ).length,
          0,
          `run ${i}: the panel did not close`,
        );
        shownSinceClose = false;
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
      }
      if (i % CLEAR_NOTIFICATIONS_EVERY === CLEAR_NOTIFICATIONS_EVERY - 1)
        await vscode.commands.executeCommand('notifications.clearAll');
    }
    const seconds = (Date.now() - started) / 1000;
    for (const tab of panelTabs()) await vscode.window.tabGroups.close(tab);
    await vscode.commands.executeCommand('notifications.clearAll');
    const after = await heapUsedMB(gc);
    // The whole process, the command's worker thread included (its heap is not in heapUsed); reported, not asserted.
    const rssAfter = process.memoryUsage().rss / 1e6;

    assert.strictEqual(document.getText(), text, 'the document text changed');
    assert.strictEqual(document.version, version, 'the document version changed');
    assert.strictEqual(document.isDirty, false);
    const report = `extension host heap ${before.toFixed(1)} MB before, ${after.toFixed(1)} MB after ${RUNS} runs (${(after - before >= 0 ? '+' : '') + (after - before).toFixed(1)} MB, bound ${MAX_HEAP_GROWTH_MB} MB; ${gc ? 'after gc' : 'min of 5 samples, no gc'}); panel closed and reopened ${reopened} times; ${seconds.toFixed(1)} s; process RSS ${rssBefore.toFixed(0)} -> ${rssAfter.toFixed(0)} MB`;
    note(this.test, report);
    console.log(`soak: ${report}`);
    assert.ok(after - before < MAX_HEAP_GROWTH_MB, report);
    assert.strictEqual(reopened, RUNS / REOPEN_EVERY, 'the panel should open and close once every cycle');
  });
});
