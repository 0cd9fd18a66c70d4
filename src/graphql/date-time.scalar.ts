import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** The instants and days Simpul accepts: nothing it records happened before 1900 or is due after 2100. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Reads an ISO 8601 instant with an offset, refusing what is not a real moment between 1900 and 2100. */
export function parseInstant(value: unknown): Date {
  const example = 'such as 2026-12-05T09:00:00Z or 2026-12-05T16:00:00+07:00';
  if (typeof value !== 'string') throw new GraphQLError(`DateTime must be a string ${example}.`);
  const match = ISO_INSTANT.exec(value);
  if (!match) throw new GraphQLError(`DateTime must be an ISO 8601 date and time with a time zone, ${example}.`);
  const [y, mo, d, h, mi, s, oh, om] = match.slice(1).map((part) => Number(part ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59 || oh > 23 || om > 59) {
    throw new GraphQLError(`DateTime ${value} is not a real date and time.`);
  }
  const instant = new Date(value);
  const utcYear = instant.getUTCFullYear();
  if (Number.isNaN(instant.getTime()) || utcYear < EARLIEST_YEAR || utcYear > LATEST_YEAR) {
    throw new GraphQLError(`DateTime must lie between ${EARLIEST_YEAR}-01-01 and ${LATEST_YEAR}-12-31.`);
  }
  return instant;
}

/**
 * `DateTime` with strict input: an ISO 8601 string with a time zone, for a real moment between 1900 and 2100.
 * Replaces the framework's scalar of the same name, which turned anything (a number, "garbage", year 0) into a
 * Date and let the database or a deadline calculation fail on it later.
 */
export const BoundedDateTime = new GraphQLScalarType<Date, string | null>({
  name: 'DateTime',
  description: `An instant written in ISO 8601 with a time zone, e.g. 2026-12-05T09:00:00Z; accepted between ${EARLIEST_YEAR}-01-01 and ${LATEST_YEAR}-12-31.`,
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseValue: parseInstant,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string such as 2026-12-05T09:00:00Z.');
    return parseInstant(ast.value);
  },
});
