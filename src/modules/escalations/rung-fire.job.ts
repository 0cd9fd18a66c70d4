import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { EmailQueue } from '@app/modules/notifications/email-queue';
import { NotificationKind } from '@app/modules/notifications/notification.enums';
import { NotificationsService } from '@app/modules/notifications/notifications.service';
import { RecipientsService } from '@app/modules/notifications/recipients.service';
import { Role } from '@app/kernel/role.enum';
import { SimpulMetrics } from '@app/observability/metrics';
import { JobHandler, SweepStep } from '@app/queue/job-handler.decorator';
import { payloadUuid } from '@app/queue/job-errors';
import { JobQueues } from '@app/queue/job-queues';
import { JobIds, JobName } from '@app/queue/queue.names';

import { EscalationRungEntity } from './escalation-rung.entity';
import { EscalationSubjects, SubjectState } from './escalation-subjects';
import { RungStatus, RungTarget } from './escalation.types';

/** A job may run this much before its rung's time (clocks of Redis and the worker differ slightly). */
const EARLY_TOLERANCE_MS = 1_000;

type Outcome = { fired: number } | { settled: string } | { earlyByMs: number };

/**
 * Fires one rung: SCHEDULED -> FIRED under a row lock, the item's history entry, and one notification per
 * person reached, all in one transaction. A second run finds it FIRED and does nothing. Earlier rungs of the
 * same deadline that are still waiting fire first, in order.
 */
@Injectable()
export class RungFireJob {
  private readonly logger = new Logger('Escalations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subjects: EscalationSubjects,
    private readonly recipients: RecipientsService,
    private readonly notifications: NotificationsService,
    private readonly emails: EmailQueue,
    private readonly queues: JobQueues,
    private readonly clock: Clock,
    @Optional() private readonly metrics?: SimpulMetrics,
  ) {}

