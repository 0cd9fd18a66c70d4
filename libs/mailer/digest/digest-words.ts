import type { MailLocale } from '../locale';

import type { DigestContent, DigestItemKind } from './digest-content';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Every sentence of the digest, per language; numbers and codes come in as arguments. */
export interface Words {
  subject: (isoWeek: string, summary: string) => string;
  title: (isoWeek: string) => string;
  greeting: (name: string) => string;
  intro: (agency: string, from: string, to: string) => string;
  counts: (c: DigestContent['counts']) => string;
  nothingPending: string;
  nothingPendingNote: string;
  nothingOverdue: string;
  headings: {
    dueSoon: string;
    overdue: string;
    overdueByOthers: string;
    referralsAwaiting: string;
    crossBorder: string;
    escalations: string;
    stalledCommitments: string;
    agencyRanking: string;
    actionItemsDue: string;
    actionItemsByAgency: string;
    repatriationMoves: string;
    followUpsDue: string;
    dataQuality: string;
  };
  subjectParts: {
    overdue: (n: number) => string;
    dueSoon: (n: number) => string;
    referralsAwaiting: (n: number) => string;
    crossBorderOverdue: (n: number) => string;
    escalations: (n: number) => string;
    overdueByOthers: (n: number) => string;
    stalledCommitments: (n: number) => string;
    memberAgencyOverdue: (n: number) => string;
    crossBorderOpen: (n: number) => string;
    actionItemsDue: (n: number) => string;
    followUpsDue: (n: number) => string;
  };
  askedBy: Record<DigestItemKind, (agency: string) => string>;
  at: (agency: string) => string;
  due: (when: string) => string;
  status: (status: string) => string;
  daysOverdue: (n: number) => string;
  referredBy: (agency: string) => string;
  urgency: (urgency: string) => string;
  respondBy: (when: string) => string;
  counterpart: (agency: string) => string;
  awaiting: (stage: string) => string;
  daysOutstanding: (n: number) => string;
  overdueFlag: string;
  firedAt: (when: string) => string;
  instrument: (code: string) => string;
  owner: (agency: string) => string;
  lastActivity: (when: string | null) => string;
  rankingHead: [string, string, string, string, string];
  decision: (reference: string) => string;
  actionItemsHead: [string, string, string];
  move: (move: string, country: string, day: string, done: boolean) => string;
  people: (n: number) => string;
  monthsAfterReturn: (months: number) => string;
  dataQualityHead: [string, string, string];
  footer: (timeZone: string) => string;
  footerPreferences: string;
  footerPrivacy: string;
}

