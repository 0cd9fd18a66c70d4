/**
 * date-holidays (the library used for Indonesia and Malaysia) has no Cambodian calendar, so Cambodia's
 * fixed-date public holidays are kept here as data. Holidays that follow the lunar calendar (Visak Bochea,
 * Royal Ploughing Ceremony, Pchum Ben, the Water Festival) change every year with the Royal Government's
 * announcement: administrators enter them each year (they are plain rows in the `holiday` table).
 */
export const CAMBODIA_FIXED_HOLIDAYS: { monthDay: string; name: string }[] = [
  { monthDay: '01-01', name: "International New Year's Day" },
  { monthDay: '01-07', name: 'Victory over Genocide Day' },
  { monthDay: '03-08', name: "International Women's Day" },
  { monthDay: '04-14', name: 'Khmer New Year (Moha Sangkran)' },
  { monthDay: '04-15', name: 'Khmer New Year (Virak Vanabat)' },
  { monthDay: '04-16', name: 'Khmer New Year (Vearak Loeng Sak)' },
  { monthDay: '05-01', name: 'International Labour Day' },
  { monthDay: '05-14', name: "King Norodom Sihamoni's Birthday" },
  { monthDay: '06-18', name: "Queen Mother Norodom Monineath Sihanouk's Birthday" },
  { monthDay: '09-24', name: 'Constitution Day' },
  { monthDay: '10-15', name: 'Commemoration Day of King Father Norodom Sihanouk' },
  { monthDay: '10-29', name: 'Coronation Day of King Norodom Sihamoni' },
  { monthDay: '11-09', name: 'Independence Day' },
];

export const CAMBODIA_HOLIDAY_SOURCE = 'simpul-curated';
