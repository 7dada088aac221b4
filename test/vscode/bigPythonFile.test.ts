// A big Python file in the real extension host: its first reading (tree-sitter's cold parse and read of some 3000
// lines) must leave the host's thread free, and a file over the size limit is not read and says so on hover.
// Expected shapes are PyTorch's (torch 1.13 run on the last block's layers), written here by hand.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { note } from '../host/mochaRun';
import { pythonModelFile } from '../support/pythonModelFile';
import { discardUnsavedDocuments, hoverText, openText } from './support';

/** Ticks every few ms on the host's thread and keeps the longest gap between two ticks. */
function startProbe(): () => number {
  const EVERY_MS = 5;
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, EVERY_MS);
  return () => {
    clearInterval(timer);
    return Math.max(longest, performance.now() - last);
  };
}

/**
 * Waits (up to 30 s) until the host's thread has run a whole second without a gap over 50 ms, so what the probe
 * measures is the reading, not the host starting up (other extensions activating) before it.
 */
async function settled(): Promise<void> {
  const deadline = performance.now() + 30_000;
  let quietSince = performance.now();
  let last = quietSince;
  while (performance.now() - quietSince < 1000 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const now = performance.now();
    if (now - last > 50) quietSince = now;
    last = now;
  }
}

const labelOf = (hint: vscode.InlayHint): string =>
  typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');

/** Our shape hints on the lines from `from` on, in document order. */
async function shapeHintsFrom(document: vscode.TextDocument, from: number): Promise<string[]> {
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
    'vscode.executeInlayHintProvider',
    document.uri,
    new vscode.Range(from, 0, document.lineCount, 0),
  );
  return hints
    .filter((h) => labelOf(h).includes('→ '))
    .sort((a, b) => a.position.compareTo(b.position))
    .map(labelOf);
}

const lineOf = (document: vscode.TextDocument, text: string): number =>
  document.positionAt(document.getText().lastIndexOf(text)).line;

const config = () => vscode.workspace.getConfiguration('convlens');

describe('a big Python file', () => {
  afterEach(discardUnsavedDocuments);

  it('is first read off the host thread; then the hints and the hover on its last block are right', async function () {
    const text = pythonModelFile();
    await settled();
    const stopProbe = startProbe();
    const started = performance.now();
    const { document } = await openText(text, 'python');
    const last = lineOf(document, 'class Block99');
    const hints = await shapeHintsFrom(document, last);
    const read = performance.now() - started;
    const longest = stopProbe();
    note(
      this.test,
      `${document.lineCount} lines: hints after ${read.toFixed(0)} ms; the host's longest block meanwhile ${longest.toFixed(0)} ms`,
    );
    // torch on 1x3x64x64, Block99 (channels 19): conv1, bn1, relu, pool; conv2, relu; up; flatten; then the head
    // refuses 19456 features (mat1 and mat2 shapes cannot be multiplied), so no hint after it. A line applying
    // several layers gets one hint naming them. features99 below has no input comment, hence no hints.
    assert.deepStrictEqual(hints, [
      'conv1 · bn1 · relu · pool → 19×32×32',
      'conv2 · relu → 38×16×16',
      '→ 19×32×32',
      '→ 19456',
    ]);
    const up = document.getText().lastIndexOf('nn.ConvTranspose2d(');
    const hover = await hoverText(document.uri, document.positionAt(up + 4));
    // torch: ConvTranspose2d(38, 19, 4, 2, 1) on 1x38x16x16 gives 1x19x32x32.
    assert.ok(hover.includes('`ConvTranspose2d` · input 1×38×16×16 → output **1×19×32×32**'), hover);
  });

  it('over the size limit is not read, and the first hover on it says why', async () => {
    const text = pythonModelFile(2);
    await config().update('limits.maxSelectionCharacters', 1000, vscode.ConfigurationTarget.Global);
    try {
      const { document } = await openText(text, 'python');
      const conv = document.positionAt(text.indexOf('nn.Conv2d(') + 4);
      const first = await hoverText(document.uri, conv);
      assert.ok(
        first.includes(
          `This Python file has ${text.length.toLocaleString('en-US')} characters, more than the limit of 1,000`,
        ),
        first,
      );
      assert.ok(first.includes('convlens.limits.maxSelectionCharacters'), first);
      assert.ok(!first.includes('Conv2d` ·'), first);
      const again = await hoverText(document.uri, conv);
      assert.ok(!again.includes('characters'), again);
      assert.deepStrictEqual(await shapeHintsFrom(document, 0), []);
    } finally {
      await config().update('limits.maxSelectionCharacters', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
