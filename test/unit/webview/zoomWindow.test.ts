import * as assert from 'assert';
import fc from 'fast-check';
import {
  cellAtFraction,
  contains,
  follow,
  fractionOfCell,
  isWhole,
  MIN_WINDOW_CELLS,
  panBy,
  wholeMatrix,
  windowText,
  ZOOM_STEP,
  zoomAround,
  ZoomWindow,
} from '../../../media/render/zoomWindow';

/** M of a 512 x 512 input and a 5 x 5 kernel. */
const M = { rows: 262_144, cols: 258_064 };

const inside = (w: ZoomWindow, full: { rows: number; cols: number }) =>
  w.row >= 0 && w.col >= 0 && w.rows >= 1 && w.cols >= 1 && w.row + w.rows <= full.rows && w.col + w.cols <= full.cols;

describe('heatmap zoom window', () => {
  it('zooming in halves each side around the cell, which stays put on screen', () => {
    const whole = wholeMatrix(M.rows, M.cols);
    const at = { row: 100_000, col: 50_000 };
    const w = zoomAround(whole, M, at, ZOOM_STEP);
    assert.deepStrictEqual(w, { row: 50_000, col: 25_000, rows: 131_072, cols: 129_032 });
    const before = fractionOfCell(whole, at);
    const after = fractionOfCell(w, at);
    assert.ok(
      Math.abs(before.x - after.x) < 1e-4 && Math.abs(before.y - after.y) < 1e-4,
      `${JSON.stringify(before)} vs ${JSON.stringify(after)}`,
    );
  });

  it('stops at 16 cells a side, stays inside the matrix at its edges, and zooms back out to the whole', () => {
    let w = wholeMatrix(M.rows, M.cols);
    const corner = { row: M.rows - 1, col: M.cols - 1 };
    for (let i = 0; i < 30; i++) w = zoomAround(w, M, corner, ZOOM_STEP);
    assert.deepStrictEqual(w, {
      row: M.rows - MIN_WINDOW_CELLS,
      col: M.cols - MIN_WINDOW_CELLS,
      rows: MIN_WINDOW_CELLS,
      cols: MIN_WINDOW_CELLS,
    });
    assert.ok(contains(w, corner));
    for (let i = 0; i < 30; i++) w = zoomAround(w, M, corner, 1 / ZOOM_STEP);
    assert.ok(isWhole(w, M.rows, M.cols));
    assert.deepStrictEqual([w.row, w.col], [0, 0]);
  });

  it('a short axis is never zoomed below its length', () => {
    const thin = { rows: 9, cols: 100_000 };
    const w = zoomAround(wholeMatrix(thin.rows, thin.cols), thin, { row: 4, col: 70_000 }, 1024);
    assert.deepStrictEqual([w.row, w.rows, w.cols], [0, 9, 98]);
    assert.ok(contains(w, { row: 4, col: 70_000 }));
  });

  it('random zooms and pans keep the window inside the matrix and the zoomed-on cell in view', () => {
    fc.assert(
      fc.property(
        fc.record({ rows: fc.integer({ min: 1, max: 300_000 }), cols: fc.integer({ min: 1, max: 300_000 }) }),
        fc.array(
          fc.record({
            factor: fc.constantFrom(ZOOM_STEP, 1 / ZOOM_STEP, 1.19, 0.84),
            x: fc.double({ min: 0, max: 0.999, noNaN: true }),
            y: fc.double({ min: 0, max: 0.999, noNaN: true }),
            pan: fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 })),
          }),
          { maxLength: 40 },
        ),
        (full, moves) => {
          let w = wholeMatrix(full.rows, full.cols);
          for (const move of moves) {
            const at = cellAtFraction(w, move.x, move.y);
            w = zoomAround(w, full, at, move.factor);
            assert.ok(inside(w, full), JSON.stringify(w));
            assert.ok(contains(w, at), `${JSON.stringify(at)} left ${JSON.stringify(w)}`);
            w = panBy(w, full, ...move.pan);
            assert.ok(inside(w, full), JSON.stringify(w));
          }
        },
      ),
      { numRuns: 300, seed: 20261125 },
    );
  });

  it('the pointer picks the cell under it; the keyboard cursor pulls the window along', () => {
    const w: ZoomWindow = { row: 1000, col: 2000, rows: 16, cols: 32 };
    assert.deepStrictEqual(cellAtFraction(w, 0, 0), { row: 1000, col: 2000 });
    assert.deepStrictEqual(cellAtFraction(w, 0.5, 0.99), { row: 1015, col: 2016 });
    assert.deepStrictEqual(cellAtFraction(w, 1, 1), { row: 1015, col: 2031 });
    assert.deepStrictEqual(fractionOfCell(w, { row: 1000, col: 2031 }), { x: 31.5 / 32, y: 0.5 / 16 });
    assert.deepStrictEqual(follow(w, { row: 1016, col: 2031 }), { ...w, row: 1001 });
    assert.deepStrictEqual(follow(w, { row: 999, col: 1990 }), { ...w, row: 999, col: 1990 });
    assert.deepStrictEqual(follow(w, { row: 1005, col: 2005 }), w);
    assert.deepStrictEqual(panBy(w, M, -5000, 10), { ...w, row: 0, col: 2010 });
  });

  it('says which rows and columns are on screen', () => {
    assert.strictEqual(
      windowText({ row: 1024, col: 0, rows: 256, cols: 256 }, M),
      'rows 1,024–1,279 of 262,144 · columns 0–255 of 258,064',
    );
  });
});
