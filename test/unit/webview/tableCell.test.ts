import * as assert from 'assert';
import { cellAttributes, valueClasses } from '../../../media/render/tableCell';

const inside = { row: 0, col: 1, value: 47, text: '47', ariaLabel: 'output row 1 column 2: 47' };

describe('webview table cells', () => {
  it('an inside cell carries its position, its full-precision value and its spoken label', () => {
    assert.deepStrictEqual(cellAttributes(inside), [
      ['data-row', '0'],
      ['data-col', '1'],
      ['data-value', '47'],
      ['aria-label', 'output row 1 column 2: 47'],
    ]);
    assert.deepStrictEqual(
      new Map(cellAttributes({ ...inside, value: 1 / 3, text: '0.3333' })).get('data-value'),
      '0.3333333333333333',
    );
  });

  it('zeros are dimmed and cells not computed yet set apart, by class', () => {
    assert.deepStrictEqual(new Map(cellAttributes({ ...inside, value: 0, text: '0' })).get('class'), 'zero');
    assert.deepStrictEqual(
      new Map(cellAttributes({ ...inside, value: Number.NaN, text: '·' })).get('class'),
      'not-yet',
    );
    assert.deepStrictEqual(
      [valueClasses(0), valueClasses(-0), valueClasses(Number.NaN), valueClasses(2.5)],
      [['zero'], ['zero'], ['not-yet'], []],
    );
  });

  it('border cells: outside coordinates, data-padding (and data-cropped), no data-value', () => {
    assert.deepStrictEqual(
      cellAttributes({
        row: -1,
        col: 3,
        value: 0,
        text: '0',
        ariaLabel: 'input padding row 0 column 4: 0',
        border: 'padding',
      }),
      [
        ['data-row', '-1'],
        ['data-col', '3'],
        ['data-padding', 'true'],
        ['class', 'border border-padding zero'],
        ['aria-label', 'input padding row 0 column 4: 0'],
      ],
    );
    const cropped = new Map(
      cellAttributes({
        row: 4,
        col: -1,
        value: 5,
        text: '5',
        ariaLabel: 'scatter canvas cropped row 5 column 0: 5',
        border: 'cropped',
      }),
    );
    assert.deepStrictEqual(
      [cropped.get('data-padding'), cropped.get('data-cropped'), cropped.get('class'), cropped.has('data-value')],
      ['true', 'true', 'border border-cropped', false],
    );
  });

  it('a cell that stands for more than its value names its kind; padding kinds count as padding', () => {
    const inserted = new Map(cellAttributes({ ...inside, value: 0, text: '0', kind: { kind: 'inserted' } }));
    assert.deepStrictEqual(
      [inserted.get('data-kind'), inserted.get('class'), inserted.has('data-padding'), inserted.get('data-value')],
      ['inserted', 'kind-inserted zero', false, '0'],
    );
    const padding = new Map(
      cellAttributes({ ...inside, value: 0, text: '0', kind: { kind: 'padding', padding: true } }),
    );
    assert.deepStrictEqual(
      [padding.get('data-kind'), padding.get('data-padding'), padding.get('class')],
      ['padding', 'true', 'kind-padding zero'],
    );
  });

  it('a padded copy (padding_mode) names the cell it copies and how, in its attributes and its tooltip', () => {
    const copy = new Map(
      cellAttributes({
        row: -1,
        col: -1,
        value: 5,
        text: '5',
        ariaLabel: 'input padding row 0 column 0: 5 (reflected copy of x[1,1])',
        border: 'padding',
        copy: { label: 'x[1,1]', how: 'reflected' },
      }),
    );
    assert.deepStrictEqual(
      [copy.get('data-copies'), copy.get('data-copy'), copy.get('class'), copy.get('title'), copy.has('data-value')],
      ['x[1,1]', 'reflected', 'border border-padding copy copy-reflected', 'reflected copy of x[1,1]', false],
    );
  });

  it('an entry of M that sums several weights says so in its tooltip', () => {
    const sum = new Map(
      cellAttributes({ ...inside, value: 5, text: '5', kind: { kind: 'sum', tooltip: 'sum of w[0] + w[1]' } }),
    );
    assert.deepStrictEqual([sum.get('data-kind'), sum.get('title')], ['sum', 'sum of w[0] + w[1]']);
  });
});
