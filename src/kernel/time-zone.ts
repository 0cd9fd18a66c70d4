/** True when `zone` is an IANA time zone this runtime knows (e.g. Asia/Jakarta). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
