// Each import style PyTorch's docs and tutorials use binds the same layer: nn.Conv2d(3, 16, 3) is Conv2d whatever the
// name it is reached through.
import * as assert from 'assert';
import { loadParser, onlyCall, read } from './helpers';

const CONV = 'Conv2d(3, 16, 3)';

describe('python: layers are recognised through every usual import', () => {
  before(loadParser);

  for (const [imports, callee] of [
    ['import torch.nn as nn', 'nn.'],
    ['from torch import nn', 'nn.'],
    ['from torch.nn import Conv2d', ''],
    ['from torch.nn import Conv2d as C', 'C'],
    ['import torch', 'torch.nn.'],
    ['import torch.nn', 'torch.nn.'],
  ] as const) {
    it(`${imports}: ${callee === 'C' ? 'C(3, 16, 3)' : callee + CONV}`, () => {
      const text = `${imports}\nlayer = ${callee === 'C' ? 'C(3, 16, 3)' : callee + CONV}\n`;
      const call = onlyCall(text);
      assert.strictEqual(call.torchName, 'Conv2d');
      assert.strictEqual(call.functional, false);
      assert.strictEqual(
        text.slice(call.calleeSpan.start, call.calleeSpan.end),
        callee === 'C' ? 'C' : `${callee}Conv2d`,
      );
    });
  }

  for (const [imports, callee] of [
    ['import torch.nn.functional as F', 'F.conv2d'],
    ['from torch.nn import functional as F', 'F.conv2d'],
    ['import torch.nn.functional as fn', 'fn.conv2d'],
    ['import torch', 'torch.nn.functional.conv2d'],
    ['from torch.nn.functional import conv2d', 'conv2d'],
  ] as const) {
    it(`${imports}: ${callee}(x, w)`, () => {
      const call = onlyCall(`${imports}\ny = ${callee}(x, torch.randn(8, 3, 3, 3))\n`);
      assert.strictEqual(call.torchName, 'conv2d');
      assert.strictEqual(call.functional, true);
    });
  }

  it('a cell without imports (a notebook imports in another cell) reads nn, F and torch as PyTorch names them', () => {
    const { layers } = read('a = nn.ReLU()\nb = F.relu(x)\nc = torch.flatten(x, 1)\n');
    assert.deepStrictEqual(
      layers.map((l) => [l.torchName, l.functional]),
      [
        ['ReLU', false],
        ['relu', true],
        ['flatten', true],
      ],
    );
  });

  it('a name the imports bind to something else is not PyTorch: nn from another library, a local Conv2d', () => {
    assert.deepStrictEqual(read('import mylib.nn as nn\nlayer = nn.Conv2d(3, 16, 3)\n').layers, []);
    assert.deepStrictEqual(read('from mylib import Conv2d\nlayer = Conv2d(3, 16, 3)\n').layers, []);
    assert.deepStrictEqual(read('import torch.nn as nn\nlayer = Conv2d(3, 16, 3)\n').layers, []);
  });

  it('names PyTorch does not define are not layers (nn.Conv4d, F.conv4d)', () => {
    assert.deepStrictEqual(read('import torch.nn as nn\na = nn.Conv4d(1, 1, 1)\nb = F.conv4d(x, w)\n').layers, []);
  });
});
