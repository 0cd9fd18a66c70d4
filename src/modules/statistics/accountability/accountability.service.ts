import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { dayIn } from '@app/kernel/event-date';
import { Clock } from '@app/kernel/clock';

import { Accountability, AccountabilityArgs, AccountabilityGroup } from '../dto/accountability.dto';
import { readResponseTimes, readTrend, readUnitMembers, readWorkCounts, WorkCountRow } from './accountability.queries';
import { WORK_SOURCES } from './work-sources';

const DEFAULT_WEEKS = 4;

/**
 * Accountability for a unit's secretariat (issue 19): the work its member agencies owe, where it stands and how
 * fast they answer, all from PostgreSQL at one instant. The digest's ranking reads the same queries.
 */
@Injectable()
export class AccountabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  accountability(actor: Actor, args: AccountabilityArgs): Promise<Accountability> {
    const weeks = args.weeks ?? DEFAULT_WEEKS;
    const now = this.clock.now();
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const members = await readUnitMembers(manager, actor.agencyId, dayIn(now, actor.timeZone));
      const counts = await readWorkCounts(manager, members, now);
      const since = new Date(now.getTime() - weeks * 7 * 86_400_000);
      const times = await readResponseTimes(manager, members, now, since);
      const trend = await readTrend(manager, members, now, weeks);
      const agencies = new Map<string, { code: string; acronym: string }>(
        (await manager.query(`SELECT id, code, acronym FROM agency WHERE id = ANY($1::uuid[])`, [members])).map(
          (row: { id: string; code: string; acronym: string }) => [row.id, row],
        ),
      );
      const groups = (dimension: WorkCountRow['dimension'], label: (key: string) => { key: string; label: string }) =>
        groupsOf(counts, dimension, label);
      const agency = (id: string) => ({ key: agencies.get(id)?.code ?? id, label: agencies.get(id)?.acronym ?? id });
      const plain = (key: string) => ({ key, label: key });
      return {
        computedAt: now,
        kinds: WORK_SOURCES.map((source) => source.kind),
        total: groups('ALL', () => ({ key: 'ALL', label: 'ALL' }))[0] ?? empty('ALL'),
        byAgency: groups('AGENCY', agency),
        byProvince: groups('PROVINCE', plain),
        byCounterpartCountry: groups('COUNTRY', plain),
        responseTimes: times.map((row) => ({
          agencyCode: agency(row.agencyId).key,
          label: agency(row.agencyId).label,
          responses: row.responses,
          medianHours: row.medianHours,
          p90Hours: row.p90Hours,
        })),
        trend,
      };
    });
  }
}

function empty(key: string): AccountabilityGroup {
  return {
    key,
    label: key,
    open: 0,
    overdue: 0,
    byKind: WORK_SOURCES.map((s) => ({ kind: s.kind, open: 0, overdue: 0 })),
  };
}

/** The groups of one dimension, each with every kind (zeros included), most overdue first. */
function groupsOf(
  rows: readonly WorkCountRow[],
  dimension: WorkCountRow['dimension'],
  name: (key: string) => { key: string; label: string },
): AccountabilityGroup[] {
  const of = rows.filter((row) => row.dimension === dimension);
  return of
    .filter((row) => row.kind === null)
    .map((row) => ({
      ...name(row.key ?? 'ALL'),
      open: row.open,
      overdue: row.overdue,
      byKind: WORK_SOURCES.map((source) => {
        const kind = of.find((candidate) => candidate.key === row.key && candidate.kind === source.kind);
        return { kind: source.kind, open: kind?.open ?? 0, overdue: kind?.overdue ?? 0 };
      }),
    }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.label.localeCompare(b.label));
}
