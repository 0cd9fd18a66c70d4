import { DateTime } from 'luxon';

import { CoordinationFiguresException } from './coordination-figures.exception';

/** A period of whole days, both included. */
export interface Period {
  from: string;
  to: string;
}

/** The longest period one query may span: a multi-year trend, bounded so the read stays cheap. */
const MAX_YEARS = 10;

export function checkPeriod(period: Period): Period {
  if (period.to < period.from) {
    throw CoordinationFiguresException.period(`to: ${period.to} is before from ${period.from}.`, 'to');
  }
  const latest = DateTime.fromISO(period.from, { zone: 'utc' }).plus({ years: MAX_YEARS }).toISODate() as string;
  if (period.to >= latest) {
    throw CoordinationFiguresException.period(`to: a period may span at most ${MAX_YEARS} years.`, 'to');
  }
  return period;
}
