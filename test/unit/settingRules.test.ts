// Settings are checked where they are read: values of the wrong type or out of range fall back to the default,
// with one warning each. The defaults and ranges are package.json's, which VS Code shows but does not enforce.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SETTING_RULES, SettingChecker, SettingName } from '../../src/extension/settingRules';

interface Declared {
  type: string;
  default: unknown;
  minimum?: number;
  maximum?: number;
}

const declared = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, Declared> } };
  }
).contributes.configuration.properties;

const NOT_NUMBERS = [null, '3', true, [4], { value: 4 }, NaN, Infinity, -Infinity];
const NOT_BOOLEANS = [null, 'true', 'false', 0, 1, [true], {}];

describe('settings: checked where they are read', () => {
  it('covers every declared setting, with its default', () => {
    assert.deepStrictEqual(
      Object.keys(SETTING_RULES)
        .map((n) => `convlens.${n}`)
        .sort(),
      Object.keys(declared).sort(),
    );
    const checker = new SettingChecker(() => assert.fail('no warning for an unset value'));
    for (const name of Object.keys(SETTING_RULES) as SettingName[])
      assert.strictEqual(checker.check(name, undefined), declared[`convlens.${name}`].default, name);
  });

  it('whole numbers in the declared range pass; anything else is the default', () => {
    const checker = new SettingChecker(() => undefined);
    for (const name of Object.keys(SETTING_RULES) as SettingName[]) {
      const { type, default: fallback, minimum, maximum } = declared[`convlens.${name}`];
      if (type !== 'integer') continue;
      const [min, max] = [minimum ?? 0, maximum ?? Number.MAX_SAFE_INTEGER];
      assert.ok(min >= (name === 'decimals' ? 0 : 1), `${name}: limits are positive`);
      for (const ok of [min, max, Math.min(max, min + 1)]) assert.strictEqual(checker.check(name, ok), ok, name);
      for (const bad of [min - 1, max + 1, max + 2, min + 0.5, -1, ...NOT_NUMBERS])
        assert.strictEqual(checker.check(name, bad), fallback, `${name} ${String(bad)}`);
    }
    assert.strictEqual(checker.check('decimals', 101), 4);
    assert.strictEqual(checker.check('decimals', 12), 12);
    assert.strictEqual(checker.check('limits.maxInputCells', 0), 4_000_000);
  });

  it('booleans pass; anything else is the default', () => {
    const checker = new SettingChecker(() => undefined);
    const flags = (Object.keys(SETTING_RULES) as SettingName[]).filter(
      (n) => declared[`convlens.${n}`].type === 'boolean',
    );
    assert.ok(flags.includes('python.codeLens'));
    for (const name of flags) {
      const fallback = declared[`convlens.${name}`].default;
      for (const ok of [true, false]) assert.strictEqual(checker.check(name, ok), ok);
      for (const bad of NOT_BOOLEANS) assert.strictEqual(checker.check(name, bad), fallback, `${name} ${String(bad)}`);
    }
  });

  it('one warning per setting and bad value, naming both and the default', () => {
    const warnings: string[] = [];
    const checker = new SettingChecker((message) => warnings.push(message));
    for (let i = 0; i < 3; i++) {
      checker.check('decimals', 101);
      checker.check('decimals', -1);
      checker.check('hover.enabled', 'no');
      checker.check('decimals', 6);
    }
    assert.deepStrictEqual(warnings, [
      'convlens.decimals is 101, not a whole number from 0 to 12: using the default, 4.',
      'convlens.decimals is -1, not a whole number from 0 to 12: using the default, 4.',
      'convlens.hover.enabled is "no", not true or false: using the default, true.',
    ]);
  });
});