export const WORDS: Record<MailLocale, Words> = {
  id: {
    subject: (isoWeek, summary) => `[Simpul] Ringkasan mingguan ${isoWeek}: ${summary}`,
    title: (isoWeek) => `Ringkasan mingguan ${isoWeek}`,
    greeting: (name) => `Halo ${name},`,
    intro: (agency, from, to) => `berikut ringkasan koordinasi untuk ${agency}, pekan ${from} – ${to}.`,
    counts: ({ thisWeek: t, lastWeek: l }) =>
      `Minggu ini (minggu lalu): tugas dibuka ${t.tasksOpened} (${l.tasksOpened}) · tugas selesai ${t.tasksCompleted} (${l.tasksCompleted}) · terlambat saat ini ${t.overdueNow} (${l.overdueNow}) · eskalasi ${t.escalationsFired} (${l.escalationsFired}).`,
    nothingPending: 'tidak ada yang tertunda',
    nothingPendingNote:
      'Tidak ada yang tertunda minggu ini: tidak ada tugas, rujukan, atau permintaan lintas batas Anda yang segera jatuh tempo, terlambat, atau menunggu jawaban.',
    nothingOverdue: 'tidak ada yang terlambat',
    headings: {
      dueSoon: 'Jatuh tempo dalam 7 hari',
      overdue: 'Terlambat',
      overdueByOthers: 'Terlambat di instansi lain',
      referralsAwaiting: 'Rujukan menunggu jawaban Anda',
      crossBorder: 'Permintaan lintas batas',
      escalations: 'Eskalasi minggu ini',
      stalledCommitments: 'Komitmen macet',
      agencyRanking: 'Instansi anggota menurut pekerjaan terlambat',
      actionItemsDue: 'Keputusan rapat yang jatuh tempo minggu ini',
      actionItemsByAgency: 'Tindak lanjut rapat yang masih terbuka, per instansi',
      repatriationMoves: 'Keberangkatan dan kedatangan minggu ini',
      followUpsDue: 'Kontak tindak lanjut yang jatuh tempo',
      dataQuality: 'Mutu data: temuan pemeriksaan malam',
    },
    subjectParts: {
      overdue: (n) => `${n} terlambat`,
      dueSoon: (n) => `${n} segera jatuh tempo`,
      referralsAwaiting: (n) => `${n} menunggu jawaban`,
      crossBorderOverdue: (n) => `${n} permintaan lintas batas terlambat`,
      escalations: (n) => `${n} eskalasi`,
      overdueByOthers: (n) => `${n} terlambat di instansi lain`,
      stalledCommitments: (n) => `${n} komitmen macet`,
      memberAgencyOverdue: (n) => `${n} terlambat di instansi anggota`,
      crossBorderOpen: (n) => `${n} permintaan lintas batas berjalan`,
      actionItemsDue: (n) => `${n} keputusan rapat jatuh tempo`,
      followUpsDue: (n) => `${n} kontak tindak lanjut jatuh tempo`,
    },
    askedBy: {
      TASK: (agency) => `diminta oleh ${agency}`,
      REFERRAL: (agency) => `dirujuk oleh ${agency}`,
      CROSS_BORDER_REQUEST: (agency) => `mitra ${agency}`,
    },
    at: (agency) => `di ${agency}`,
    due: (when) => `tenggat ${when}`,
    status: (status) => `status ${status}`,
    daysOverdue: (n) => `terlambat ${n} hari`,
    referredBy: (agency) => `dirujuk oleh ${agency}`,
    urgency: (urgency) => `urgensi ${urgency}`,
    respondBy: (when) => `jawab sebelum ${when}`,
    counterpart: (agency) => `mitra ${agency}`,
    awaiting: (stage) => `menunggu tahap ${stage}`,
    daysOutstanding: (n) => `berjalan ${n} hari`,
    overdueFlag: 'TERLAMBAT',
    firedAt: (when) => `pada ${when}`,
    instrument: (code) => `instrumen ${code}`,
    owner: (agency) => `penanggung jawab ${agency}`,
    lastActivity: (when) => (when ? `aktivitas terakhir ${when}` : 'belum ada aktivitas'),
    rankingHead: ['Instansi', 'Tugas', 'Rujukan', 'Lintas batas', 'Total'],
    decision: (reference) => `keputusan ${reference}`,
    actionItemsHead: ['Instansi', 'Terlambat', 'Terbuka'],
    move: (move, country, day, done) =>
      `${move === 'ARRIVAL' ? (done ? 'tiba' : 'rencana tiba') : done ? 'berangkat' : 'rencana berangkat'} ${day} (dari ${country})`,
    people: (n) => `${n} orang`,
    monthsAfterReturn: (months) => `${months} bulan setelah kembali`,
    dataQualityHead: ['Pemeriksaan', 'Terbuka', 'Contoh'],
    footer: (timeZone) =>
      `Anda menerima ringkasan ini karena Anda pengguna Simpul di Gugus Tugas GTPP-TPPO. Ringkasan dikirim setiap Senin pukul 07.00 waktu Anda (${timeZone}).`,
    footerPreferences: 'Ubah atau hentikan ringkasan mingguan',
    footerPrivacy: 'Email ini hanya memuat kode rujukan, singkatan instansi, dan tautan; rinciannya ada di Simpul.',
  },
  en: {
    subject: (isoWeek, summary) => `[Simpul] Weekly digest ${isoWeek}: ${summary}`,
    title: (isoWeek) => `Weekly digest ${isoWeek}`,
    greeting: (name) => `Hello ${name},`,
    intro: (agency, from, to) => `here is the coordination digest for ${agency}, week of ${from} – ${to}.`,
    counts: ({ thisWeek: t, lastWeek: l }) =>
      `This week (last week): tasks opened ${t.tasksOpened} (${l.tasksOpened}) · tasks completed ${t.tasksCompleted} (${l.tasksCompleted}) · overdue now ${t.overdueNow} (${l.overdueNow}) · escalations ${t.escalationsFired} (${l.escalationsFired}).`,
    nothingPending: 'nothing pending',
    nothingPendingNote:
      'Nothing pending this week: none of your tasks, referrals or cross-border requests is due soon, overdue or awaiting your answer.',
    nothingOverdue: 'nothing overdue',
    headings: {
      dueSoon: 'Due in the next 7 days',
      overdue: 'Overdue',
      overdueByOthers: 'Overdue at other agencies',
      referralsAwaiting: 'Referrals awaiting your answer',
      crossBorder: 'Cross-border requests',
      escalations: 'Escalations this week',
      stalledCommitments: 'Stalled commitments',
      agencyRanking: 'Member agencies by overdue work',
      actionItemsDue: 'Meeting decisions due this week',
      actionItemsByAgency: 'Open action items of meetings, by agency',
      repatriationMoves: 'Departures and arrivals this week',
      followUpsDue: 'Follow-ups due',
      dataQuality: 'Data quality: findings of the nightly checks',
    },
    subjectParts: {
      overdue: (n) => `${n} overdue`,
      dueSoon: (n) => `${n} due soon`,
      referralsAwaiting: (n) => `${n} awaiting your answer`,
      crossBorderOverdue: (n) => `${n} cross-border overdue`,
      escalations: (n) => plural(n, 'escalation', 'escalations'),
      overdueByOthers: (n) => `${n} overdue at other agencies`,
      stalledCommitments: (n) => plural(n, 'stalled commitment', 'stalled commitments'),
      memberAgencyOverdue: (n) => `${n} overdue at member agencies`,
      crossBorderOpen: (n) => `${plural(n, 'cross-border request', 'cross-border requests')} open`,
      actionItemsDue: (n) => `${plural(n, 'meeting decision', 'meeting decisions')} due`,
      followUpsDue: (n) => `${plural(n, 'follow-up', 'follow-ups')} due`,
    },
    askedBy: {
      TASK: (agency) => `asked by ${agency}`,
      REFERRAL: (agency) => `referred by ${agency}`,
      CROSS_BORDER_REQUEST: (agency) => `counterpart ${agency}`,
    },
    at: (agency) => `at ${agency}`,
    due: (when) => `due ${when}`,
    status: (status) => `status ${status}`,
    daysOverdue: (n) => `${plural(n, 'day', 'days')} overdue`,
    referredBy: (agency) => `referred by ${agency}`,
    urgency: (urgency) => `${urgency} urgency`,
    respondBy: (when) => `answer by ${when}`,
    counterpart: (agency) => `counterpart ${agency}`,
    awaiting: (stage) => `awaiting ${stage}`,
    daysOutstanding: (n) => `${plural(n, 'day', 'days')} outstanding`,
    overdueFlag: 'OVERDUE',
    firedAt: (when) => `on ${when}`,
    instrument: (code) => `under ${code}`,
    owner: (agency) => `owner ${agency}`,
    lastActivity: (when) => (when ? `last activity ${when}` : 'no activity yet'),
    rankingHead: ['Agency', 'Tasks', 'Referrals', 'Cross-border', 'Total'],
    decision: (reference) => `decision ${reference}`,
    actionItemsHead: ['Agency', 'Overdue', 'Open'],
    move: (move, country, day, done) =>
      `${move === 'ARRIVAL' ? (done ? 'arrived' : 'arrives') : done ? 'left' : 'leaves'} ${day} (from ${country})`,
    people: (n) => plural(n, 'person', 'people'),
    monthsAfterReturn: (months) => `${months} ${months === 1 ? 'month' : 'months'} after return`,
    dataQualityHead: ['Check', 'Open', 'Examples'],
    footer: (timeZone) =>
      `You receive this digest because you are a Simpul user of the GTPP-TPPO task force. It is sent every Monday at 07:00 your time (${timeZone}).`,
    footerPreferences: 'Change or stop the weekly digest',
    footerPrivacy: 'This email carries reference codes, agency acronyms and links only; the details are in Simpul.',
  },
};
