import { DateTime } from 'luxon';
import mjml2html from 'mjml';

import type {
  AgencyRankingItem,
  CrossBorderCountryGroup,
  DigestContent,
  DigestItemKind,
  DueSoonItem,
  EscalationItem,
  OverdueItem,
  ReferralAwaitingItem,
  StalledCommitmentItem,
} from '@app/modules/digests/digest-content';
// A runtime import from src/, deliberately: "empty" must mean the same thing to the sender and to the template,
// and digest-content.ts imports nothing, so libs/mailer pulls in no application code with it.
import { isEmptyDigest } from '@app/modules/digests/digest-content';

import { escapeHtml } from './html';
import { label, Labels, REQUEST_STATUS_LABEL, SERVICE_LABEL, STAGE_LABEL, URGENCY_LABEL } from './labels';
import { countryName, formatInstant, MailLocale } from './locale';

/** One weekly digest email: the subject, an MJML-built HTML part and a plain-text part with the same content. */
export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

/* Labels for codes only the digest shows; the shared ones are in labels.ts. */
const KIND_LABEL: Labels = {
  id: { TASK: 'tugas', REFERRAL: 'rujukan', CROSS_BORDER_REQUEST: 'permintaan lintas batas' },
  en: { TASK: 'task', REFERRAL: 'referral', CROSS_BORDER_REQUEST: 'cross-border request' },
};

/** Statuses per kind: the same code can mean different things (a task's ACKNOWLEDGED, a request's). */
const STATUS_LABEL: Record<DigestItemKind, Labels> = {
  TASK: {
    id: {
      OPEN: 'terbuka',
      ACKNOWLEDGED: 'dikonfirmasi',
      IN_PROGRESS: 'sedang dikerjakan',
      BLOCKED: 'terhambat',
      DONE: 'selesai',
      DECLINED: 'ditolak',
      CANCELLED: 'dibatalkan',
      REOPENED: 'dibuka kembali',
    },
    en: {
      OPEN: 'open',
      ACKNOWLEDGED: 'acknowledged',
      IN_PROGRESS: 'in progress',
      BLOCKED: 'blocked',
      DONE: 'done',
      DECLINED: 'declined',
      CANCELLED: 'cancelled',
      REOPENED: 'reopened',
    },
  },
  REFERRAL: {
    id: {
      PROPOSED: 'diusulkan',
      ACCEPTED: 'diterima',
      DECLINED: 'ditolak',
      EXPIRED: 'kedaluwarsa',
      WITHDRAWN: 'ditarik kembali',
      IN_SERVICE: 'dalam layanan',
      COMPLETED: 'selesai',
      DISCONTINUED: 'dihentikan',
    },
    en: {
      PROPOSED: 'proposed',
      ACCEPTED: 'accepted',
      DECLINED: 'declined',
      EXPIRED: 'expired',
      WITHDRAWN: 'withdrawn',
      IN_SERVICE: 'in service',
      COMPLETED: 'completed',
      DISCONTINUED: 'discontinued',
    },
  },
  CROSS_BORDER_REQUEST: REQUEST_STATUS_LABEL,
};

/** The rungs of the seeded ladders (src/modules/escalations/default-policies.ts). */
const RUNG_LABEL: Labels = {
  id: {
    'reminder-48h': 'pengingat 48 jam sebelum tenggat',
    'reminder-24h': 'pengingat 24 jam sebelum tenggat',
    due: 'tenggat terlewati',
    'respond-by': 'batas jawaban terlewati',
    supervisor: 'dinaikkan ke atasan instansi',
    secretariat: 'dinaikkan ke sekretariat gugus tugas',
  },
  en: {
    'reminder-48h': 'reminder 48 hours before the deadline',
    'reminder-24h': 'reminder 24 hours before the deadline',
    due: 'deadline passed',
    'respond-by': 'respond-by passed',
    supervisor: "raised to the agency's supervisor",
    secretariat: 'raised to the task-force secretariat',
  },
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Every sentence of the digest, per language; numbers and codes come in as arguments. */
interface Words {
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
  footer: (timeZone: string) => string;
  footerPreferences: string;
  footerPrivacy: string;
}

const WORDS: Record<MailLocale, Words> = {
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
    footer: (timeZone) =>
      `You receive this digest because you are a Simpul user of the GTPP-TPPO task force. It is sent every Monday at 07:00 your time (${timeZone}).`,
    footerPreferences: 'Change or stop the weekly digest',
    footerPrivacy: 'This email carries reference codes, agency acronyms and links only; the details are in Simpul.',
  },
};

