/**
 * The settings tables in README.md and docs/ state every default as package.json declares it, so the two
 * cannot drift apart again; README's table lists every setting.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../support/golden';

interface Manifest {
  contributes: { configuration: { properties: Record<string, { default: unknown }> } };
}

const settings = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest).contributes
  .configuration.properties;

/** Table rows whose first cell names a setting, in full (`convlens.decimals`) or by its last part (`maxInputCells`). */
function documentedDefaults(file: string): { setting: string; stated: string }[] {
  const rows: { setting: string; stated: string }[] = [];
  for (const line of fs.readFileSync(path.join(repoRoot, file), 'utf8').split('\n')) {
    const cells = /^\|\s*`([\w.]+)`\s*\|\s*([^|]*?)\s*\|/.exec(line);
    if (!cells) continue;
    const [, name, stated] = cells;
    const matches = Object.keys(settings).filter((key) => key === name || key.endsWith(`.${name}`));
    if (matches.length === 1) rows.push({ setting: matches[0], stated });
  }
  return rows;
}

/** `100,000,000` and `100000000` both read as the number; `true` as the boolean. */
const statedValue = (text: string): unknown => JSON.parse(text.replace(/(\d),(?=\d{3})/g, '$1'));

describe('settings defaults in the documentation', () => {
  const files = ['README.md', ...fs.readdirSync(path.join(repoRoot, 'docs')).filter((f) => f.endsWith('.md'))].map(
    (f) => (f === 'README.md' ? f : path.join('docs', f)),
  );

  for (const file of files) {
    it(`${file} states the defaults package.json declares`, () => {
      for (const { setting, stated } of documentedDefaults(file))
        assert.deepStrictEqual(statedValue(stated), settings[setting].default, `${file}: ${setting}`);
    });
  }

  it("README's table lists every setting", () => {
    const listed = documentedDefaults('README.md').map((row) => row.setting);
    assert.deepStrictEqual(listed.sort(), Object.keys(settings).sort());
  });

  it('docs/security.md lists every size limit', () => {
    const listed = documentedDefaults('docs/security.md').map((row) => row.setting);
    const limits = Object.keys(settings).filter((key) => key.startsWith('convlens.limits.'));
    assert.deepStrictEqual(listed.sort(), limits.sort());
  });
});
