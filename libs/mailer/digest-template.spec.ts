import type { DigestContent } from './digest/digest-content';

import { renderDigest, renderDigestDirect } from './digest-template';

const base = 'https://simpul.example';

const noCounts = { tasksOpened: 0, tasksCompleted: 0, overdueNow: 0, escalationsFired: 0 };

/** A digest with every section empty; tests fill in what they are about. */
function digest(
  overrides: Partial<Omit<DigestContent, 'sections'>> & { sections?: Partial<DigestContent['sections']> } = {},
): DigestContent {
  const { sections, ...rest } = overrides;
  return {
    recipient: {
      userId: '7d0c4bb6-5f1c-4d0b-9a57-1f2a3b4c5d6e',
      displayName: 'Rina Wulandari',
      locale: 'id',
      timeZone: 'Asia/Jakarta',
      agencyId: '3c9e0a1b-2d3e-4f50-8a6b-7c8d9e0f1a2b',
      agencyAcronym: 'Polri',
      audiences: ['LIAISON'],
    },
    week: { isoWeek: '2026-W48', start: '2026-11-22T17:00:00.000Z', end: '2026-11-29T17:00:00.000Z' },
    preferencesLink: `${base}/settings/digest`,
    counts: { thisWeek: { ...noCounts }, lastWeek: { ...noCounts } },
    ...rest,
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
      repatriationMoves: [],
      followUpsDue: [],
      ...sections,
    },
  };
}

const fullSections: DigestContent['sections'] = {
  dueSoon: [
    {
      kind: 'TASK',
      reference: 'TSK-000101',
      link: `${base}/tasks/101`,
      counterpartAgency: 'Kemlu',
      dueAt: '2026-11-25T03:00:00Z',
      status: 'IN_PROGRESS',
    },
    {
      kind: 'REFERRAL',
      reference: 'REF-000202',
      link: `${base}/referrals/202`,
      counterpartAgency: 'Kemensos',
      dueAt: '2026-11-26T03:00:00Z',
      status: 'ACCEPTED',
    },
  ],
  overdue: [
    {
      kind: 'TASK',
      reference: 'TSK-000090',
      link: `${base}/tasks/90`,
      counterpartAgency: 'Kemlu',
      dueAt: '2026-11-18T03:00:00Z',
      daysOverdue: 5,
    },
  ],
  overdueByOthers: [
    {
      kind: 'TASK',
      reference: 'TSK-000077',
      link: `${base}/tasks/77`,
      counterpartAgency: 'Ditjen Imigrasi',
      dueAt: '2026-11-20T03:00:00Z',
      daysOverdue: 1,
    },
  ],
  referralsAwaiting: [
    {
      reference: 'REF-000300',
      link: `${base}/referrals/300`,
      fromAgency: 'Kemensos',
      service: 'SHELTER',
      urgency: 'HIGH',
      respondBy: '2026-11-24T09:00:00Z',
    },
  ],
  crossBorder: [
    {
      country: 'KH',
      requests: [
        {
          reference: 'XBR-000011',
          link: `${base}/cross-border/11`,
          counterpartAgency: 'GDI',
          status: 'SUBMITTED',
          openStage: 'ACKNOWLEDGE',
          daysOutstanding: 9,
          overdue: true,
        },
      ],
    },
    {
      country: 'MY',
      requests: [
        {
          reference: 'XBR-000020',
          link: `${base}/cross-border/20`,
          counterpartAgency: 'JIM',
          status: 'ACKNOWLEDGED',
          openStage: 'DECIDE',
          daysOutstanding: 4,
          overdue: false,
        },
      ],
    },
  ],
  escalations: [
    {
      kind: 'TASK',
      reference: 'TSK-000090',
      link: `${base}/tasks/90`,
      rungKey: 'supervisor',
      firedAt: '2026-11-20T03:00:00Z',
    },
  ],
  stalledCommitments: [
    { code: 'MOU-KH-2019-C3', instrumentCode: 'MOU-KH-2019', ownerAgency: 'Polri', lastActivityAt: null },
  ],
  agencyRanking: [
    { agency: 'Kemlu', overdueTasks: 3, overdueReferrals: 1, overdueRequests: 1, total: 5 },
    { agency: 'Polri', overdueTasks: 1, overdueReferrals: 0, overdueRequests: 0, total: 1 },
  ],
  actionItemsDue: [],
  actionItemsByAgency: [],
  repatriationMoves: [],
  followUpsDue: [],
};

const counts = {
  thisWeek: { tasksOpened: 4, tasksCompleted: 1, overdueNow: 3, escalationsFired: 2 },
  lastWeek: { tasksOpened: 2, tasksCompleted: 3, overdueNow: 1, escalationsFired: 0 },
};