/** One line of a section: a reference (a deep link when the item has one), what it is, and an optional flag. */
interface Entry {
  code: string;
  link?: string;
  flag?: string;
  details: string[];
}

interface Section {
  title: string;
  /** Cross-border requests come grouped by country; other sections have one untitled group. */
  groups: { title?: string; entries: Entry[] }[];
  table?: { head: string[]; rows: string[][] };
}

const capitalize = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

function sections(content: DigestContent, locale: MailLocale): Section[] {
  const w = WORDS[locale];
  const tz = content.recipient.timeZone;
  const when = (iso: string) => formatInstant(iso, locale, tz);
  const kind = (k: DigestItemKind) => capitalize(label(KIND_LABEL, locale, k));
  const s = content.sections;
  const single = (title: string, entries: Entry[]): Section => ({ title, groups: [{ entries }] });

  const dueSoon = (item: DueSoonItem): Entry => ({
    code: item.reference,
    link: item.link,
    details: [
      kind(item.kind),
      w.askedBy[item.kind]?.(item.counterpartAgency) ?? item.counterpartAgency,
      w.due(when(item.dueAt)),
      w.status(label(STATUS_LABEL[item.kind] ?? { id: {}, en: {} }, locale, item.status)),
    ],
  });
  const overdue =
    (side: 'mine' | 'theirs') =>
    (item: OverdueItem): Entry => ({
      code: item.reference,
      link: item.link,
      flag: w.daysOverdue(item.daysOverdue),
      details: [
        kind(item.kind),
        side === 'mine'
          ? (w.askedBy[item.kind]?.(item.counterpartAgency) ?? item.counterpartAgency)
          : w.at(item.counterpartAgency),
        w.due(when(item.dueAt)),
      ],
    });
  const referral = (item: ReferralAwaitingItem): Entry => ({
    code: item.reference,
    link: item.link,
    details: [
      capitalize(label(SERVICE_LABEL, locale, item.service)),
      w.referredBy(item.fromAgency),
      w.urgency(label(URGENCY_LABEL, locale, item.urgency)),
      w.respondBy(when(item.respondBy)),
    ],
  });
  const crossBorder = (group: CrossBorderCountryGroup) => ({
    title: countryName(group.country, locale),
    entries: group.requests.map((item): Entry => ({
      code: item.reference,
      link: item.link,
      flag: item.overdue ? w.overdueFlag : undefined,
      details: [
        w.counterpart(item.counterpartAgency),
        w.status(label(STATUS_LABEL.CROSS_BORDER_REQUEST, locale, item.status)),
        ...(item.openStage ? [w.awaiting(label(STAGE_LABEL, locale, item.openStage))] : []),
        w.daysOutstanding(item.daysOutstanding),
      ],
    })),
  });
  const escalation = (item: EscalationItem): Entry => ({
    code: item.reference,
    link: item.link,
    details: [kind(item.kind), label(RUNG_LABEL, locale, item.rungKey), w.firedAt(when(item.firedAt))],
  });
  const stalled = (item: StalledCommitmentItem): Entry => ({
    code: item.code,
    details: [
      w.instrument(item.instrumentCode),
      ...(item.ownerAgency ? [w.owner(item.ownerAgency)] : []),
      w.lastActivity(item.lastActivityAt ? when(item.lastActivityAt) : null),
    ],
  });
  const ranking = (items: AgencyRankingItem[]): Section => ({
    title: w.headings.agencyRanking,
    groups: [],
    table: {
      head: w.rankingHead,
      rows: items.map((r) => [r.agency, r.overdueTasks, r.overdueReferrals, r.overdueRequests, r.total].map(String)),
    },
  });

  const all: Section[] = [
    single(w.headings.dueSoon, s.dueSoon.map(dueSoon)),
    single(w.headings.overdue, s.overdue.map(overdue('mine'))),
    single(w.headings.overdueByOthers, s.overdueByOthers.map(overdue('theirs'))),
    single(w.headings.referralsAwaiting, s.referralsAwaiting.map(referral)),
    { title: w.headings.crossBorder, groups: s.crossBorder.filter((g) => g.requests.length > 0).map(crossBorder) },
    single(w.headings.escalations, s.escalations.map(escalation)),
    single(w.headings.stalledCommitments, s.stalledCommitments.map(stalled)),
    ranking(s.agencyRanking),
  ];
  return all.filter(
    (section) => section.groups.some((g) => g.entries.length > 0) || (section.table?.rows.length ?? 0) > 0,
  );
}

