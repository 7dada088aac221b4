/**
 * What reading PyTorch code costs on a large file: loading the parser, the first parse and reading of a generated
 * 3000-line model file, then one keystroke's edit read incrementally (`PythonDocuments`), parse and reading apart.
 *
 *   npm run bench:python
 */
import type { Parser } from '@vscode/tree-sitter-wasm';
import { PythonDocuments, pythonParser, readPython } from '../src/python';
import { readTree } from '../src/python/reading';
import { formatTable, ms } from './table';
import { measure } from './timing';

/** One block of a model file: a module class (__init__ and forward) and a Sequential, 30 lines. */
function block(i: number): string {
  return `
# convlens: input 1x3x64x64
class Block${i}(nn.Module):
    def __init__(self, channels=${16 + (i % 8)}):
        super().__init__()
        self.conv1 = nn.Conv2d(3, channels, kernel_size=K, padding=1)
        self.bn1 = nn.BatchNorm2d(channels)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(channels, 2 * channels, K, stride=2, padding=(1, 1), bias=False)
        self.up = nn.ConvTranspose2d(2 * channels, channels, 4, 2, 1)
        self.head = nn.Linear(channels * 16 * 16, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.bn1(self.conv1(x))))
        x = F.relu(self.conv2(x))
        x = self.up(x)
        x = torch.flatten(x, 1)
        return self.head(x)


features${i} = nn.Sequential(
    nn.Conv2d(3, CH[0], 3, padding="same"),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(CH[0], CH[1], 3, padding=1),
    nn.AdaptiveAvgPool2d((4, 4)),
    nn.Flatten(),
    nn.Linear(CH[1] * 16, 10),
)
`;
}

const HEADER = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\nK = 3\nCH = (16, 32)\n';
const text = HEADER + Array.from({ length: 100 }, (_, i) => block(i)).join('');
const lines = text.split('\n').length;

function timeFirst<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

async function main(): Promise<void> {
  const [parser, load] = await (async (): Promise<[Parser, number]> => {
    const started = performance.now();
    const loaded = await pythonParser();
    return [loaded, performance.now() - started];
  })();
  const [firstTree, firstParse] = timeFirst(() => parser.parse(text));
  if (!firstTree) throw new Error('no tree');
  const [, firstRead] = timeFirst(() => readTree(firstTree.rootNode, text));
  firstTree.delete();
  const [reading, second] = timeFirst(() => readPython(parser, text));

  // A keystroke in the middle of the file: a kernel size 3 -> 5, and back, alternately.
  const at = text.indexOf('kernel_size=K', text.length >> 1);
  const edited = text.slice(0, at) + 'kernel_size=5' + text.slice(at + 'kernel_size=K'.length);
  const documents = new PythonDocuments(parser);
  documents.read('model.py', 0, text);
  let version = 0;
  const edit = measure(() => documents.read('model.py', ++version, version % 2 ? edited : text), { minMs: 1000 });

  const tree = parser.parse(text);
  if (!tree) throw new Error('no tree');
  const readOnly = measure(() => readTree(tree.rootNode, text), { minMs: 1000 });
  const parseFull = measure(() => parser.parse(text)?.delete(), { minMs: 1000 });
  tree.delete();

  const steps = reading.models.reduce((sum, model) => sum + model.steps.length, 0);
  console.log(
    `Node ${process.version}; a ${lines}-line file (${(text.length / 1e3).toFixed(0)}k chars): ` +
      `${reading.layers.length} layer calls, ${reading.models.length} models, ${steps} steps`,
  );
  console.log(
    formatTable(
      ['step', 'ms'],
      [
        ['load the parser (once)', ms(load)],
        ['first parse', ms(firstParse)],
        ['first read (cold code)', ms(firstRead)],
        ['second parse + read', ms(second)],
        ['parse from scratch (median)', ms(parseFull.median)],
        ['read a parsed tree (median)', ms(readOnly.median)],
        ['an edit: incremental parse + read (median)', ms(edit.median)],
      ],
    ),
  );
}

void main();
