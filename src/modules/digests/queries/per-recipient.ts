import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';

import { hasAudience, Scope } from './digest-scope';

/** One value a section's query takes from each recipient: its PostgreSQL type and how to read it off the scope. */
export interface RecipientColumn {
  type: 'uuid' | 'boolean' | 'timestamptz' | 'date' | 'text';
  value: (scope: Scope) => unknown;
}

/**
 * Runs one section's query for every recipient of a batch in a single statement (issue 22: a dozen queries per
 * recipient could not send 50,000 digests in five minutes). `sql` is the query for one recipient: it reads that
 * recipient's values as `recipient.<column>` and the batch's constants as `$1 …`. Recipients whose values are the same
 * (colleagues of one agency, for an agency-wide section) share one evaluation. The answer holds each recipient's
 * rows, in the order the query gives them, aligned with `scopes`; the rows of recipients who share values are
 * the same objects (read them, do not change them).
 *
 * The query runs as a LATERAL subquery per distinct set of values (its ORDER BY keeps PostgreSQL from merging it
 * into the outer join), and `row_number() OVER ()` carries its order out.
 */
export async function perRecipient<Row extends object>(
  manager: EntityManager,
  scopes: readonly Scope[],
  columns: Record<string, RecipientColumn>,
  sql: string,
  constants: readonly unknown[] = [],
): Promise<Row[][]> {
  const names = Object.keys(columns);
  const indexOf = new Map<string, number>();
  const tuples: unknown[][] = [];
  const tupleOf = scopes.map((scope) => {
    const values = names.map((name) => columns[name].value(scope));
    const key = JSON.stringify(values);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = tuples.length;
      indexOf.set(key, index);
      tuples.push(values);
    }
    return index;
  });
  if (tuples.length === 0) return [];

  const first = constants.length + 1;
  const arrays = names.map((name, column) => `$${first + 1 + column}::${columns[name].type}[]`);
  const rows: (Row & { __i: number; __ord: string })[] = await manager.query(
    `SELECT recipient.__i AS "__i", x.*
       FROM unnest($${first}::int[], ${arrays.join(', ')}) AS recipient(__i, ${names.join(', ')})
       CROSS JOIN LATERAL (SELECT q.*, row_number() OVER () AS "__ord" FROM (${sql}) q) x
      ORDER BY recipient.__i, x."__ord"`,
    [...constants, tuples.map((_, i) => i), ...names.map((_, column) => tuples.map((tuple) => tuple[column]))],
  );
  const grouped: Row[][] = tuples.map(() => []);
  for (const row of rows) {
    const index = row.__i;
    const { __i: _i, __ord: _ord, ...fields } = row;
    grouped[index].push(fields as unknown as Row);
  }
  return tupleOf.map((index) => grouped[index]);
}

/** The columns most sections take. */
export const AGENCY: RecipientColumn = { type: 'uuid', value: (scope) => scope.agencyId };
export const USER: RecipientColumn = { type: 'uuid', value: (scope) => scope.userId };
export const SUPERVISOR: RecipientColumn = { type: 'boolean', value: (scope) => hasAudience(scope, 'SUPERVISOR') };
export const SECRETARIAT: RecipientColumn = { type: 'boolean', value: (scope) => hasAudience(scope, 'SECRETARIAT') };
/** The week's bounds, and the week before's, in the recipient's time zone. */
export const WEEK_START: RecipientColumn = { type: 'timestamptz', value: (scope) => scope.week.start };
export const WEEK_END: RecipientColumn = { type: 'timestamptz', value: (scope) => scope.week.end };
export const LAST_WEEK_START: RecipientColumn = { type: 'timestamptz', value: (scope) => scope.lastWeek.start };
/** The digest's day in the recipient's time zone. */
export const TODAY: RecipientColumn = { type: 'date', value: (scope) => localDay(scope.now, scope.timeZone) };

export function localDay(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() as string;
}
