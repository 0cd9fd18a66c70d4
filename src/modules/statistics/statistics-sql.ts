import { Breakdown } from './statistics.enums';
import { IndicatorSource } from './sources/indicator-source';

/** One row of the grouped result: the keys (null where that breakdown is rolled up) and the figure. */
export interface GroupedRow {
  k1: string | null;
  k2: string | null;
  value: number;
  /** GROUPING(k1, k2): bit 1 set when k1 is rolled up, bit 0 when k2 is (one breakdown: GROUPING(k1), 1 for the total). */
  g: number;
}

export interface StatisticsSqlRequest {
  source: IndicatorSource;
  breakdowns: readonly Breakdown[];
  filters: readonly { breakdown: Breakdown; values: readonly string[] }[];
  /** SQL condition limiting the records to the reader's scope (uses params added through `param`). */
  scope: string;
  params: unknown[];
}

const TIME_FORMAT: Partial<Record<Breakdown, string>> = {
  [Breakdown.YEAR]: 'YYYY',
  [Breakdown.QUARTER]: 'YYYY-"Q"Q',
  [Breakdown.MONTH]: 'YYYY-MM',
};

/**
 * The one aggregation statement of an indicator: records of the period in scope, one row per record (one per value
 * of a multi-valued breakdown, one per share of a split), grouped by the breakdowns with every subtotal and the total
 * (GROUPING SETS), counting distinct records so a record in several cells of a multi-valued breakdown is counted once
 * in the totals. `params` starts with [from, to, now] ($1, $2, $3).
 */
export function statisticsSql(request: StatisticsSqlRequest): string {
  const { source, breakdowns } = request;
  const joins: string[] = [];
  let weight = source.weight ?? '1';
  const key = (breakdown: Breakdown, index: number): string => {
    const format = TIME_FORMAT[breakdown];
    if (format) return `to_char(${source.day}, '${format}')`;
    const column = source.columns[breakdown];
    if (!column) throw new Error(`no column for ${breakdown}`);
    const alias = `b${index + 1}`;
    if (column.array) {
      joins.push(`CROSS JOIN LATERAL unnest(${column.array}) AS ${alias}(key)`);
      return `${alias}.key`;
    }
    if (column.split) {
      joins.push(`CROSS JOIN LATERAL ${column.split} AS ${alias}(key, weight)`);
      weight = `${alias}.weight`;
      return `${alias}.key`;
    }
    return `(${column.expr})`;
  };
  const k1 = key(breakdowns[0], 0);
  const k2 = breakdowns.length > 1 ? key(breakdowns[1], 1) : 'NULL::text';
  const filters = request.filters.map((filter) => {
    request.params.push(filter.values);
    const param = `$${request.params.length}::text[]`;
    const format = TIME_FORMAT[filter.breakdown];
    if (format) return `to_char(${source.day}, '${format}') = ANY(${param})`;
    const column = source.columns[filter.breakdown];
    if (column?.array) return `(${column.array}) && ${param}`;
    return `(${column?.expr}) = ANY(${param})`;
  });
  const aggregate = source.weight ? 'sum(weight)' : 'count(DISTINCT subject)';
  const sets = breakdowns.length > 1 ? '(k1, k2), (k1), (k2), ()' : '(k1), ()';
  const grouping = breakdowns.length > 1 ? 'k1, k2' : 'k1';
  return `WITH period AS (SELECT $1::date AS first_day, $2::date AS last_day, $3::timestamptz AS computed_at),
  facts AS (
    SELECT ${source.subject} AS subject, ${weight} AS weight, ${k1} AS k1, ${k2} AS k2
      FROM ${source.from}
      ${joins.join('\n      ')}
     WHERE (${source.where}) AND ${source.day} BETWEEN $1::date AND $2::date AND (${request.scope})
       ${filters.map((filter) => `AND ${filter}`).join(' ')}
  )
  SELECT k1, ${breakdowns.length > 1 ? 'k2' : 'NULL::text AS k2'}, COALESCE(${aggregate}, 0)::float8 AS value, GROUPING(${grouping})::int AS g
    FROM facts GROUP BY GROUPING SETS (${sets})`;
}