const headingsId = [
  'Jatuh tempo dalam 7 hari',
  'Terlambat',
  'Terlambat di instansi lain',
  'Rujukan menunggu jawaban Anda',
  'Permintaan lintas batas',
  'Eskalasi minggu ini',
  'Komitmen macet',
  'Instansi anggota menurut pekerjaan terlambat',
];
const headingsEn = [
  'Due in the next 7 days',
  'Overdue',
  'Overdue at other agencies',
  'Referrals awaiting your answer',
  'Cross-border requests',
  'Escalations this week',
  'Stalled commitments',
  'Member agencies by overdue work',
];

/** Where each heading starts in the plain text (headings are their own upper-cased line there). */
const headingLines = (text: string, headings: string[]) =>
  headings.map((h) => text.split('\n').indexOf(h.toUpperCase()));

describe('renderDigest', () => {
  const sut = renderDigest;

  it('writes Bahasa Indonesia by default, with instants in the recipient’s time zone', async () => {
    const mail = await sut(digest({ sections: fullSections, counts }));
    expect(mail.subject).toBe(
      '[Simpul] Ringkasan mingguan 2026-W48: 1 terlambat, 2 segera jatuh tempo, 1 menunggu jawaban',
    );
    expect(mail.html).toMatch(/<html lang="id"/);
    expect(mail.text).toContain('Halo Rina Wulandari,');
    expect(mail.text).toContain('pekan Sen 23 Nov 2026 – Min 29 Nov 2026');
    expect(mail.text).toContain(
      '- TSK-000101: Tugas · diminta oleh Kemlu · tenggat Rab 25 Nov 2026 10:00 (Asia/Jakarta) · status sedang dikerjakan',
    );
    expect(mail.text).toContain('- TSK-000090 [terlambat 5 hari]: Tugas · diminta oleh Kemlu');
    expect(mail.text).toContain('- TSK-000077 [terlambat 1 hari]: Tugas · di Ditjen Imigrasi');
    expect(mail.text).toContain(
      '- REF-000300: Rumah aman · dirujuk oleh Kemensos · urgensi tinggi · jawab sebelum Sel 24 Nov 2026 16:00 (Asia/Jakarta)',
    );
    expect(mail.text).toContain('Tugas · dinaikkan ke atasan instansi · pada Jum 20 Nov 2026 10:00 (Asia/Jakarta)');
    expect(mail.text).toContain(
      '- MOU-KH-2019-C3: instrumen MOU-KH-2019 · penanggung jawab Polri · belum ada aktivitas',
    );
    expect(mail.text).toContain('1. Kemlu: total 5 (tugas 3, rujukan 1, lintas batas 1)');
    expect(mail.text).toContain(
      'Minggu ini (minggu lalu): tugas dibuka 4 (2) · tugas selesai 1 (3) · terlambat saat ini 3 (1) · eskalasi 2 (0).',
    );
    expect(headingsId.every((h) => mail.html.includes(h))).toBe(true);
  });

  it('writes English for an English reader, in that reader’s time zone', async () => {
    const en = digest({ sections: fullSections, counts });
    en.recipient = { ...en.recipient, locale: 'en', timeZone: 'Asia/Makassar' };
    const mail = await sut(en);
    expect(mail.subject).toBe('[Simpul] Weekly digest 2026-W48: 1 overdue, 2 due soon, 1 awaiting your answer');
    expect(mail.html).toMatch(/<html lang="en"/);
    expect(mail.text).toContain('Hello Rina Wulandari,');
    expect(mail.text).toContain(
      '- TSK-000101: Task · asked by Kemlu · due Wed 25 Nov 2026 11:00 (Asia/Makassar) · status in progress',
    );
    expect(mail.text).toContain('- REF-000202: Referral · referred by Kemensos · due Thu 26 Nov 2026 11:00');
    expect(mail.text).toContain('- TSK-000090 [5 days overdue]: Task · asked by Kemlu');
    expect(mail.text).toContain('- TSK-000077 [1 day overdue]: Task · at Ditjen Imigrasi');
    expect(mail.text).toContain('- REF-000300: Shelter · referred by Kemensos · high urgency · answer by');
    expect(mail.text).toContain("Task · raised to the agency's supervisor · on Fri 20 Nov 2026 11:00 (Asia/Makassar)");
    expect(mail.text).toContain('- MOU-KH-2019-C3: under MOU-KH-2019 · owner Polri · no activity yet');
    expect(mail.text).toContain('1. Kemlu: total 5 (tasks 3, referrals 1, cross-border 1)');
    expect(headingsEn.every((h) => mail.html.includes(h))).toBe(true);
    expect(mail.text).not.toContain('Tugas');
  });

  it('puts the sections in the agreed order, in the text as in the HTML', async () => {
    const mail = await sut(digest({ sections: fullSections, counts }));
    const inText = headingLines(mail.text, headingsId);
    expect(inText.every((line) => line > 0)).toBe(true);
    expect([...inText].sort((a, b) => a - b)).toEqual(inText);
    const inHtml = headingsId.map((h) => mail.html.indexOf(`>${h}<`));
    expect(inHtml.every((at) => at > 0)).toBe(true);
    expect([...inHtml].sort((a, b) => a - b)).toEqual(inHtml);
  });

  it('shows every reference as a deep link, in the HTML and in the text', async () => {
    const mail = await sut(digest({ sections: fullSections }));
    const items = [
      ...fullSections.dueSoon,
      ...fullSections.overdue,
      ...fullSections.overdueByOthers,
      ...fullSections.referralsAwaiting,
      ...fullSections.crossBorder.flatMap((g) => g.requests),
      ...fullSections.escalations,
    ];
    for (const item of items) {
      expect(mail.html).toMatch(new RegExp(`<a href="${item.link}"[^>]*>${item.reference}</a>`));
      expect(mail.text).toContain(`  ${item.link}`);
    }
  });

  it('groups cross-border requests by country with the open stage, days outstanding and an overdue marker', async () => {
    const id = await sut(digest({ sections: { crossBorder: fullSections.crossBorder } }));
    expect(id.text).toContain('Kamboja:\n- XBR-000011 [TERLAMBAT]: mitra GDI · status diajukan');
    expect(id.text).toContain('menunggu tahap konfirmasi penerimaan · berjalan 9 hari');
    expect(id.text).toContain('Malaysia:\n- XBR-000020: mitra JIM · status dikonfirmasi · menunggu tahap keputusan');
    expect(id.html.match(/TERLAMBAT/g)).toHaveLength(1);
    const en = await sut(
      digest({
        recipient: { ...digest().recipient, locale: 'en' },
        sections: { crossBorder: fullSections.crossBorder },
      }),
    );
    expect(en.text).toContain(
      'Cambodia:\n- XBR-000011 [OVERDUE]: counterpart GDI · status submitted · awaiting acknowledgement · 9 days outstanding',
    );
    expect(en.text).toContain(
      '- XBR-000020: counterpart JIM · status acknowledged · awaiting decision · 4 days outstanding',
    );
  });

  it('leaves out the sections that are empty', async () => {
    const mail = await sut(digest({ sections: { referralsAwaiting: fullSections.referralsAwaiting } }));
    expect(mail.text).toContain('RUJUKAN MENUNGGU JAWABAN ANDA');
    expect(mail.html).toContain('Rujukan menunggu jawaban Anda');
    for (const heading of headingsId.filter((h) => h !== 'Rujukan menunggu jawaban Anda')) {
      expect(mail.html).not.toContain(`>${heading}<`);
      expect(mail.text.split('\n')).not.toContain(heading.toUpperCase());
    }
    expect(mail.text).not.toContain('Tidak ada yang tertunda');
    expect(mail.subject).toBe('[Simpul] Ringkasan mingguan 2026-W48: 1 menunggu jawaban');
  });

  it('says "nothing pending" when every section is empty', async () => {
    const id = await sut(digest());
    expect(id.subject).toBe('[Simpul] Ringkasan mingguan 2026-W48: tidak ada yang tertunda');
    expect(id.text).toContain('Tidak ada yang tertunda minggu ini');
    expect(id.html).toContain('Tidak ada yang tertunda minggu ini');
    expect(id.text).not.toContain('Minggu ini (minggu lalu)');
    expect(headingsId.some((h) => id.html.includes(`>${h}<`))).toBe(false);

    const en = await sut(digest({ recipient: { ...digest().recipient, locale: 'en' }, counts }));
    expect(en.subject).toBe('[Simpul] Weekly digest 2026-W48: nothing pending');
    expect(en.text).toContain('Nothing pending this week');
    // Last week's numbers still mean something when nothing is pending now.
    expect(en.text).toContain('This week (last week): tasks opened 4 (2)');
  });

  it('counts the most pressing items in the subject, at most three of them', async () => {
    const subject = async (sections: Partial<DigestContent['sections']>) =>
      (await sut(digest({ recipient: { ...digest().recipient, locale: 'en' }, sections }))).subject.replace(
        '[Simpul] Weekly digest 2026-W48: ',
        '',
      );
    expect(await subject(fullSections)).toBe('1 overdue, 2 due soon, 1 awaiting your answer');
    expect(
      await subject({ escalations: fullSections.escalations, stalledCommitments: fullSections.stalledCommitments }),
    ).toBe('1 escalation, 1 stalled commitment');
    expect(await subject({ crossBorder: fullSections.crossBorder })).toBe('1 cross-border overdue');
    expect(await subject({ agencyRanking: fullSections.agencyRanking })).toBe('6 overdue at member agencies');
    expect(
      await subject({
        agencyRanking: [{ agency: 'Kemlu', overdueTasks: 0, overdueReferrals: 0, overdueRequests: 0, total: 0 }],
      }),
    ).toBe('nothing overdue');
    expect(await subject({ crossBorder: [fullSections.crossBorder[1]] })).toBe('1 cross-border request open');
  });

  it('tells why the email came and links to the digest settings', async () => {
    const id = await sut(digest());
    expect(id.text).toContain('pengguna Simpul di Gugus Tugas GTPP-TPPO');
    expect(id.text).toContain('setiap Senin pukul 07.00 waktu Anda (Asia/Jakarta)');
    expect(id.text).toContain(`Ubah atau hentikan ringkasan mingguan: ${base}/settings/digest`);
    expect(id.html).toMatch(
      new RegExp(`<a href="${base}/settings/digest"[^>]*>Ubah atau hentikan ringkasan mingguan</a>`),
    );
    const en = await sut(digest({ recipient: { ...digest().recipient, locale: 'en', timeZone: 'Asia/Phnom_Penh' } }));
    expect(en.text).toContain('a Simpul user of the GTPP-TPPO task force');
    expect(en.text).toContain('every Monday at 07:00 your time (Asia/Phnom_Penh)');
    expect(en.html).toContain('Change or stop the weekly digest</a>');
  });

  it('escapes everything it puts into the HTML', async () => {
    const hostile = '<script>alert(1)</script>';
    const mail = await sut(
      digest({
        recipient: { ...digest().recipient, displayName: `<img src=x onerror=alert(1)>`, agencyAcronym: hostile },
        preferencesLink: `${base}/settings?a=1&b="><script>alert(2)</script>`,
        sections: {
          overdue: [
            { ...fullSections.overdue[0], counterpartAgency: hostile, link: `${base}/t/1"onmouseover="alert(3)` },
          ],
          stalledCommitments: [{ code: '<b>C1</b>', instrumentCode: hostile, ownerAgency: null, lastActivityAt: null }],
          agencyRanking: [{ agency: hostile, overdueTasks: 1, overdueReferrals: 0, overdueRequests: 0, total: 1 }],
          crossBorder: [
            { country: '<KH>', requests: [{ ...fullSections.crossBorder[0].requests[0], status: hostile }] },
          ],
        },
      }),
    );
    expect(mail.html).not.toMatch(/<script|<img|<b>C1|onmouseover="/);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain(`href="${base}/t/1&quot;onmouseover=&quot;alert(3)"`);
    expect(mail.html).toContain(`href="${base}/settings?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"`);
    // The plain-text part carries the same values as they are: nothing in it is interpreted.
    expect(mail.text).toContain(`- TSK-000090 [terlambat 5 hari]: Tugas · diminta oleh ${hostile}`);
  });

  it('sends exactly the HTML that MJML makes of the digest, also when the layout comes from the cache', async () => {
    const layouts = [
      digest(),
      digest({ sections: fullSections }),
      digest({ recipient: { ...digest().recipient, locale: 'en' }, sections: fullSections }),
      digest({ sections: { overdue: fullSections.overdue, crossBorder: fullSections.crossBorder } }),
      // Text that looks like a layout marker or a replacement pattern stays plain text.
      digest({ recipient: { ...digest().recipient, displayName: '@@simpul-slot-0@@ $& $1 $$' } }),
    ];
    for (const content of layouts) {
      expect((await sut(content)).html).toBe(await renderDigestDirect(content));
      // The second recipient with the same layout gets the cached layout: still the same HTML.
      expect((await sut(content)).html).toBe(await renderDigestDirect(content));
    }
    const marker = await sut(layouts[4]);
    expect(marker.html).toContain('@@simpul-slot-0@@ $&amp; $1 $$');
  });

  it('shows an unknown code as it is rather than dropping it', async () => {
    const mail = await sut(
      digest({
        recipient: { ...digest().recipient, locale: 'en' },
        sections: {
          dueSoon: [{ ...fullSections.dueSoon[0], status: 'ON_HOLD' }],
          escalations: [{ ...fullSections.escalations[0], rungKey: 'minister' }],
        },
      }),
    );
    expect(mail.text).toContain('status ON_HOLD');
    expect(mail.text).toContain('Task · minister · on');
  });
});
