import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { AuditService, diffFields } from '@app/modules/audit/audit.service';
import { TaskForceDuty } from '@app/modules/tasks/task.enums';
import { recordEvents } from '@app/queue/outbox';

import { activityEvent } from '../activity-events';
import { ActivityRevisionEntity } from '../activity-revision.entity';
import { ActivityRevisionKind } from '../activity.enums';
import { ActivityEntity } from '../activity.entity';
import { RecordActivityInput } from '../dto/activity.inputs';
import { UNKNOWN_PARTICIPANTS } from '../participants';
import { ACTIVITY_FIELDS, ActivityFields } from './activity-fields';

/** The organising agency records an activity it held; the first entry of its history says so. */
@Injectable()
export class RecordActivityCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fields: ActivityFields,
    private readonly audit: AuditService,
  ) {}

  execute(actor: Actor, input: RecordActivityInput): Promise<ActivityEntity> {
    return this.dataSource.transaction(async (manager) => {
      const activity = manager.create(ActivityEntity, {
        organiserAgencyId: actor.agencyId,
        duty: TaskForceDuty.TRAINING_AND_COOPERATION,
        endsOn: input.endsOn ?? input.startsOn,
        regionCode: null,
        country: 'ID',
        place: null,
        online: false,
        supportingAgencyIds: [],
        otherPartners: [],
        materials: [],
        costIdr: null,
        fundingNote: null,
        source: null,
        recordedByUserId: actor.userId,
        ...UNKNOWN_PARTICIPANTS,
      });
      await this.fields.apply(manager, actor, activity, input);
      const saved = await manager.save(activity);
      const changes = diffFields(null, saved, ACTIVITY_FIELDS);
      await manager.insert(ActivityRevisionEntity, {
        activityId: saved.id,
        actorUserId: actor.userId,
        actingAgencyId: actor.agencyId,
        kind: ActivityRevisionKind.RECORDED,
        reason: null,
        changes,
      });
      await this.audit.record(manager, actor, {
        operation: 'recordActivity',
        targetType: 'Activity',
        targetId: saved.id,
        changes,
      });
      await recordEvents(manager, [activityEvent('activity.recorded', saved, actor)]);
      return saved;
    });
  }
}
