import { DIMENSION_KEYS, IndicatorDefinition } from './indicator-catalogue';
import { Indicator, IndicatorDimension } from './indicator.dto';

/** The shares one record adds to along a dimension: usually one ([PREVENTION, 1]); participants by sex, three. */
export type Splitter<R> = (row: R) => [key: string, value: number][];

/** A splitter that puts all of a record's value in one share. */
export function one<R>(key: (row: R) => string, value: (row: R) => number): Splitter<R> {
  return (row) => [[key(row), value(row)]];
}

/**
 * An indicator over records: the total, and one breakdown per dimension the definition allows. Every record lands
 * in the shares of every breakdown, so each breakdown adds up to the total by construction (the splitters of a
 * record must add up to its value, which the participant counts' constraints guarantee). Enumerated dimensions list
 * every share, zeros included; open ones (year, region, agency, unit) the shares that occur, in order.
 */
export function buildIndicator<R>(
  definition: IndicatorDefinition,
  period: { from: string; to: string },
  rows: readonly R[],
  value: (row: R) => number,
  splitters: Partial<Record<IndicatorDimension, Splitter<R>>>,
): Indicator {
  const breakdowns = definition.dimensions.map((dimension) => {
    const split = splitters[dimension];
    if (!split) throw new Error(`Indicator ${definition.code} has no splitter for ${dimension}.`);
    const known = DIMENSION_KEYS[dimension];
    const sums = new Map<string, number>((known ?? []).map((key) => [key, 0]));
    for (const row of rows) {
      for (const [key, share] of split(row)) sums.set(key, (sums.get(key) ?? 0) + share);
    }
    const items = [...sums].map(([key, sum]) => ({ key, value: sum }));
    if (!known) items.sort((a, b) => a.key.localeCompare(b.key));
    return { dimension, items };
  });
  return {
    code: definition.code,
    name: definition.name,
    unit: definition.unit,
    definition: definition.definition,
    countsBy: definition.countsBy,
    from: period.from,
    to: period.to,
    total: rows.reduce((sum, row) => sum + value(row), 0),
    breakdowns,
  };
}
