import { DateTime } from 'luxon';

import { label, SERVICE_LABEL, STAGE_LABEL, URGENCY_LABEL } from '../labels';
import { countryName, formatInstant, MailLocale } from '../locale';

import {
  ActionItemDueItem,
  ActionItemsByAgencyItem,
  AgencyRankingItem,
  DataQualityDigestItem,
  CrossBorderCountryGroup,
  DigestContent,
  DigestItemKind,
  DueSoonItem,
  EscalationItem,
  FollowUpDueItem,
  isEmptyDigest,
  OverdueItem,
  ReferralAwaitingItem,
  RepatriationMoveItem,
  StalledCommitmentItem,
} from './digest-content';
import { DATA_QUALITY_LABEL, KIND_LABEL, RUNG_LABEL, STATUS_LABEL } from './digest-labels';
import { WORDS } from './digest-words';

/** One line of a section: a reference (a deep link when the item has one), what it is, and an optional flag. */
export interface Entry {
  code: string;
  link?: string;
  flag?: string;
  details: string[];
}

export interface Section {
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
  const actionItemDue = (item: ActionItemDueItem): Entry => ({
    code: item.reference,
    link: item.link,
    details: [
      w.decision(item.decision),
      w.due(when(item.dueAt)),
      w.status(label(STATUS_LABEL.TASK, locale, item.status)),
    ],
  });
  const actionItemsByAgency = (items: ActionItemsByAgencyItem[]): Section => ({
    title: w.headings.actionItemsByAgency,
    groups: [],
    table: { head: w.actionItemsHead, rows: items.map((r) => [r.agency, r.overdue, r.open].map(String)) },
  });
  const dataQuality = (items: DataQualityDigestItem[]): Section => ({
    title: w.headings.dataQuality,
    groups: [],
    table: {
      head: w.dataQualityHead,
      rows: items.map((r) => [label(DATA_QUALITY_LABEL, locale, r.check), String(r.count), r.examples.join(', ')]),
    },
  });

  const repatriationMove = (item: RepatriationMoveItem): Entry => ({
    code: item.reference,
    link: item.link,
    details: [w.move(item.move, countryName(item.country, locale), item.day, item.done), w.people(item.people)],
  });
  const followUpDue = (item: FollowUpDueItem): Entry => ({
    code: item.reference,
    link: item.link,
    flag: item.overdue ? w.overdueFlag : undefined,
    details: [item.victimCode, w.monthsAfterReturn(item.monthsAfterReturn), w.due(when(item.dueAt))],
  });

  const all: Section[] = [
    single(w.headings.dueSoon, s.dueSoon.map(dueSoon)),
    single(w.headings.actionItemsDue, s.actionItemsDue.map(actionItemDue)),
    single(w.headings.overdue, s.overdue.map(overdue('mine'))),
    single(w.headings.overdueByOthers, s.overdueByOthers.map(overdue('theirs'))),
    single(w.headings.referralsAwaiting, s.referralsAwaiting.map(referral)),
    { title: w.headings.crossBorder, groups: s.crossBorder.filter((g) => g.requests.length > 0).map(crossBorder) },
    single(w.headings.escalations, s.escalations.map(escalation)),
    single(w.headings.stalledCommitments, s.stalledCommitments.map(stalled)),
    ranking(s.agencyRanking),
    actionItemsByAgency(s.actionItemsByAgency),
    single(w.headings.repatriationMoves, s.repatriationMoves.map(repatriationMove)),
    single(w.headings.followUpsDue, s.followUpsDue.map(followUpDue)),
    dataQuality(s.dataQuality ?? []),
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
    [s.actionItemsDue.length, w.subjectParts.actionItemsDue],
    [s.followUpsDue.length, w.subjectParts.followUpsDue],
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

export interface Frame {
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

export function frame(content: DigestContent): Frame {
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
