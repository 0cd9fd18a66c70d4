// Bahasa Indonesia for the due-date preview, coordination meetings, activities and the administrator's editing.
// Spread into id.ts; en-coordination.ts must have the same keys.
export const idCoordination = {
  duePreview: {
    counting: 'Menghitung tenggat…',
    due: 'Tenggat:',
    counted: '{days} hari kerja dalam kalender instansi penerima ({zone}, hari libur {country}).',
    skipped: 'Melewati {n} hari libur/akhir pekan.',
    holidays: 'Hari libur nasional: {names}.',
  },
};