  @JobHandler(JobName.FIRE_RUNG)
  async fire(job: Job, token?: string): Promise<Outcome> {
    const rungId = payloadUuid(JobName.FIRE_RUNG, job.data, 'rungId');
    const emailIds: string[] = [];
    const latenessSeconds: number[] = [];
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const found = await manager.findOneBy(EscalationRungEntity, { id: rungId });
      if (!found) return { settled: 'no such rung' };
      if (found.status !== RungStatus.SCHEDULED) return { settled: `already ${found.status}` };
      const now = this.clock.now();
      const earlyByMs = found.fireAt.getTime() - now.getTime();
      if (earlyByMs > EARLY_TOLERANCE_MS) return { earlyByMs };

      // Item first, then rungs: the same lock order as a change to the item, so the two cannot deadlock.
      const subject = this.subjects.get(found.itemType);
      const state = await subject.load(manager, found.itemId);
      // This rung and any earlier one of the same deadline still waiting (a worker or Redis was down): they
      // fire in ladder order, so the history and the inbox read the way the ladder climbs.
      const rungs = await manager
        .getRepository(EscalationRungEntity)
        .createQueryBuilder('rung')
        .where('rung.itemType = :itemType AND rung.itemId = :itemId', found)
        .andWhere('rung.deadlineKind = :deadlineKind AND rung.deadlineVersion = :deadlineVersion', found)
        .andWhere('rung.status = :scheduled AND rung.rungIndex <= :rungIndex', {
          scheduled: RungStatus.SCHEDULED,
          rungIndex: found.rungIndex,
        })
        .orderBy('rung.rungIndex', 'ASC')
        .setLock('pessimistic_write')
        .getMany();
      if (!rungs.some((rung) => rung.id === rungId)) return { settled: 'already settled' };
      if (!state || state.openDeadlines[found.deadlineKind] !== found.deadlineVersion) {
        for (const rung of rungs) {
          await this.settle(manager, rung, RungStatus.CANCELLED, 'the item closed or its deadline changed', now);
        }
        return { settled: 'cancelled' };
      }
      let fired = 0;
      for (const rung of rungs) {
        const reached = await this.resolveTargets(manager, rung.targets, state);
        await this.settle(manager, rung, RungStatus.FIRED, null, now, reached.size);
        await subject.recordFiring(manager, rung, reached.size);
        // Before the deadline a rung reminds (the reader may mute reminders); at or after it, it escalates.
        const kind = rung.fireAt < rung.deadlineAt ? NotificationKind.DEADLINE_REMINDER : NotificationKind.ESCALATION;
        const created = await this.notifications.create(
          manager,
          [...reached].map(([userId, target]) => ({
            recipientUserId: userId,
            kind,
            dedupeKey: `rung.${rung.id}.${userId}`,
            subjectType: state.subjectType,
            subjectId: rung.itemId,
            reference: state.reference,
            params: {
              ...state.params,
              dueAt: rung.deadlineAt.toISOString(),
              targetRole: target,
              rungKey: rung.rungKey,
            },
          })),
        );
        emailIds.push(...created);
        latenessSeconds.push(Math.max(0, now.getTime() - rung.fireAt.getTime()) / 1000);
        fired += 1;
      }
      return { fired };
    });
    if ('earlyByMs' in outcome) {
      // Not yet (Redis's clock ahead of ours, or a promoted job): wait out the rest instead of firing early.
      await job.moveToDelayed(Date.now() + outcome.earlyByMs, token);
      throw new DelayedError();
    }
    for (const seconds of latenessSeconds) this.metrics?.rungLateness.observe(seconds);
    await this.emails.enqueue(emailIds);
    return outcome;
  }

  /** Rungs whose time has come and that are still SCHEDULED: make sure their job exists and is not waiting. */
  @SweepStep('escalations')
  async resubmitDue(): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM escalation_rung WHERE status = 'SCHEDULED' AND fire_at <= $1 ORDER BY fire_at LIMIT 1000`,
      [this.clock.now()],
    );
    let resubmitted = 0;
    for (const { id } of due) {
      const result = await this.queues.ensureDue({
        name: JobName.FIRE_RUNG,
        data: { rungId: id },
        jobId: JobIds.rung(id),
      });
      if (result !== 'present') resubmitted += 1;
    }
    if (resubmitted > 0) this.logger.log({ msg: 'due rungs resubmitted', count: resubmitted });
    return resubmitted;
  }

  /** The people a rung reaches, each once, with the first target that reached them. */
  private async resolveTargets(
    manager: EntityManager,
    targets: RungTarget[],
    state: SubjectState,
  ): Promise<Map<string, RungTarget>> {
    const reached = new Map<string, RungTarget>();
    const agency = [state.responsibleAgencyId];
    for (const target of targets) {
      let users: string[] = [];
      switch (target) {
        case RungTarget.ASSIGNEE:
          users = await this.recipients.active([state.responsibleUserId], manager);
          if (users.length === 0) users = await this.recipients.withRole(agency, [Role.LIAISON], manager);
          break;
        case RungTarget.AGENCY_LIAISON:
          users = await this.recipients.withRole(agency, [Role.LIAISON], manager);
          break;
        case RungTarget.AGENCY_SUPERVISOR:
          users = await this.recipients.withRole(agency, [Role.SUPERVISOR], manager);
          break;
        case RungTarget.UNIT_SECRETARIAT:
          users = await this.recipients.unitSecretariat(state.watchingAgencyIds, manager);
          break;
        case RungTarget.ATTACHE_SUPERVISOR:
          users = await this.recipients.supervisorsOf([state.filerUserId], manager);
          break;
      }
      for (const user of users) if (!reached.has(user)) reached.set(user, target);
    }
    return reached;
  }

  private async settle(
    manager: EntityManager,
    rung: EscalationRungEntity,
    status: RungStatus,
    note: string | null,
    at: Date,
    recipientCount?: number,
  ): Promise<void> {
    await manager.update(
      EscalationRungEntity,
      { id: rung.id, status: RungStatus.SCHEDULED },
      { status, note, settledAt: at, recipientCount: recipientCount ?? null },
    );
  }
}
