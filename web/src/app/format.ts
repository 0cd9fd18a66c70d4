// One formatter for every instant: in the reader's time zone with the zone shown, and, when the responsible party
// keeps another clock, that one too ("5 Des 2026 17.00 WIB (di zona pihak …: 18.00 GMT+8)").
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(tag: string, timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${tag}|${timeZone}|${withDate}`;
  let value = cache.get(key);
  if (!value) {
    value = new Intl.DateTimeFormat(tag, {
      timeZone,
      ...(withDate ? { day: 'numeric', month: 'short', year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    cache.set(key, value);
  }
  return value;
}

export function formatInstant(iso: string | null | undefined, tag: string, timeZone: string): string {
  if (!iso) return '—';
  return formatter(tag, timeZone, true).format(new Date(iso));
}

/** The zone's offset at an instant, to tell whether two zones keep the same clock. */
function offsetAt(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' }).format(date).split(' ').pop() ?? '';
}

export function otherZoneTime(iso: string, tag: string, mine: string, theirs: string | undefined): string | null {
  if (!theirs) return null;
  const date = new Date(iso);
  if (offsetAt(date, mine) === offsetAt(date, theirs)) return null;
  return formatter(tag, theirs, true).format(date);
}

/** "3 hari 4 jam" / "3 days 4 h": the distance between now and a deadline, in the reader's language. */
export function formatDistance(ms: number, tag: string): string {
  const minutes = Math.round(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (value: number, u: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(tag, { style: 'unit', unit: u, unitDisplay: 'long' }).format(value);
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return unit(hours, 'hour');
  return unit(mins, 'minute');
}

/**
 * A calendar day (YYYY-MM-DD: the day an event happened, in the calendar it was recorded in) as the reader writes
 * dates ("6 Des 2026"); a day has no time, so no zone is shifted or shown.
 */
export function formatDay(day: string | null | undefined, tag: string): string {
  if (!day) return '—';
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}
