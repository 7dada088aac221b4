// Settings a workspace (even an untrusted one) can write are checked where they are read: a value of the wrong type
// or out of range is replaced by the default, so hovers and runs keep working.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { compute } from '../../src/engine';
import { readSettings } from '../../src/extension/settings';
import type { ConvView } from '../../src/protocol/messages';
import { problemOf } from '../../src/view/problem';
import { hoverText, openExample, openText, rangeOf, selectAll, values } from './support';

/** The command's outcome, as far as these tests read it (see src/extension/convolveSelection.ts). */
interface Outcome {
  view?: ConvView;
  error?: { message: string };
}

const config = () => vscode.workspace.getConfiguration('convlens');
const set = (name: string, value: unknown) => config().update(name, value, vscode.ConfigurationTarget.Global);

/** Runs `check` with `convlens.<name>` set to each of `bad` in turn, then unsets it. */
async function withEach(name: string, bad: unknown[], check: (value: unknown) => Promise<void>): Promise<void> {
  try {
    for (const value of bad) {
      await set(name, value);
      await check(value);
    }
  } finally {
    await set(name, undefined);
  }
}

describe('settings: bad values fall back to the defaults', () => {
  const NON_INTEGERS = '[[0.5, -1.25], [2.125, 1]]';
  let defaultHover: string;
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await openText(NON_INTEGERS);
    defaultHover = await hoverText(editor.document.uri, rangeOf(editor, '2.125').start);
    assert.match(defaultHover, /matrix 2×2/);
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('decimals out of 0..12 or not a whole number: hovers over non-integers show as by default', async () => {
    await withEach('decimals', [101, -1, 2.5, '3', null, [4]], async (value) => {
      assert.strictEqual(readSettings().format.decimals, 4, JSON.stringify(value));
      const text = await hoverText(editor.document.uri, rangeOf(editor, '2.125').start);
      assert.strictEqual(text, defaultHover, `decimals ${JSON.stringify(value)}`);
    });
  });

  it('hover.enabled and hover.maxLiteralCharacters that are not a boolean / a positive whole number', async () => {
    await withEach('hover.enabled', [0, 'false', null], async (value) => {
      assert.strictEqual(readSettings().hoverEnabled, true, JSON.stringify(value));
      assert.strictEqual(await hoverText(editor.document.uri, rangeOf(editor, '2.125').start), defaultHover);
    });
    await withEach('hover.maxLiteralCharacters', [-5, 0, 1.5, '1e6', 2 ** 60], async (value) => {
      assert.strictEqual(readSettings().hoverMaxLiteralCharacters, 1_000_000, JSON.stringify(value));
      assert.strictEqual(await hoverText(editor.document.uri, rangeOf(editor, '2.125').start), defaultHover);
    });
  });

  it('exactFractions and panel.reuse that are not booleans', async () => {
    await withEach('exactFractions', ['yes', 1], async (value) =>
      assert.strictEqual(readSettings().format.exactFractions, false, JSON.stringify(value)),
    );
    await withEach('panel.reuse', ['no', 0], async (value) =>
      assert.strictEqual(readSettings().reusePanel, true, JSON.stringify(value)),
    );
  });

  it('limits that are not positive safe integers: Convolve selection computes the seed', async function () {
    this.timeout(120_000);
    const seed = await openExample('seed.json');
    // Two bad values each here (each run opens the panel); the unit tests try every kind on every limit.
    const bad: Record<string, unknown[]> = {
      maxSelectionCharacters: [0, '10'],
      maxInputCells: [-1, 0.5],
      maxOutputCells: [0, null],
      maxKernelMatrixNonZeros: [-1, Number.MAX_SAFE_INTEGER + 2],
    };
    for (const [name, settings] of Object.entries(bad)) {
      await withEach(`limits.${name}`, settings, async (value) => {
        await vscode.window.showTextDocument(seed.document);
        selectAll(seed);
        const outcome = await vscode.commands.executeCommand<Outcome>('convlens.convolveSelection');
        assert.ok(outcome.view, `${name} ${JSON.stringify(value)}: ${outcome.error?.message}`);
        assert.deepStrictEqual(values(compute(problemOf(outcome.view)).output.data), [37, 47, 67, 77]);
      });
    }
  });
});