/** The short count after the subject's week: the three most pressing non-zero counts, or "nothing pending". */
function subjectSummary(content: DigestContent, locale: MailLocale): string {
  const w = WORDS[locale];
  if (isEmptyDigest(content)) return w.nothingPending;
  const s = content.sections;
  const requests = s.crossBorder.flatMap((g) => g.requests);
  const candidates: [number, (n: number) => string][] = [
    [s.overdue.length, w.subjectParts.overdue],
    [s.dueSoon.length, w.subjectParts.dueSoon],
    [s.referralsAwaiting.length, w.subjectParts.referralsAwaiting],
    [requests.filter((r) => r.overdue).length, w.subjectParts.crossBorderOverdue],
    [s.escalations.length, w.subjectParts.escalations],
    [s.overdueByOthers.length, w.subjectParts.overdueByOthers],
    [s.stalledCommitments.length, w.subjectParts.stalledCommitments],
    [s.agencyRanking.reduce((sum, r) => sum + r.total, 0), w.subjectParts.memberAgencyOverdue],
  ];
  const parts = candidates.filter(([n]) => n > 0).map(([n, phrase]) => phrase(n));
  if (parts.length > 0) return parts.slice(0, 3).join(', ');
  // Nothing late anywhere: say what is still running, or that nothing is overdue (a ranking of zeros).
  return requests.length > 0 ? w.subjectParts.crossBorderOpen(requests.length) : w.nothingOverdue;
}

const hasCounts = ({ thisWeek, lastWeek }: DigestContent['counts']): boolean =>
  [thisWeek, lastWeek].some((c) => c.tasksOpened + c.tasksCompleted + c.overdueNow + c.escalationsFired > 0);

/** The week as dates in the recipient's zone: Monday and the Sunday before the next Monday. */
function weekDates(content: DigestContent, locale: MailLocale): [string, string] {
  const zone = content.recipient.timeZone;
  const loc = locale === 'id' ? 'id-ID' : 'en-GB';
  const start = DateTime.fromISO(content.week.start, { zone }).setLocale(loc);
  const end = DateTime.fromISO(content.week.end, { zone }).setLocale(loc).minus({ days: 1 });
  const day = (d: DateTime) => (d.isValid ? d.toFormat('ccc d LLL yyyy') : '-');
  return [day(start), day(end)];
}

interface Frame {
  locale: MailLocale;
  subject: string;
  preview: string;
  title: string;
  greeting: string;
  intro: string;
  counts?: string;
  emptyNote?: string;
  sections: Section[];
  footer: string;
  footerPrivacy: string;
  preferences: { label: string; href: string };
}

function frame(content: DigestContent): Frame {
  const locale: MailLocale = content.recipient.locale === 'en' ? 'en' : 'id';
  const w = WORDS[locale];
  const summary = subjectSummary(content, locale);
  const [from, to] = weekDates(content, locale);
  return {
    locale,
    subject: w.subject(content.week.isoWeek, summary),
    preview: `${w.title(content.week.isoWeek)}: ${summary}`,
    title: w.title(content.week.isoWeek),
    greeting: w.greeting(content.recipient.displayName),
    intro: w.intro(content.recipient.agencyAcronym, from, to),
    counts: hasCounts(content.counts) ? w.counts(content.counts) : undefined,
    emptyNote: isEmptyDigest(content) ? w.nothingPendingNote : undefined,
    sections: sections(content, locale),
    footer: w.footer(content.recipient.timeZone),
    footerPrivacy: w.footerPrivacy,
    preferences: { label: w.footerPreferences, href: content.preferencesLink },
  };
}

