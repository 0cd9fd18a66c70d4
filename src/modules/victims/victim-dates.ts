import { DateTime } from 'luxon';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { dayIn, EarliestDay, eventDateProblem } from '@app/kernel/event-date';

import { IdentityDisclosureService } from './identity-disclosure.service';
import { VictimEntity } from './victim.entity';
import { AgeBand } from './victim.enums';
import { VictimErrorReason, VictimException } from './victim.exception';

/** The age a person had not yet reached at registration, by band (none: the band bounds nothing). */
const BAND_UPPER_AGE: Readonly<Record<AgeBand, number | null>> = {
  CHILD_0_11: 12,
  CHILD_12_17: 18,
  ADULT_18_24: 25,
  ADULT_25_34: 35,
  ADULT_35_49: 50,
  ADULT_50_PLUS: null,
  UNKNOWN: null,
};

/**
 * The earliest day a person can have been born. From the date of birth when the actor may see the identity;
 * otherwise from the age band at registration, which everyone who sees the record reads. Comparing an event date
 * with a date of birth the actor may not see would answer, date by date, what the birth date is.
 */
export async function birthBound(
  disclosure: IdentityDisclosureService,
  actor: Actor,
  victim: Pick<VictimEntity, 'id' | 'identitySealed' | 'ageBand' | 'createdAt'>,
): Promise<EarliestDay | null> {
  const born = await disclosure.dateOfBirthIfEntitled(actor, victim);
  if (born) return { day: born, what: "the person's birth" };
  const upper = BAND_UPPER_AGE[victim.ageBand];
  if (upper === null) return null;
  const registered = DateTime.fromJSDate(victim.createdAt, { zone: 'UTC' });
  return {
    day: registered.minus({ years: upper }).plus({ days: 1 }).toISODate() as string,
    what: `the person could have been born (age band ${victim.ageBand} at registration on ${registered.toISODate()})`,
  };
}

/** The actor's calendar day today, for "not in the future". */
export function todayFor(clock: Clock, actor: Actor): string {
  return dayIn(clock.now(), actor.timeZone);
}

/** Refuses an event date in the future or before the bounds, naming the field (nothing is written). */
export function requireEventDate(
  field: string,
  day: string | null | undefined,
  today: string,
  earliest: readonly (EarliestDay | null)[] = [],
): void {
  if (!day) return;
  const problem = eventDateProblem(day, today, earliest);
  if (problem) throw new VictimException(VictimErrorReason.EVENT_DATE_INVALID, `${field}: ${problem}`, field);
}
