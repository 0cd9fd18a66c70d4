import { Breakdown } from '../statistics.enums';

/** How a record falls into the cells of one breakdown. */
export interface BreakdownColumn {
  /** SQL of the record's one value (text, never NULL: 'UNKNOWN' when not recorded). */
  expr?: string;
  /** SQL of the record's values (text[], never empty) for a multi-valued breakdown. */
  array?: string;
  /**
   * SQL of a `(VALUES …)` list of (key, weight) rows splitting a summed record across cells (participants by sex):
   * the weights add up to the record's weight.
   */
  split?: string;
}

/**
 * Where an indicator's records come from, in SQL over the register (read-only; constants only, no input). Each
 * record is one row of `from` meeting `where`; the figure counts distinct `subject`s, or sums `weight`.
 */
export interface IndicatorSource {
  from: string;
  where: string;
  subject: string;
  /** The date the record counts by (an event date, not the recording date), as SQL of type date. */
  day: string;
  /** Summed instead of counted (participants). */
  weight?: string;
  /**
   * SQL condition: the agency `agency` (an SQL uuid) is one whose records these are (the owner, a party): an agency
   * sees the figures of the records it is one of.
   */
  agencies: (agency: string) => string;
  /** The region (Kemendagri code) the record belongs to, for a provincial unit's area; null when it has none. */
  region: string | null;
  columns: Partial<Record<Breakdown, BreakdownColumn>>;
}

export const UNKNOWN = 'UNKNOWN';

/** A nullable SQL value as a cell key. */
export const orUnknown = (sql: string): string => `COALESCE((${sql})::text, '${UNKNOWN}')`;

/** A nullable SQL array as the keys of a multi-valued breakdown (UNKNOWN when empty). */
export const arrayOrUnknown = (sql: string): string =>
  `CASE WHEN cardinality(${sql}) > 0 THEN (${sql})::text[] ELSE ARRAY['${UNKNOWN}'] END`;

/** Province (first part) of a Kemendagri code. */
export const provinceOf = (sql: string): string => orUnknown(`NULLIF(split_part(${sql}, '.', 1), '')`);

/** Regency/city of a Kemendagri code, when the code is that precise. */
export const regencyOf = (sql: string): string =>
  `CASE WHEN ${sql} LIKE '%.%' THEN split_part(${sql}, '.', 1) || '.' || split_part(${sql}, '.', 2) ELSE '${UNKNOWN}' END`;

/** The calendar day of an instant in a time zone column. */
export const dayOf = (instant: string, zone: string): string => `((${instant}) AT TIME ZONE ${zone})::date`;

/** The agency condition of a source whose records belong to the agencies in these uuid columns. */
export const oneOf =
  (...columns: string[]) =>
  (agency: string): string =>
    `${agency} IN (${columns.join(', ')})`;
