import { DateTime } from 'luxon';

/** A wall-clock time written HH:mm (24-hour). */
export const WALL_CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The instant a local date and wall-clock time name in a time zone (the unit's, or where the meeting is held):
 * 2024-03-13 + 09:00 in Asia/Phnom_Penh is 02:00 UTC. Null when the combination names no instant.
 */
export function localInstant(date: string, time: string, timeZone: string): Date | null {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  return local.isValid ? local.toJSDate() : null;
}

/** The local date (YYYY-MM-DD) and wall-clock time (HH:mm) of an instant in a time zone. */
export function localParts(instant: Date, timeZone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  return { date: local.toISODate() as string, time: local.toFormat('HH:mm') };
}
