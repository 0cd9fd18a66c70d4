/**
 * What one weekly coordination digest says (DOMAIN.md section 6): the plain data the digest template renders.
 * The digests module computes it fresh from PostgreSQL for one recipient and ISO week (and re-exports these types
 * from src/modules/digests/digest-content.ts); this library only reads it. Reference codes, agency acronyms,
 * counts, instants and links only: never free text users typed (titles, bodies, reasons) and never a victim's
 * identity.
 */

/** Which digest a person gets; one person may hold several roles (the sections add up). */
export type DigestAudience = 'LIAISON' | 'SUPERVISOR' | 'SECRETARIAT' | 'ATTACHE';

export type DigestItemKind = 'TASK' | 'REFERRAL' | 'CROSS_BORDER_REQUEST';

export interface DigestRecipient {
  userId: string;
  displayName: string;
  locale: 'id' | 'en';
  timeZone: string;
  agencyId: string;
  agencyAcronym: string;
  audiences: DigestAudience[];
}

export interface DigestWeek {
  /** ISO week, e.g. 2026-W48. */
  isoWeek: string;
  /** Monday 00:00 and the next Monday 00:00 in the recipient's time zone, as ISO instants. */
  start: string;
  end: string;
}

export interface DueSoonItem {
  kind: DigestItemKind;
  reference: string;
  link: string;
  /** The other agency (who asked, for a task; who referred, for a referral). */
  counterpartAgency: string;
  dueAt: string;
  status: string;
}

export interface OverdueItem {
  kind: DigestItemKind;
  reference: string;
  link: string;
  counterpartAgency: string;
  dueAt: string;
  /** Whole days past the deadline at the digest's moment. */
  daysOverdue: number;
}

export interface ReferralAwaitingItem {
  reference: string;
  link: string;
  fromAgency: string;
  service: string;
  urgency: string;
  respondBy: string;
}

export interface CrossBorderItem {
  reference: string;
  link: string;
  counterpartAgency: string;
  status: string;
  /** The stage the counterpart owes (ACKNOWLEDGE, DECIDE, EXECUTE), null when none. */
  openStage: string | null;
  daysOutstanding: number;
  overdue: boolean;
}

export interface CrossBorderCountryGroup {
  country: string;
  requests: CrossBorderItem[];
}

export interface EscalationItem {
  kind: DigestItemKind;
  reference: string;
  link: string;
  rungKey: string;
  firedAt: string;
}

export interface StalledCommitmentItem {
  code: string;
  instrumentCode: string;
  ownerAgency: string | null;
  lastActivityAt: string | null;
}

/** Secretariat: member agencies ranked by overdue work. */
export interface AgencyRankingItem {
  agency: string;
  overdueTasks: number;
  overdueReferrals: number;
  overdueRequests: number;
  total: number;
}

/** An action item of a meeting decision the recipient's agency owes, due this week (no decision text: free text). */
export interface ActionItemDueItem {
  /** The task's reference, e.g. TSK-000042. */
  reference: string;
  link: string;
  /** The decision, e.g. MTG-000012/3. */
  decision: string;
  dueAt: string;
  status: string;
}

/** Secretariat: open action items of the unit's meetings, per owner agency. */
export interface ActionItemsByAgencyItem {
  agency: string;
  overdue: number;
  open: number;
}

/** A repatriation operation leaving or arriving this week, planned or done (the recipient's agency takes part). */
export interface RepatriationMoveItem {
  /** The operation's reference, e.g. RPT-000001. */
  reference: string;
  link: string;
  /** DEPARTURE or ARRIVAL. */
  move: string;
  /** ISO 3166-1 alpha-2: the country the group leaves. */
  country: string;
  /** The day (YYYY-MM-DD): the real one once recorded, else the planned one. */
  day: string;
  /** Whether the move is recorded as done. */
  done: boolean;
  people: number;
}

/** A follow-up contact after return the recipient's agency owes, due this week or overdue (by the person's code). */
export interface FollowUpDueItem {
  /** The contact's reference, e.g. FUC-000012. */
  reference: string;
  link: string;
  /** The person's pseudonymous code. */
  victimCode: string;
  monthsAfterReturn: number;
  dueAt: string;
  overdue: boolean;
}

/** Secretariat: open findings of the nightly data-quality checks in the unit, per check, with a few codes. */
export interface DataQualityDigestItem {
  /** The check's code (NO_REFERRAL_AFTER_IDENTIFICATION …). */
  check: string;
  count: number;
  /** Up to three of the records' codes, oldest first. */
  examples: string[];
}

export interface WeekCounts {
  tasksOpened: number;
  tasksCompleted: number;
  overdueNow: number;
  escalationsFired: number;
}

export interface DigestContent {
  recipient: DigestRecipient;
  week: DigestWeek;
  /** Link to the recipient's digest settings. */
  preferencesLink: string;
  sections: {
    dueSoon: DueSoonItem[];
    overdue: OverdueItem[];
    overdueByOthers: OverdueItem[];
    referralsAwaiting: ReferralAwaitingItem[];
    crossBorder: CrossBorderCountryGroup[];
    escalations: EscalationItem[];
    stalledCommitments: StalledCommitmentItem[];
    agencyRanking: AgencyRankingItem[];
    actionItemsDue: ActionItemDueItem[];
    actionItemsByAgency: ActionItemsByAgencyItem[];
    repatriationMoves: RepatriationMoveItem[];
    followUpsDue: FollowUpDueItem[];
    /** Secretariat only; absent in digests computed before the checks existed. */
    dataQuality?: DataQualityDigestItem[];
  };
  counts: { thisWeek: WeekCounts; lastWeek: WeekCounts };
}

/** True when every section is empty: the digest is a short "nothing pending" note. */
export function isEmptyDigest(content: DigestContent): boolean {
  return Object.values(content.sections).every((section) => section.length === 0);
}
