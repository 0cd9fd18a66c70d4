import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { DigestContent, WeekCounts } from './digest-content';
import { previousIsoWeek, weekBounds } from './iso-week';
import { readActionItems } from './queries/action-items.query';
import { readAgencyRanking } from './queries/agency-ranking.query';
import { readCrossBorderRequests } from './queries/cross-border-requests.query';
import { readDataQuality } from './queries/data-quality.query';
import { byDueThenReference, hasAudience, Scope } from './queries/digest-scope';
import { readFiredEscalations } from './queries/escalations.query';
import { audiencesOf, readRecipient } from './queries/recipient.query';
import { readReferralsAwaiting } from './queries/referrals-awaiting.query';
import { readRepatriation } from './queries/repatriation.query';
import { readStalledCommitments } from './queries/stalled-commitments.query';
import { readTaskDeadlines } from './queries/task-deadlines.query';
import { readWeekTaskCounts } from './queries/week-counts.query';

/**
 * Computes what one person's weekly digest says (DOMAIN.md section 6), fresh from PostgreSQL, in one read-only
 * snapshot so that the sections and the counts agree. The number of queries is fixed (one per section family,
 * whatever the data; each in its own file under queries/), since this runs once per recipient for every
 * recipient each week. Only reference numbers, statuses, instants, agency acronyms and counts are read: never
 * titles, bodies, reasons or anything of a victim.
 */
@Injectable()
export class DigestContentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * The digest of `userId` for `isoWeek` (e.g. 2026-W48, read in the recipient's time zone) as it stands at
   * `now` (the clock's now by default): deadlines are judged at `now`, activity (escalations, counts) over the
   * week's [Monday 00:00, next Monday 00:00).
   */
  async compute(userId: string, isoWeek: string, now: Date = this.clock.now()): Promise<DigestContent> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // Each query here reads a few index ranges: starting parallel workers for them costs more than it saves
      // (measured on 300,000 tasks: the escalation lookup took 130 ms with workers, 10 ms without), and the weekly
      // run does this for every recipient.
      await manager.query('SET TRANSACTION READ ONLY; SET LOCAL max_parallel_workers_per_gather = 0');
      const recipient = await readRecipient(manager, userId);
      const week = weekBounds(isoWeek, recipient.timeZone);
      const audiences = audiencesOf(recipient.roles);
      const scope: Scope = {
        userId,
        agencyId: recipient.agencyId,
        audiences,
        now,
        week,
        lastWeek: weekBounds(previousIsoWeek(isoWeek), recipient.timeZone),
        publicUrl: this.config.publicUrl,
      };
      const content: DigestContent = {
        recipient: {
          userId,
          displayName: recipient.displayName,
          locale: recipient.locale,
          timeZone: recipient.timeZone,
          agencyId: recipient.agencyId,
          agencyAcronym: recipient.agencyAcronym,
          audiences,
        },
        week: { isoWeek, start: week.start.toISOString(), end: week.end.toISOString() },
        preferencesLink: `${this.config.publicUrl}/settings/notifications`,
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
          dataQuality: [],
        },
        counts: { thisWeek: emptyCounts(), lastWeek: emptyCounts() },
      };
      // Roles without a digest (administrators, auditors, counterparts, partners) are told nothing.
      if (audiences.length === 0) return content;

      const tasks = await readTaskDeadlines(manager, scope);
      const referrals = await readReferralsAwaiting(manager, scope);
      const requests = await readCrossBorderRequests(manager, scope);
      const escalations = await readFiredEscalations(manager, scope);
      const counts = await readWeekTaskCounts(manager, scope);
      const actionItems = await readActionItems(manager, scope, recipient.timeZone);
      const repatriation = await readRepatriation(manager, scope, recipient.timeZone);
      content.sections = {
        dueSoon: tasks.dueSoon,
        overdue: [...tasks.overdue, ...referrals.overdue, ...requests.overdue].sort(byDueThenReference),
        overdueByOthers: tasks.overdueByOthers,
        referralsAwaiting: referrals.awaiting,
        crossBorder: requests.groups,
        escalations: escalations.thisWeek,
        stalledCommitments: await readStalledCommitments(manager, scope),
        agencyRanking: hasAudience(scope, 'SECRETARIAT')
          ? await readAgencyRanking(manager, scope, recipient.timeZone)
          : [],
        actionItemsDue: actionItems.due,
        actionItemsByAgency: actionItems.byAgency,
        repatriationMoves: repatriation.moves,
        followUpsDue: repatriation.followUpsDue,
        dataQuality: hasAudience(scope, 'SECRETARIAT') ? await readDataQuality(manager, scope) : [],
      };
      content.counts = {
        thisWeek: {
          tasksOpened: counts.openedThisWeek,
          tasksCompleted: counts.completedThisWeek,
          overdueNow: counts.overdueNow,
          escalationsFired: escalations.thisWeek.length,
        },
        lastWeek: {
          tasksOpened: counts.openedLastWeek,
          tasksCompleted: counts.completedLastWeek,
          overdueNow: counts.overdueEndOfLastWeek,
          escalationsFired: escalations.lastWeekCount,
        },
      };
      return content;
    });
  }
}

function emptyCounts(): WeekCounts {
  return { tasksOpened: 0, tasksCompleted: 0, overdueNow: 0, escalationsFired: 0 };
}
