import { DateTime } from 'luxon';

/** The two languages mail is written in: Bahasa Indonesia (the default) and English. */
export type MailLocale = 'id' | 'en';

/** A country's name in the reader's language (Kamboja, Cambodia), or its code when the runtime has no name. */
export function countryName(code: string | undefined, locale: MailLocale): string {
  if (!code || !/^[A-Z]{2}$/.test(code)) return '-';
  try {
    return regionNames(locale).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Formats an instant for a reader: "Mon 30 Nov 2026 07:53 (Asia/Jakarta)", as luxon's `ccc d LLL yyyy HH:mm` would.
 * A digest formats dozens of instants and 50,000 digests go out on a Monday: luxon (its offset lookup through Intl and
 * its formatter, per call) was 5 % of the sending worker's CPU with results remembered. Here a zone's offset is asked
 * of Intl once per quarter hour of UTC (offsets change on quarter hours), the day and month names once per locale.
 */
export function formatInstant(iso: string | undefined, locale: MailLocale, timeZone: string): string {
  if (!iso) return '-';
  const at = EXPLICIT_OFFSET.test(iso) ? Date.parse(iso) : NaN;
  // Without a zone of its own the ISO string is read in `timeZone`: luxon's rule, kept by asking luxon.
  if (Number.isNaN(at)) return formatWithLuxon(iso, locale, timeZone);
  const offset = offsetMinutes(at, timeZone);
  if (offset === undefined) return '-';
  const local = new Date(at + offset * 60_000);
  const { weekdays, months } = namesOf(locale);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  const date = `${weekdays[local.getUTCDay()]} ${local.getUTCDate()} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
  return `${date} ${hh}:${mm} (${timeZone})`;
}

/** The same through luxon: what formatInstant must equal, and its way for ISO strings without an offset. */
export function formatWithLuxon(iso: string, locale: MailLocale, timeZone: string): string {
  const instant = DateTime.fromISO(iso, { zone: timeZone }).setLocale(luxonLocale(locale));
  return instant.isValid ? `${instant.toFormat('ccc d LLL yyyy HH:mm')} (${timeZone})` : '-';
}

/** An ISO date-time with its own offset (Z or ±hh:mm), e.g. 2026-11-30T00:53:00.000Z. */
const EXPLICIT_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const QUARTER_HOUR_MS = 15 * 60_000;
const OFFSETS_KEPT = 10_000;
const offsets = new Map<string, number | undefined>();
const zoneFormats = new Map<string, Intl.DateTimeFormat | undefined>();

/** Minutes east of UTC in `timeZone` at `at`, or undefined for a zone the runtime does not know. */
function offsetMinutes(at: number, timeZone: string): number | undefined {
  const key = `${timeZone} ${Math.floor(at / QUARTER_HOUR_MS)}`;
  if (offsets.has(key)) return offsets.get(key);
  const format = zoneFormat(timeZone);
  let offset: number | undefined;
  if (format) {
    const part = (type: string) => Number(format.formatToParts(at).find((p) => p.type === type)?.value);
    const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
    offset = Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
  }
  if (offsets.size >= OFFSETS_KEPT) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function zoneFormat(timeZone: string): Intl.DateTimeFormat | undefined {
  if (!zoneFormats.has(timeZone)) {
    let format: Intl.DateTimeFormat | undefined;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      format = undefined;
    }
    zoneFormats.set(timeZone, format);
  }
  return zoneFormats.get(timeZone);
}

const luxonLocale = (locale: MailLocale) => (locale === 'id' ? 'id-ID' : 'en-GB');
const names = new Map<MailLocale, { weekdays: string[]; months: string[] }>();

/** Short day names (Sunday first, as getUTCDay counts) and month names, as luxon writes them in the locale. */
function namesOf(locale: MailLocale): { weekdays: string[]; months: string[] } {
  let found = names.get(locale);
  if (!found) {
    const on = (month: number, day: number) =>
      DateTime.fromObject({ year: 2026, month, day }, { zone: 'UTC' }).setLocale(luxonLocale(locale));
    found = {
      // 1 November 2026 is a Sunday.
      weekdays: Array.from({ length: 7 }, (_, i) => on(11, 1 + i).toFormat('ccc')),
      months: Array.from({ length: 12 }, (_, i) => on(i + 1, 1).toFormat('LLL')),
    };
    names.set(locale, found);
  }
  return found;
}

const regionNamesOf = new Map<MailLocale, Intl.DisplayNames>();

function regionNames(locale: MailLocale): Intl.DisplayNames {
  let names = regionNamesOf.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale === 'id' ? 'id' : 'en'], { type: 'region', fallback: 'code' });
    regionNamesOf.set(locale, names);
  }
  return names;
}