function renderText(f: Frame): string {
  const lines: string[] = [f.title, '', f.greeting, f.intro, ''];
  if (f.counts) lines.push(f.counts, '');
  if (f.emptyNote) lines.push(f.emptyNote, '');
  for (const section of f.sections) {
    lines.push(section.title.toUpperCase(), '');
    for (const group of section.groups) {
      if (group.title) lines.push(`${group.title}:`);
      for (const entry of group.entries) {
        const head = [entry.code, entry.flag ? `[${entry.flag}]` : undefined].filter(Boolean).join(' ');
        lines.push(`- ${head}: ${entry.details.join(' · ')}`);
        if (entry.link) lines.push(`  ${entry.link}`);
      }
      lines.push('');
    }
    if (section.table) {
      const numbers = section.table.head.slice(1);
      section.table.rows.forEach(([name, ...values], index) => {
        const breakdown = numbers.slice(0, -1).map((h, i) => `${h.toLowerCase()} ${values[i]}`);
        lines.push(
          `${index + 1}. ${name}: ${numbers.at(-1)?.toLowerCase()} ${values.at(-1)} (${breakdown.join(', ')})`,
        );
      });
      lines.push('');
    }
  }
  lines.push('--', f.footer, f.footerPrivacy, `${f.preferences.label}: ${f.preferences.href}`, '');
  return lines.join('\n');
}

const COLOR = {
  ink: '#1f2933',
  muted: '#52606d',
  faint: '#627d98',
  brand: '#0b2545',
  link: '#0b5cab',
  alert: '#b42318',
  rule: '#d9e2ec',
  page: '#f4f6f8',
};

/** MJML for one section; every text node is escaped, links are attributes of escaped values. */
function sectionMjml(section: Section, slot: Slot): string {
  const e = escapeHtml;
  const entryHtml = (entry: Entry) => {
    const code = entry.link
      ? `<a href="${e(entry.link)}" style="color:${COLOR.link};font-weight:bold;text-decoration:underline">${e(entry.code)}</a>`
      : `<strong>${e(entry.code)}</strong>`;
    const flag = entry.flag ? ` <span style="color:${COLOR.alert};font-weight:bold">${e(entry.flag)}</span>` : '';
    const details = `<span style="color:${COLOR.muted}">${entry.details.map(e).join(' &middot; ')}</span>`;
    return `<div style="margin:0 0 10px 0">${code}${flag}<br />${details}</div>`;
  };
  const parts = [
    `<mj-divider border-color="${COLOR.rule}" border-width="1px" padding="8px 24px 12px 24px" />`,
    `<mj-text font-size="16px" font-weight="bold" color="${COLOR.brand}" padding="0 24px 8px 24px">${slot(e(section.title))}</mj-text>`,
  ];
  for (const group of section.groups) {
    const title = group.title
      ? `<div style="margin:4px 0 6px 0;font-weight:bold;color:${COLOR.ink}">${e(group.title)}</div>`
      : '';
    parts.push(`<mj-text>${slot(title + group.entries.map(entryHtml).join(''))}</mj-text>`);
  }
  if (section.table) {
    const cell = (value: string, i: number, tag: 'th' | 'td') =>
      `<${tag} style="padding:6px 4px;border-bottom:1px solid ${COLOR.rule};text-align:${i === 0 ? 'left' : 'right'}${tag === 'th' ? ';color:' + COLOR.muted : ''}">${e(value)}</${tag}>`;
    const head = `<tr>${section.table.head.map((h, i) => cell(h, i, 'th')).join('')}</tr>`;
    const rows = section.table.rows.map((row) => `<tr>${row.map((v, i) => cell(v, i, 'td')).join('')}</tr>`);
    parts.push(
      `<mj-table font-size="14px" color="${COLOR.ink}" padding="0 24px 12px 24px">${slot(head + rows.join(''))}</mj-table>`,
    );
  }
  return `<mj-section><mj-column>${parts.join('')}</mj-column></mj-section>`;
}

