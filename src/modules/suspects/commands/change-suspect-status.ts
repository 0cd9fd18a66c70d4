import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { dayIn, eventDateProblem } from '@app/kernel/event-date';
import { AuditService } from '@app/modules/audit/audit.service';

import { ChangeSuspectStatusInput } from '../dto/suspect.inputs';
import { SuspectEventEntity } from '../suspect-event.entity';
import { decideSuspectStep } from '../suspect-status-track';
import { SuspectEntity } from '../suspect.entity';
import { SuspectErrorReason, SuspectException } from '../suspect.exception';

/**
 * An investigator or prosecutor of the case moves a suspect one step in the criminal process, with the day of the
 * step (not before the status it leaves, not in the future). Order of checks: not visible → NOT_FOUND (nothing
 * locked); visible to the secretariat only → FORBIDDEN; stale version → CONFLICT.
 */
@Injectable()
export class ChangeSuspectStatus {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: ChangeSuspectStatusInput): Promise<SuspectEntity> {
    return this.dataSource.transaction(async (manager) => {
      const visibility = this.access.suspectVisibility(actor, 'suspect');
      const work = this.access.suspectWorkVisibility(actor, 'suspect');
      const { entities, raw } = await manager
        .getRepository(SuspectEntity)
        .createQueryBuilder('suspect')
        .addSelect(`(${work.sql})`, 'suspect_may_work')
        .where('suspect.id = :id', { id: input.id })
        .andWhere(visibility.sql, visibility.params)
        .setParameters(work.params)
        .setLock('pessimistic_write', undefined, ['suspect'])
        .getRawAndEntities();
      const suspect = entities[0];
      if (!suspect) throw SuspectException.notFound(input.id);
      if (!(raw[0] as { suspect_may_work: boolean }).suspect_may_work) {
        throw new SuspectException(
          SuspectErrorReason.NOT_LAW_ENFORCEMENT,
          `Only officers of an agency investigating or prosecuting the case move ${suspect.code} on.`,
        );
      }
      if (input.expectedVersion !== undefined && input.expectedVersion !== suspect.version) {
        throw new SuspectException(
          SuspectErrorReason.SUSPECT_VERSION_CONFLICT,
          `${suspect.code} was changed by someone else (now version ${suspect.version}); reload and try again.`,
          'expectedVersion',
        );
      }
      const decision = decideSuspectStep(suspect.status, input.to);
      if ('refused' in decision)
        throw new SuspectException(SuspectErrorReason.ILLEGAL_TRANSITION, decision.refused, 'to');
      const today = dayIn(this.clock.now(), actor.timeZone);
      const occurredOn = input.occurredOn ?? today;
      const problem = eventDateProblem(occurredOn, today, [
        { day: suspect.statusOn, what: `the previous step (${suspect.status})` },
      ]);
      if (problem)
        throw new SuspectException(SuspectErrorReason.EVENT_DATE_INVALID, `occurredOn: ${problem}`, 'occurredOn');
      const from = suspect.status;
      suspect.status = decision.to;
      suspect.statusOn = occurredOn;
      const saved = await manager.save(suspect);
      await manager.insert(SuspectEventEntity, {
        suspectId: saved.id,
        occurredOn,
        actorUserId: actor.userId,
        actingAgencyId: actor.agencyId,
        fromStatus: from,
        toStatus: saved.status,
        details: {},
      });
      await this.audit.record(manager, actor, {
        operation: 'changeSuspectStatus',
        targetType: 'Suspect',
        targetId: saved.id,
        changes: { status: { before: from, after: saved.status }, statusOn: { before: null, after: occurredOn } },
      });
      return saved;
    });
  }
}
