/**
 * The layering rules (`.dependency-cruiser.cjs`, run by `npm run lint`) catch what they are for: a small tree
 * with one offending import per rule, beside imports the layering allows, is cruised with the project's config.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../support/golden';

const depcruise = path.join(repoRoot, 'node_modules', '.bin', 'depcruise');

const TREE: Record<string, string> = {
  'tsconfig.json': '{}',
  'src/engine/probe.ts': "import '../parse/probe';\nimport 'fs';\n",
  // A type-only import is a dependency too.
  'src/parse/probe.ts': "import type { View } from '../view/probe';\nexport type Parsed = View;\n",
  'src/view/probe.ts': "import 'vscode';\nexport type View = number;\n",
  'src/picture/a.ts': "import { b } from './b';\nexport const a = () => b();\n",
  'src/picture/b.ts': "import { a } from './a';\nexport const b = () => a();\n",
  'src/format/probe.ts': "import '../hover/probe';\n",
  'src/hover/probe.ts': "import '../loose';\nimport '../engine/probe';\n",
  'src/loose.ts': 'export const loose = 1;\n',
  'src/protocol/messages.ts': 'export type Message = string;\n',
  'src/extension/probe.ts': "import 'vscode';\nimport 'fs';\nimport '../cli/probe';\nimport '../hover/probe';\n",
  'src/cli/probe.ts': 'export const cli = 1;\n',
  'media/probe.ts':
    "import '../src/extension/probe';\nimport 'fs';\nimport type { Message } from '../src/protocol/messages';\n",
  'test/unit/probe.ts': "import 'vscode';\n",
  'test/vscode/probe.ts': "import 'vscode';\n",
};

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

describe('layering rules', function () {
  this.timeout(60_000);

  it('each rule fails on its offending import, and only there', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'convlens-layering-'));
    try {
      for (const [file, text] of Object.entries(TREE)) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
      }
      const config = path.join(repoRoot, '.dependency-cruiser.cjs');
      const run = spawnSync(depcruise, ['src', 'media', 'test', '--config', config, '--output-type', 'json'], {
        cwd: root,
        encoding: 'utf8',
      });
      assert.ok(run.stdout, run.stderr);
      const violations = (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
      assert.deepStrictEqual(
        violations.map(({ rule, from, to }) => `${rule.name}: ${from} -> ${to}`).sort(),
        [
          'engine-imports-only-engine: src/engine/probe.ts -> fs',
          'engine-imports-only-engine: src/engine/probe.ts -> src/parse/probe.ts',
          'extension-imports-no-other-entry-point: src/extension/probe.ts -> src/cli/probe.ts',
          'format-imports-only-lower-layers: src/format/probe.ts -> src/hover/probe.ts',
          'media-imports-no-host-code: media/probe.ts -> src/extension/probe.ts',
          'media-imports-no-node-builtin: media/probe.ts -> fs',
          'no-cycles: src/picture/a.ts -> src/picture/b.ts', // a loop is reported once, at its first module
          'parse-imports-only-parse-and-engine: src/parse/probe.ts -> src/view/probe.ts',
          'vscode-only-in-extension: src/view/probe.ts -> vscode',
          'vscode-only-in-extension: test/unit/probe.ts -> vscode',
          'every-module-in-a-layer: src/hover/probe.ts -> src/loose.ts',
        ].sort(),
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