function renderMjml(f: Frame, slot: Slot): string {
  const e = escapeHtml;
  const paragraph = (text: string, extra = '') => `<mj-text${extra}>${slot(e(text))}</mj-text>`;
  return [
    `<mjml lang="${f.locale}" dir="ltr">`,
    '<mj-head>',
    `<mj-title>${slot(e(f.subject))}</mj-title>`,
    `<mj-preview>${slot(e(f.preview))}</mj-preview>`,
    '<mj-attributes>',
    '<mj-all font-family="Arial, Helvetica, sans-serif" />',
    `<mj-text font-size="14px" line-height="1.5" color="${COLOR.ink}" padding="0 24px 8px 24px" />`,
    '<mj-section background-color="#ffffff" padding="0" />',
    '</mj-attributes>',
    '</mj-head>',
    `<mj-body background-color="${COLOR.page}" width="600px">`,
    `<mj-section background-color="${COLOR.brand}" padding="14px 0"><mj-column>`,
    `<mj-text color="#ffffff" font-size="15px" font-weight="bold" padding="0 24px">Simpul &middot; GTPP-TPPO</mj-text>`,
    '</mj-column></mj-section>',
    '<mj-section padding="20px 0 4px 0"><mj-column>',
    paragraph(f.title, ` font-size="20px" font-weight="bold" color="${COLOR.brand}" padding="0 24px 12px 24px"`),
    `<mj-text>${slot(`${e(f.greeting)}<br />${e(f.intro)}`)}</mj-text>`,
    ...(f.counts ? [paragraph(f.counts, ` color="${COLOR.muted}"`)] : []),
    ...(f.emptyNote
      ? [
          paragraph(
            f.emptyNote,
            ` font-size="15px" container-background-color="#eef6ee" padding="12px 24px" color="${COLOR.ink}"`,
          ),
        ]
      : []),
    '</mj-column></mj-section>',
    ...f.sections.map((section) => sectionMjml(section, slot)),
    '<mj-section padding="0 0 16px 0"><mj-column><mj-spacer height="8px" /></mj-column></mj-section>',
    '<mj-section background-color="transparent" padding="16px 0"><mj-column>',
    `<mj-text font-size="12px" line-height="1.4" color="${COLOR.faint}">${slot(`${e(f.footer)} ${e(f.footerPrivacy)}`)}</mj-text>`,
    `<mj-text font-size="12px" line-height="1.4" color="${COLOR.faint}">${slot(`<a href="${e(f.preferences.href)}" style="color:${COLOR.link}">${e(f.preferences.label)}</a>`)}</mj-text>`,
    '</mj-column></mj-section>',
    '</mj-body>',
    '</mjml>',
  ].join('\n');
}

/**
 * Renders one weekly coordination digest (DOMAIN.md section 6) in the recipient's language and time zone: the
 * subject with a short count, the HTML part built with MJML (tables and inline styles that common mail clients
 * render, 600 px wide, responsive below) and a plain-text part with the same content. Only what `content` carries
 * is shown (codes, acronyms, counts, instants, links), all of it escaped. Async because MJML 5 renders async.
 */
export async function renderDigest(content: DigestContent): Promise<RenderedDigest> {
  const f = frame(content);
  const slots: string[] = [];
  const layout = renderMjml(f, (html) => `@@simpul-slot-${slots.push(html) - 1}@@`);
  const compiled = await compiledLayout(layout, slots.length);
  const html = compiled.replace(SLOT_PATTERN, (_, index: string) => slots[Number(index)]);
  return { subject: f.subject, html, text: renderText(f) };
}

/** The digest's MJML rendered by MJML itself, without the slot trick (what renderDigest must equal). */
export async function renderDigestDirect(content: DigestContent): Promise<string> {
  return mjmlToHtml(renderMjml(frame(content), (html) => html));
}

/**
 * Puts a piece of content (already escaped HTML) into the MJML. MJML copies the inside of mj-text, mj-table,
 * mj-title and mj-preview into its output untouched, so the layout is rendered with numbered markers in
 * their place and the content is put in afterwards: MJML (about 10 ms of CPU per digest, the bulk of a
 * digest's cost at 50,000 recipients) then runs once per distinct layout instead of once per person.
 */
type Slot = (html: string) => string;

const SLOT_PATTERN = /@@simpul-slot-(\d+)@@/g;
/** Distinct layouts (locale × which sections, groups and tables appear): a few dozen in practice. */
const LAYOUT_CACHE_SIZE = 500;
const layouts = new Map<string, string>();

async function compiledLayout(layout: string, slotCount: number): Promise<string> {
  const cached = layouts.get(layout);
  if (cached !== undefined) return cached;
  const html = await mjmlToHtml(layout);
  // Every piece of content must land somewhere (MJML also repeats the title, as the body's aria-label).
  const kept = new Set([...html.matchAll(SLOT_PATTERN)].map((match) => Number(match[1])));
  if (kept.size !== slotCount) throw new Error(`Digest layout: MJML kept ${kept.size} of ${slotCount} content slots.`);
  if (layouts.size >= LAYOUT_CACHE_SIZE) layouts.delete(layouts.keys().next().value as string);
  layouts.set(layout, html);
  return html;
}

async function mjmlToHtml(mjml: string): Promise<string> {
  // 'strict' turns a malformed template into an error here instead of a broken email in someone's inbox.
  const { html } = await mjml2html(mjml, { validationLevel: 'strict', keepComments: false });
  return html;
}
