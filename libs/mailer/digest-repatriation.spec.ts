import type { DigestContent } from './digest/digest-content';

import { renderDigest } from './digest-template';

const base = 'https://simpul.example';
const none = { tasksOpened: 0, tasksCompleted: 0, overdueNow: 0, escalationsFired: 0 };

/** A digest whose only content is repatriation: an operation leaving and arriving this week, and follow-ups due. */
function digest(locale: 'id' | 'en'): DigestContent {
  return {
    recipient: {
      userId: '7d0c4bb6-5f1c-4d0b-9a57-1f2a3b4c5d6e',
      displayName: 'Maria Seran',
      locale,
      timeZone: 'Asia/Makassar',
      agencyId: '3c9e0a1b-2d3e-4f50-8a6b-7c8d9e0f1a2b',
      agencyAcronym: 'Dinsos NTT',
      audiences: ['LIAISON'],
    },
    week: { isoWeek: '2023-W40', start: '2023-10-01T16:00:00.000Z', end: '2023-10-08T16:00:00.000Z' },
    preferencesLink: `${base}/settings/digest`,
    counts: { thisWeek: { ...none }, lastWeek: { ...none } },
    sections: {
      dueSoon: [],
      overdue: [],
      overdueByOthers: [],
      referralsAwaiting: [],
      crossBorder: [],
      escalations: [],
      stalledCommitments: [],
      agencyRanking: [],
      actionItemsDue: [],
      actionItemsByAgency: [],
      repatriationMoves: [
        {
          reference: 'RPT-000001',
          link: `${base}/repatriation-operations/1`,
          move: 'DEPARTURE',
          country: 'KH',
          day: '2023-10-04',
          done: true,
          people: 27,
        },
        {
          reference: 'RPT-000001',
          link: `${base}/repatriation-operations/1`,
          move: 'ARRIVAL',
          country: 'KH',
          day: '2023-10-04',
          done: false,
          people: 27,
        },
      ],
      followUpsDue: [
        {
          reference: 'FUC-000012',
          link: `${base}/follow-up-contacts/12`,
          victimCode: 'VCT-7K3QX9MB',
          monthsAfterReturn: 3,
          dueAt: '2024-01-04T09:00:00.000Z',
          overdue: true,
        },
      ],
    },
  };
}

describe('the digest’s repatriation sections', () => {
  const sut = renderDigest;

  it('lists departures, arrivals and follow-ups due by their codes, in Bahasa Indonesia', async () => {
    const mail = await sut(digest('id'));
    expect(mail.subject).toBe('[Simpul] Ringkasan mingguan 2023-W40: 1 kontak tindak lanjut jatuh tempo');
    expect(mail.text).toContain('KEBERANGKATAN DAN KEDATANGAN MINGGU INI');
    expect(mail.text).toContain('- RPT-000001: berangkat 2023-10-04 (dari Kamboja) · 27 orang');
    expect(mail.text).toContain('- RPT-000001: rencana tiba 2023-10-04 (dari Kamboja) · 27 orang');
    expect(mail.text).toContain('KONTAK TINDAK LANJUT YANG JATUH TEMPO');
    expect(mail.text).toContain(`${base}/follow-up-contacts/12`);
  });

  it('says the same in English for an English reader, and flags the overdue contact', async () => {
    const mail = await sut(digest('en'));
    expect(mail.subject).toBe('[Simpul] Weekly digest 2023-W40: 1 follow-up due');
    expect(mail.text).toContain('DEPARTURES AND ARRIVALS THIS WEEK');
    expect(mail.text).toContain('- RPT-000001: left 2023-10-04 (from Cambodia) · 27 people');
    expect(mail.text).toMatch(/FUC-000012.*VCT-7K3QX9MB · 3 months after return/);
  });
});
