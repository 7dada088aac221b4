/**
 * package.json against the code: every size limit is a setting with the engine's default, a workspace in
 * Restricted Mode cannot raise any of them, and the declared capabilities match what the extension does.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_LIMITS, Limits } from '../../../src/engine';
import { LIMIT_SETTINGS } from '../../../src/convolve';
import { repoRoot } from '../../support/golden';

interface Manifest {
  contributes: {
    configuration: {
      properties: Record<string, { type: string; default: unknown; minimum?: number; markdownDescription?: string }>;
    };
  };
  capabilities: {
    untrustedWorkspaces: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
    virtualWorkspaces: boolean | { supported: boolean | 'limited' };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const settings = manifest.contributes.configuration.properties;

describe('fuzz: limits and capabilities in package.json', () => {
  for (const limit of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    it(`${LIMIT_SETTINGS[limit]} is an integer setting defaulting to the engine's ${DEFAULT_LIMITS[limit].toLocaleString('en-US')}`, () => {
      const setting = settings[LIMIT_SETTINGS[limit]];
      assert.ok(setting, `${LIMIT_SETTINGS[limit]} is not contributed`);
      assert.strictEqual(setting.type, 'integer');
      assert.strictEqual(setting.default, DEFAULT_LIMITS[limit]);
      assert.strictEqual(setting.minimum, 1);
      assert.ok(setting.markdownDescription);
    });
  }

  it('every convlens.limits.* setting is one the code reads', () => {
    const declared = Object.keys(settings).filter((key) => key.startsWith('convlens.limits.'));
    assert.deepStrictEqual(declared.sort(), Object.values(LIMIT_SETTINGS).sort());
  });

  it('Restricted Mode: supported, but a workspace cannot raise a size limit (its values are ignored)', () => {
    const { untrustedWorkspaces } = manifest.capabilities;
    assert.strictEqual(untrustedWorkspaces.supported, 'limited');
    assert.ok(untrustedWorkspaces.description);
    const restricted = new Set(untrustedWorkspaces.restrictedConfigurations);
    for (const setting of [...Object.values(LIMIT_SETTINGS), 'convlens.hover.maxLiteralCharacters'])
      assert.ok(restricted.has(setting), `${setting} is not restricted`);
    for (const setting of restricted) assert.ok(settings[setting], `restricted ${setting} is not a setting`);
  });

  it('virtual workspaces: supported (the extension reads documents through VS Code only)', () => {
    assert.strictEqual(manifest.capabilities.virtualWorkspaces, true);
  });
});
