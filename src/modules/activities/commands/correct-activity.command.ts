import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { AuditService, diffFields } from '@app/modules/audit/audit.service';
import { recordEvents } from '@app/queue/outbox';

import { activityVisibility } from '../activity-access';
import { activityEvent, activityReference } from '../activity-events';
import { ActivityRevisionEntity } from '../activity-revision.entity';
import { ActivityRevisionKind } from '../activity.enums';
import { ActivityEntity } from '../activity.entity';
import { ActivityErrorReason, ActivityException } from '../activity.exception';
import { CorrectActivityInput } from '../dto/activity.inputs';
import { ACTIVITY_FIELDS, ActivityFields } from './activity-fields';

/**
 * The organising agency corrects an activity it recorded. The history keeps every version: who changed which
 * fields from what to what, and why. Other agencies read it and cannot change it.
 */
@Injectable()
export class CorrectActivityCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fields: ActivityFields,
    private readonly audit: AuditService,
  ) {}

  execute(actor: Actor, input: CorrectActivityInput): Promise<ActivityEntity> {
    return this.dataSource.transaction(async (manager) => {
      const activity = await this.loadForChange(manager, actor, input.id, input.expectedVersion);
      const before = { ...activity };
      const { id: _id, expectedVersion: _version, reason, ...corrections } = input;
      await this.fields.apply(manager, actor, activity, corrections);
      const changes = diffFields(before, activity, ACTIVITY_FIELDS);
      if (Object.keys(changes).length === 0) {
        throw new ActivityException(
          ActivityErrorReason.NOTHING_CHANGED,
          `The correction changes nothing in ${activityReference(activity)}; give the fields that change.`,
        );
      }
      const saved = await manager.save(activity);
      await manager.insert(ActivityRevisionEntity, {
        activityId: saved.id,
        actorUserId: actor.userId,
        actingAgencyId: actor.agencyId,
        kind: ActivityRevisionKind.CORRECTED,
        reason: reason.trim(),
        changes,
      });
      await this.audit.record(manager, actor, {
        operation: 'correctActivity',
        targetType: 'Activity',
        targetId: saved.id,
        changes,
      });
      await recordEvents(manager, [activityEvent('activity.corrected', saved, actor)]);
      return saved;
    });
  }

  /** Visible? (else NOT_FOUND, nothing locked) → locked → version → the actor's agency organised it. */
  private async loadForChange(
    manager: EntityManager,
    actor: Actor,
    id: string,
    expectedVersion?: number,
  ): Promise<ActivityEntity> {
    const visibility = activityVisibility(actor, 'activity');
    const activity = await manager
      .getRepository(ActivityEntity)
      .createQueryBuilder('activity')
      .where(visibility.sql, visibility.params)
      .andWhere('activity.id = :activityId', { activityId: id })
      .setLock('pessimistic_write')
      .getOne();
    if (!activity) throw ActivityException.notFound(id);
    if (expectedVersion !== undefined && expectedVersion !== activity.version) {
      throw new ActivityException(
        ActivityErrorReason.ACTIVITY_VERSION_CONFLICT,
        `${activityReference(activity)} was changed by someone else (now version ${activity.version}); reload and try again.`,
        'expectedVersion',
      );
    }
    if (activity.organiserAgencyId !== actor.agencyId) {
      throw new ActivityException(
        ActivityErrorReason.NOT_THE_ORGANISER,
        `Only the organising agency corrects ${activityReference(activity)}.`,
      );
    }
    return activity;
  }
}
