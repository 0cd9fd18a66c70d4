import { performance } from 'node:perf_hooks';

import { EntityManager } from 'typeorm';

import { readUnitMembers, readWorkCounts } from '@app/modules/statistics/accountability/accountability.queries';

import { AgencyRankingItem } from '../digest-content';
import { Scope } from './digest-scope';
import { localDay } from './per-recipient';

/** The secretariat's ranking names at most this many agencies. */
const RANKING_SIZE = 20;

/**
 * The secretariat's view: every agency holding a role (member, chair, partner …) in a task-force unit whose
 * secretariat the recipient's agency holds, both on the digest's day in the recipient's time zone, ranked by
 * overdue work: open tasks past due at the agency, referrals still unanswered past their respond-by, and its
 * requests with a running stage overdue. Agencies with nothing overdue are left out. The counts are the
 * accountability query's (src/modules/statistics/accountability), so the digest and the console agree.
 */
export async function readAgencyRankings(
  manager: EntityManager,
  scopes: readonly Scope[],
  memo?: RankingMemo,
): Promise<AgencyRankingItem[][]> {
  // Few recipients are a secretariat, and they share agencies: one ranking per agency and day.
  const rankings = new Map<string, Promise<AgencyRankingItem[]>>();
  const results: AgencyRankingItem[][] = [];
  for (const scope of scopes) {
    const today = localDay(scope.now, scope.timeZone);
    const key = `${scope.agencyId} ${today}`;
    if (!rankings.has(key)) {
      const read = () => readAgencyRanking(manager, scope, today);
      rankings.set(key, memo ? memo.get(key, read) : read());
    }
    results.push(await rankings.get(key)!);
  }
  return results;
}

/**
 * Rankings a worker computed lately, reused by the batches that follow for `reuseMs` (issue 22: at national scale
 * a secretariat's ranking counts the overdue work of every member agency, ~100 ms, and a fan-out has a secretariat
 * recipient in most batches). Every secretariat member of an agency then reads the same ranking that morning; it
 * may be up to `reuseMs` older than the rest of their digest. A ranking whose reading failed is not kept.
 */
export class RankingMemo {
  private readonly entries = new Map<string, { until: number; ranking: Promise<AgencyRankingItem[]> }>();

  constructor(private readonly reuseMs: number) {}

  get(key: string, read: () => Promise<AgencyRankingItem[]>): Promise<AgencyRankingItem[]> {
    const now = performance.now();
    const kept = this.entries.get(key);
    if (kept && kept.until > now) return kept.ranking;
    for (const [oldKey, entry] of this.entries) if (entry.until <= now) this.entries.delete(oldKey);
    const ranking = read();
    this.entries.set(key, { until: now + this.reuseMs, ranking });
    ranking.catch(() => {
      if (this.entries.get(key)?.ranking === ranking) this.entries.delete(key);
    });
    return ranking;
  }
}

async function readAgencyRanking(manager: EntityManager, scope: Scope, today: string): Promise<AgencyRankingItem[]> {
  const members = await readUnitMembers(manager, scope.agencyId, today);
  const counts = (await readWorkCounts(manager, members, scope.now)).filter(
    (row) => row.dimension === 'AGENCY' && row.kind !== null,
  );
  const overdue = (agencyId: string, kind: string) =>
    counts.find((row) => row.key === agencyId && row.kind === kind)?.overdue ?? 0;
  const agencies: { id: string; code: string; acronym: string }[] = await manager.query(
    `SELECT id, code, acronym FROM agency WHERE id = ANY($1::uuid[])`,
    [members],
  );
  return agencies
    .map((agency) => {
      const item = {
        agency: agency.acronym,
        overdueTasks: overdue(agency.id, 'TASK'),
        overdueReferrals: overdue(agency.id, 'REFERRAL'),
        overdueRequests: overdue(agency.id, 'CROSS_BORDER_REQUEST'),
      };
      return { ...item, total: item.overdueTasks + item.overdueReferrals + item.overdueRequests, code: agency.code };
    })
    .filter((item) => item.total > 0)
    .sort((a, b) => b.total - a.total || a.agency.localeCompare(b.agency) || a.code.localeCompare(b.code))
    .slice(0, RANKING_SIZE)
    .map(({ code: _code, ...item }) => item);
}
