import { GroupedRow } from './statistics-sql';
import { suppress, SuppressionLine } from './suppression';
import { UNKNOWN } from './sources/indicator-source';

/** One figure of a result: hidden (value null) when suppressed. */
export interface Figure {
  keys: string[];
  value: number | null;
  suppressed: boolean;
}

export interface StatisticsTable {
  total: Figure;
  /** Every combination of the keys seen (zeros included), in key order. */
  cells: Figure[];
  /** Per breakdown, its subtotals (for one breakdown, the cells again). */
  margins: Figure[][];
}

/** Keys in order; UNKNOWN (and NOT_RECORDED) last so reports list them at the end. */
function byKey(a: string, b: string): number {
  const last = (key: string) => Number(key === UNKNOWN || key === 'NOT_RECORDED');
  return last(a) - last(b) || a.localeCompare(b);
}

/**
 * Turns the grouped rows into the table of a result, and hides small figures when `threshold` is set (see
 * suppression.ts): every line (a row or a column of cells with its subtotal, the subtotals with the total) is
 * protected against subtraction.
 */
export function buildTable(rows: readonly GroupedRow[], dimensions: 1 | 2, threshold: number | null): StatisticsTable {
  const values: number[] = [];
  const keysOf: string[][] = [];
  const add = (keys: string[], value: number) => {
    values.push(value);
    keysOf.push(keys);
    return values.length - 1;
  };
  const find = (g: number, k1: string | null, k2: string | null) =>
    rows.find((row) => row.g === g && (row.k1 ?? null) === k1 && (row.k2 ?? null) === k2)?.value ?? 0;
  const lines: SuppressionLine[] = [];
  const total = add([], find(dimensions === 1 ? 1 : 3, null, null));
  let cells: number[];
  let margins: number[][];
  if (dimensions === 1) {
    const keys = rows
      .filter((row) => row.g === 0)
      .map((row) => row.k1 as string)
      .sort(byKey);
    cells = keys.map((key) => add([key], find(0, key, null)));
    margins = [cells];
    lines.push({ total, members: cells });
  } else {
    const rowKeys = [...new Set(rows.filter((row) => row.g === 1).map((row) => row.k1 as string))].sort(byKey);
    const colKeys = [...new Set(rows.filter((row) => row.g === 2).map((row) => row.k2 as string))].sort(byKey);
    const rowTotals = rowKeys.map((key) => add([key], find(1, key, null)));
    const colTotals = colKeys.map((key) => add([key], find(2, null, key)));
    const grid = rowKeys.map((r) => colKeys.map((c) => add([r, c], find(0, r, c))));
    cells = grid.flat();
    margins = [rowTotals, colTotals];
    lines.push({ total, members: rowTotals }, { total, members: colTotals });
    grid.forEach((row, i) => lines.push({ total: rowTotals[i], members: row }));
    colKeys.forEach((_, j) => lines.push({ total: colTotals[j], members: grid.map((row) => row[j]) }));
  }
  const hidden = threshold === null ? new Set<number>() : suppress(values, lines, threshold);
  const figure = (index: number): Figure => ({
    keys: keysOf[index],
    value: hidden.has(index) ? null : values[index],
    suppressed: hidden.has(index),
  });
  return { total: figure(total), cells: cells.map(figure), margins: margins.map((margin) => margin.map(figure)) };
}
