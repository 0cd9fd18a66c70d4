/** The human reference of a numbered record: a prefix and its running number, e.g. TSK-000042, CASE-000007. */
export function formatReference(prefix: string, number: number): string {
  return `${prefix}-${String(number).padStart(6, '0')}`;
}
