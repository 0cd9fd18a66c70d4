import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { RequestException } from '@app/kernel/domain.exception';

import { DigestAudience, DigestContent, WeekCounts } from './digest-content';
import { previousIsoWeek, weekBounds, WeekBounds } from './iso-week';
import { readActionItems } from './queries/action-items.query';
import { RankingMemo, readAgencyRankings } from './queries/agency-ranking.query';
import { readCrossBorderRequests } from './queries/cross-border-requests.query';
import { readDataQuality } from './queries/data-quality.query';
import { byDueThenReference, hasAudience, Scope } from './queries/digest-scope';
import { readFiredEscalations } from './queries/escalations.query';
import { audiencesOf, readRecipients, RecipientRow } from './queries/recipient.query';
import { readReferralsAwaiting } from './queries/referrals-awaiting.query';
import { readRepatriation } from './queries/repatriation.query';
import { readStalledCommitments } from './queries/stalled-commitments.query';
import { readTaskDeadlines } from './queries/task-deadlines.query';
import { readWeekTaskCounts } from './queries/week-counts.query';

/**
 * Computes what the weekly digest says (DOMAIN.md section 6), fresh from PostgreSQL, for one person or for a batch of
 * recipients at once, in one read-only snapshot so that the sections and the counts agree. The number of queries is
 * fixed per batch, whatever the data and however many recipients (one statement per section family, each in its own
 * file under queries/, answering for every recipient of the batch: issue 22). Only reference numbers, statuses,
 * instants, agency acronyms and counts are read: never titles, bodies, reasons or anything of a victim.
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
   * week's [Monday 00:00, next Monday 00:00). NOT_FOUND when there is no such user.
   */
  async compute(userId: string, isoWeek: string, now: Date = this.clock.now()): Promise<DigestContent> {
    const content = (await this.computeMany([userId], isoWeek, now)).get(userId);
    if (!content) throw RequestException.notFound('User', userId);
    return content;
  }

  /**
   * The digests of `userIds` for one week at one moment, by user id (users that do not exist are left out). The
   * same content as `compute` for each of them, read in one snapshot for the whole batch; secretariats' rankings
   * may come from `rankingMemo` (a fan-out's batches share them: see RankingMemo).
   */
  async computeMany(
    userIds: readonly string[],
    isoWeek: string,
    now: Date = this.clock.now(),
    rankingMemo?: RankingMemo,
  ): Promise<Map<string, DigestContent>> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // Each section reads a few index ranges per recipient: starting parallel workers for them costs more than it
      // saves (measured on 300,000 tasks: the escalation lookup took 130 ms with workers, 10 ms without).
      await manager.query('SET TRANSACTION READ ONLY; SET LOCAL max_parallel_workers_per_gather = 0');
      const recipients = await readRecipients(manager, userIds);
      const contents = new Map<string, DigestContent>();
      const scopes: Scope[] = [];
      for (const recipient of recipients) {
        const audiences = audiencesOf(recipient.roles);
        const week = weekBounds(isoWeek, recipient.timeZone);
        contents.set(recipient.id, this.emptyContent(recipient, audiences, isoWeek, week));
        // Roles without a digest (administrators, auditors, counterparts, partners) are told nothing.
        if (audiences.length === 0) continue;
        scopes.push({
          userId: recipient.id,
          agencyId: recipient.agencyId,
          timeZone: recipient.timeZone,
          audiences,
          now,
          week,
          lastWeek: weekBounds(previousIsoWeek(isoWeek), recipient.timeZone),
          publicUrl: this.config.publicUrl,
        });
      }
      if (scopes.length === 0) return contents;

      const secretariats = scopes.filter((scope) => hasAudience(scope, 'SECRETARIAT'));
      const tasks = await readTaskDeadlines(manager, scopes);
      const referrals = await readReferralsAwaiting(manager, scopes);
      const requests = await readCrossBorderRequests(manager, scopes);
      const escalations = await readFiredEscalations(manager, scopes);
      const counts = await readWeekTaskCounts(manager, scopes);
      const actionItems = await readActionItems(manager, scopes);
      const repatriation = await readRepatriation(manager, scopes);
      const stalled = await readStalledCommitments(manager, scopes);
      const rankings = await readAgencyRankings(manager, secretariats, rankingMemo);
      const dataQuality = await readDataQuality(manager, secretariats);
      scopes.forEach((scope, i) => {
        const content = contents.get(scope.userId)!;
        const secretariat = secretariats.indexOf(scope);
        content.sections = {
          dueSoon: tasks[i].dueSoon,
          overdue: [...tasks[i].overdue, ...referrals[i].overdue, ...requests[i].overdue].sort(byDueThenReference),
          overdueByOthers: tasks[i].overdueByOthers,
          referralsAwaiting: referrals[i].awaiting,
          crossBorder: requests[i].groups,
          escalations: escalations[i].thisWeek,
          stalledCommitments: stalled[i],
          agencyRanking: secretariat >= 0 ? rankings[secretariat] : [],
          actionItemsDue: actionItems[i].due,
          actionItemsByAgency: actionItems[i].byAgency,
          repatriationMoves: repatriation[i].moves,
          followUpsDue: repatriation[i].followUpsDue,
          dataQuality: secretariat >= 0 ? dataQuality[secretariat] : [],
        };
        content.counts = {
          thisWeek: {
            tasksOpened: counts[i].openedThisWeek,
            tasksCompleted: counts[i].completedThisWeek,
            overdueNow: counts[i].overdueNow,
            escalationsFired: escalations[i].thisWeek.length,
          },
          lastWeek: {
            tasksOpened: counts[i].openedLastWeek,
            tasksCompleted: counts[i].completedLastWeek,
            overdueNow: counts[i].overdueEndOfLastWeek,
            escalationsFired: escalations[i].lastWeekCount,
          },
        };
      });
      return contents;
    });
  }

  private emptyContent(
    recipient: RecipientRow,
    audiences: DigestAudience[],
    isoWeek: string,
    week: WeekBounds,
  ): DigestContent {
    return {
      recipient: {
        userId: recipient.id,
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
  }
}

function emptyCounts(): WeekCounts {
  return { tasksOpened: 0, tasksCompleted: 0, overdueNow: 0, escalationsFired: 0 };
}
