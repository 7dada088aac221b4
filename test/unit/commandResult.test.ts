// A command's result crosses to the workbench as JSON: a view's typed arrays must not go with it.
import * as assert from 'assert';
import { briefAcrossProcesses } from '../../src/extension/commandResult';

describe('command results: brief across processes, whole in the extension host', () => {
  it('a shown view of 512 x 512 serialises as {"shown":true}; its caller in the host still holds the view', () => {
    const input = Float64Array.from({ length: 512 * 512 }, (_, i) => i);
    const outcome = briefAcrossProcesses({ view: { input }, origin: { place: 'big.json:1:1' } });
    assert.strictEqual(JSON.stringify(outcome), '{"shown":true}');
    assert.strictEqual(outcome.view.input, input);
    assert.deepStrictEqual(Object.keys(outcome), ['view', 'origin']);
  });

  it('an error or a cancel serialises whole', () => {
    const error = { error: { message: 'Expected a comma', line: 3, column: 7 } };
    assert.strictEqual(JSON.stringify(briefAcrossProcesses({ ...error })), JSON.stringify(error));
    assert.strictEqual(JSON.stringify(briefAcrossProcesses({ cancelled: true })), '{"cancelled":true}');
  });
});
