import { DigestAudience, DigestItemKind, OverdueItem } from '../digest-content';
import { WeekBounds } from '../iso-week';

export const DAY_MS = 86_400_000;

/** Who the digest is for and the instants it is computed against. */
export interface Scope {
  userId: string;
  agencyId: string;
  /** The recipient's time zone: the week's days, "today", are the recipient's. */
  timeZone: string;
  audiences: DigestAudience[];
  now: Date;
  week: WeekBounds;
  lastWeek: WeekBounds;
  /** Base of the links the digest carries (PUBLIC_URL). */
  publicUrl: string;
}

export const hasAudience = (scope: Scope, audience: DigestAudience): boolean => scope.audiences.includes(audience);

const ITEM_PATH: Record<DigestItemKind, string> = {
  TASK: 'tasks',
  REFERRAL: 'referrals',
  CROSS_BORDER_REQUEST: 'cross-border-requests',
};

/** The web console's page of one item. */
export function itemLink(scope: Scope, kind: DigestItemKind, id: string): string {
  return `${scope.publicUrl}/${ITEM_PATH[kind]}/${id}`;
}

/** Whole days from `since` to `until` (0 when less than a day, or when `since` is later). */
export function wholeDays(until: Date, since: Date): number {
  return Math.max(0, Math.floor((until.getTime() - since.getTime()) / DAY_MS));
}

const KIND_ORDER: Record<DigestItemKind, number> = { TASK: 0, REFERRAL: 1, CROSS_BORDER_REQUEST: 2 };

/** Longest overdue first; ties by kind, then reference. */
export function byDueThenReference(a: OverdueItem, b: OverdueItem): number {
  return (
    a.dueAt.localeCompare(b.dueAt) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.reference.localeCompare(b.reference)
  );
}
