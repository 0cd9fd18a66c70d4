/** The time zones agencies and units keep: Indonesia's four offsets' zones, Cambodia's and Malaysia's, Thailand's. */
export const ZONES = [
  'Asia/Jakarta',
  'Asia/Pontianak',
  'Asia/Makassar',
  'Asia/Jayapura',
  'Asia/Phnom_Penh',
  'Asia/Kuala_Lumpur',
  'Asia/Kuching',
  'Asia/Bangkok',
];

/** The options for a zone select, keeping a value outside the list selectable. */
export function zoneOptions(current: string): string[] {
  return ZONES.includes(current) ? ZONES : [current, ...ZONES];
}
