import type { DigestContent } from './digest/digest-content';

import { renderDigest } from './digest-template';

const base = 'https://simpul.example';
const none = { tasksOpened: 0, tasksCompleted: 0, overdueNow: 0, escalationsFired: 0 };

/** A digest whose only content is meeting action items: due this week for the agency, and open per member agency. */
function digest(locale: 'id' | 'en'): DigestContent {
  return {
    recipient: {
      userId: '7d0c4bb6-5f1c-4d0b-9a57-1f2a3b4c5d6e',
      displayName: 'Rina Wulandari',
      locale,
      timeZone: 'Asia/Jakarta',
      agencyId: '3c9e0a1b-2d3e-4f50-8a6b-7c8d9e0f1a2b',
      agencyAcronym: 'Polri',
      audiences: ['LIAISON', 'SECRETARIAT'],
    },
    week: { isoWeek: '2026-W46', start: '2026-11-08T17:00:00.000Z', end: '2026-11-15T17:00:00.000Z' },
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
      actionItemsDue: [
        {
          reference: 'TSK-000120',
          link: `${base}/tasks/120`,
          decision: 'MTG-000012/3',
          dueAt: '2026-11-11T05:00:00Z',
          status: 'ACKNOWLEDGED',
        },
      ],
      actionItemsByAgency: [
        { agency: 'Kemlu', overdue: 1, open: 3 },
        { agency: 'BP2MI', overdue: 0, open: 1 },
      ],
      repatriationMoves: [],
      followUpsDue: [],
    },
  };
}

describe('the digest’s meeting sections', () => {
  const sut = renderDigest;

  it('lists the meeting decisions the agency owes this week, by task and decision, in Bahasa Indonesia', async () => {
    const mail = await sut(digest('id'));
    expect(mail.subject).toBe('[Simpul] Ringkasan mingguan 2026-W46: 1 keputusan rapat jatuh tempo');
    expect(mail.text).toContain('KEPUTUSAN RAPAT YANG JATUH TEMPO MINGGU INI');
    expect(mail.text).toContain(
      '- TSK-000120: keputusan MTG-000012/3 · tenggat Rab 11 Nov 2026 12:00 (Asia/Jakarta) · status dikonfirmasi',
    );
    expect(mail.text).toContain(`${base}/tasks/120`);
    expect(mail.html).toContain('Keputusan rapat yang jatuh tempo minggu ini');
  });

  it('shows the secretariat the open action items per agency, in English for an English reader', async () => {
    const mail = await sut(digest('en'));
    expect(mail.subject).toBe('[Simpul] Weekly digest 2026-W46: 1 meeting decision due');
    expect(mail.text).toContain('OPEN ACTION ITEMS OF MEETINGS, BY AGENCY');
    expect(mail.text).toContain('1. Kemlu: open 3 (overdue 1)');
    expect(mail.text).toContain('2. BP2MI: open 1 (overdue 0)');
    expect(mail.html).toMatch(/<th[^>]*>Overdue<\/th>/);
  });
});
