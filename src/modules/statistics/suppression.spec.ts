import fc from 'fast-check';

import { GroupedRow } from './statistics-sql';
import { buildTable, StatisticsTable } from './statistics-table';
import { suppress } from './suppression';

const THRESHOLD = 11;

/** A two-way table of counts as the SQL returns it: cells, row and column subtotals, total. */
function grouped(grid: number[][]): GroupedRow[] {
  const rows: GroupedRow[] = [];
  let total = 0;
  grid.forEach((row, i) => {
    row.forEach((value, j) => rows.push({ k1: `r${i}`, k2: `c${j}`, value, g: 0 }));
    rows.push({ k1: `r${i}`, k2: null, value: row.reduce((a, b) => a + b, 0), g: 1 });
    total += row.reduce((a, b) => a + b, 0);
  });
  grid[0].forEach((_, j) => rows.push({ k1: null, k2: `c${j}`, value: grid.reduce((a, row) => a + row[j], 0), g: 2 }));
  rows.push({ k1: null, k2: null, value: total, g: 3 });
  return rows;
}

/** Every line (members with their published total) that hides exactly one member would give it away. */
function linesGivingAway(table: StatisticsTable, rows: number, cols: number): string[] {
  const cell = (i: number, j: number) => table.cells[i * cols + j];
  const problems: string[] = [];
  const check = (name: string, total: { suppressed: boolean }, members: { suppressed: boolean }[]) => {
    if (!total.suppressed && members.filter((member) => member.suppressed).length === 1) problems.push(name);
  };
  for (let i = 0; i < rows; i++)
    check(
      `row ${i}`,
      table.margins[0][i],
      Array.from({ length: cols }, (_, j) => cell(i, j)),
    );
  for (let j = 0; j < cols; j++)
    check(
      `col ${j}`,
      table.margins[1][j],
      Array.from({ length: rows }, (_, i) => cell(i, j)),
    );
  check('row subtotals', table.total, table.margins[0]);
  check('column subtotals', table.total, table.margins[1]);
  return problems;
}

const grids = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([rows, cols]) =>
  fc.array(
    fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 500 })), {
      minLength: cols,
      maxLength: cols,
    }),
    { minLength: rows, maxLength: rows },
  ),
);

describe('small-cell suppression', () => {
  it('hides every figure above zero and below the threshold, and shows the others unchanged unless they protect one', () => {
    fc.assert(
      fc.property(grids, (grid) => {
        const sut = buildTable(grouped(grid), 2, THRESHOLD);
        const all = [sut.total, ...sut.cells, ...sut.margins.flat()];
        const original = new Map(grouped(grid).map((row) => [[row.k1, row.k2].filter(Boolean).join('|'), row.value]));
        for (const figure of all) {
          const value = original.get(figure.keys.join('|')) ?? 0;
          if (value > 0 && value < THRESHOLD) expect(figure.suppressed).toBe(true);
          if (!figure.suppressed) expect(figure.value).toBe(value);
          else expect(figure.value).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never leaves a hidden figure alone in a line whose total is shown, so subtraction cannot undo it', () => {
    fc.assert(
      fc.property(grids, (grid) => {
        const sut = buildTable(grouped(grid), 2, THRESHOLD);
        expect(linesGivingAway(sut, grid.length, grid[0].length)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('protects a one-way table the same way: one small cell hides a second one (the smallest other above zero)', () => {
    const sut = suppress([120, 3, 40, 25, 0, 52], [{ total: 0, members: [1, 2, 3, 4, 5] }], THRESHOLD);
    expect([...sut].sort()).toEqual([1, 3]);
  });

  it('hides the total itself when a small cell is the only one of its line', () => {
    const sut = suppress([4, 4], [{ total: 0, members: [1] }], THRESHOLD);
    expect([...sut].sort()).toEqual([0, 1]);
  });

  it('hides nothing for readers who may see the records (no threshold)', () => {
    const sut = buildTable(
      grouped([
        [1, 2],
        [3, 0],
      ]),
      2,
      null,
    );
    expect([sut.total, ...sut.cells].some((figure) => figure.suppressed)).toBe(false);
  });
});
