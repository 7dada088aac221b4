// A quick fix rewrites the argument where the call writes it (positional or keyword), or adds it as a keyword.
import * as assert from 'assert';
import { fixEdits, valueText } from '../../../src/hover/layerFixEdit';
import type { LayerCall, LayerFix } from '../../../src/python/layer';

/** A call written as `text`, with its arguments' spans found by their text (`name` -> the text written). */
function callIn(text: string, args: Record<string, string>): LayerCall {
  const start = text.indexOf('nn.');
  let end = start;
  for (let depth = 0, i = text.indexOf('(', start); i < text.length; i++) {
    depth += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0;
    if (depth === 0) {
      end = i + 1;
      break;
    }
  }
  const spans = Object.fromEntries(
    Object.entries(args).map(([name, written]) => {
      const at = text.indexOf(written, start);
      return [name, { text: written, span: { start: at, end: at + written.length } }];
    }),
  );
  return {
    torchName: 'Conv2d',
    functional: false,
    span: { start, end },
    calleeSpan: { start, end: start + 9 },
    args: spans,
    layer: { kind: 'keep', torchName: 'Conv2d' },
  };
}

/** The text with the fix's edits made, the last first so the earlier spans stay put. */
const apply = (text: string, call: LayerCall, fix: LayerFix): string =>
  fixEdits(text, call, fix)
    .sort((a, b) => b.span.start - a.span.start)
    .reduce((edited, edit) => edited.slice(0, edit.span.start) + edit.text + edited.slice(edit.span.end), text);

const fix = (parameter: string, value: number | number[]): LayerFix => ({ parameter, value, title: '' });

describe('quick fix edits', () => {
  it('a positional argument is replaced', () => {
    const text = 'x = nn.Conv2d(3, 16, 3)\n';
    const call = callIn(text, { in_channels: '3', out_channels: '16' });
    assert.strictEqual(apply(text, call, fix('in_channels', 8)), 'x = nn.Conv2d(8, 16, 3)\n');
  });

  it('a keyword argument keeps its name, whichever span the reader gives', () => {
    const text = 'nn.Linear(in_features=4096, out_features=10)';
    for (const written of ['in_features=4096', '4096']) {
      const call = callIn(text, { in_features: written });
      assert.strictEqual(apply(text, call, fix('in_features', 512)), 'nn.Linear(in_features=512, out_features=10)');
    }
  });

  it('a missing argument is added as a keyword before the closing parenthesis', () => {
    const cases: [string, string][] = [
      ['nn.ConvTranspose2d(8, 4, 3, stride=2)', 'nn.ConvTranspose2d(8, 4, 3, stride=2, output_padding=1)'],
      ['nn.ConvTranspose2d(8, 4, 3, stride=2,)', 'nn.ConvTranspose2d(8, 4, 3, stride=2, output_padding=1)'],
      [
        'nn.ConvTranspose2d(\n    8, 4, 3,\n    stride=2,\n)',
        'nn.ConvTranspose2d(\n    8, 4, 3,\n    stride=2, output_padding=1\n)',
      ],
      ['nn.ConvTranspose2d()', 'nn.ConvTranspose2d(output_padding=1)'],
    ];
    for (const [text, expected] of cases)
      assert.strictEqual(apply(text, callIn(text, {}), fix('output_padding', [1, 1])), expected);
  });

  it('a fix that sets two arguments rewrites the one written and adds the other', () => {
    const text = 'nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1)';
    const call = callIn(text, { padding: 'padding=1' });
    const both = { ...fix('padding', [0, 0]), also: [{ parameter: 'output_padding', value: [1, 1] }] };
    assert.strictEqual(apply(text, call, both), 'nn.ConvTranspose2d(8, 4, 3, stride=2, padding=0, output_padding=1)');
    const neither = { ...fix('padding', [0, 1]), also: [{ parameter: 'output_padding', value: [1, 0] }] };
    assert.strictEqual(
      apply('nn.ConvTranspose2d(8, 4, 3)', callIn('nn.ConvTranspose2d(8, 4, 3)', {}), neither),
      'nn.ConvTranspose2d(8, 4, 3, padding=(0, 1), output_padding=(1, 0))',
    );
  });

  it('values per axis: one number when every axis has it, a tuple otherwise', () => {
    assert.strictEqual(valueText(3), '3');
    assert.strictEqual(valueText([1, 1]), '1');
    assert.strictEqual(valueText([1, 0]), '(1, 0)');
  });
});
