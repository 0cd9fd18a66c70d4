import { DateTime } from 'luxon';

/** The two languages mail is written in: Bahasa Indonesia (the default) and English. */
export type MailLocale = 'id' | 'en';

/** A country's name in the reader's language (Kamboja, Cambodia), or its code when the runtime has no name. */
export function countryName(code: string | undefined, locale: MailLocale): string {
  if (!code || !/^[A-Z]{2}$/.test(code)) return '-';
  try {
    return (
      new Intl.DisplayNames([locale === 'id' ? 'id' : 'en'], { type: 'region', fallback: 'code' }).of(code) ?? code
    );
  } catch {
    return code;
  }
}

/** Formats an instant for a reader: "Mon 30 Nov 2026 07:53 (Asia/Jakarta)". */
export function formatInstant(iso: string | undefined, locale: MailLocale, timeZone: string): string {
  if (!iso) return '-';
  const instant = DateTime.fromISO(iso, { zone: timeZone }).setLocale(locale === 'id' ? 'id-ID' : 'en-GB');
  return instant.isValid ? `${instant.toFormat('ccc d LLL yyyy HH:mm')} (${timeZone})` : '-';
}
