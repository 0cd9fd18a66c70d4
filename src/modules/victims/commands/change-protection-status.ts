import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AuditService } from '@app/modules/audit/audit.service';
import { recordEvents } from '@app/queue/outbox';

import { ChangeProtectionStatusInput } from '../dto/victim.inputs';
import { IdentityDisclosureService } from '../identity-disclosure.service';
import { decideProtectionStep } from '../protection-track';
import { birthBound, requireEventDate, todayFor } from '../victim-dates';
import { VictimEventKind } from '../victim-event.entity';
import { recordPersonWork } from '../victim-history';
import { VictimEntity } from '../victim.entity';
import { VictimErrorReason, VictimException } from '../victim.exception';
import { ProtectionStatus } from '../victim.enums';
import { lockVictimForWork } from './lock-victim-for-change';

/**
 * The owning agency, or an agency taking part in the person's case, moves the person along the protection track
 * (protection-track.ts holds the table), with the day the step happened (may be historical).
 */
@Injectable()
export class ChangeProtectionStatus {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly disclosure: IdentityDisclosureService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: ChangeProtectionStatusInput): Promise<VictimEntity> {
    return this.dataSource.transaction(async (manager) => {
      const victim = await lockVictimForWork(manager, this.access, actor, input.id, input.expectedVersion);
      const decision = decideProtectionStep(victim.protectionStatus, input.to, input.reason);
      if ('refused' in decision) {
        throw new VictimException(
          VictimErrorReason[decision.refused],
          decision.message,
          decision.refused === 'REASON_REQUIRED' ? 'reason' : 'to',
        );
      }
      const today = todayFor(this.clock, actor);
      requireEventDate('occurredOn', input.occurredOn, today, [await birthBound(this.disclosure, actor, victim)]);
      await this.apply(manager, actor, victim, decision.to, input.occurredOn ?? today, input.reason ?? null);
      return victim;
    });
  }

  /**
   * A step another module's work causes (an arrival home, a follow-up outcome), in the caller's transaction: the
   * caller has decided the actor may do that work for the person. A step the track does not allow from where the
   * person stands is left out (false), so the work itself is not refused for it.
   */
  async within(
    manager: EntityManager,
    actor: Actor,
    victimId: string,
    to: ProtectionStatus,
    occurredOn: string,
    reason: string | null,
  ): Promise<boolean> {
    const victim = await manager
      .getRepository(VictimEntity)
      .createQueryBuilder('victim')
      .where('victim.id = :victimId', { victimId })
      .setLock('pessimistic_write')
      .getOne();
    if (!victim) return false;
    const decision = decideProtectionStep(victim.protectionStatus, to, reason);
    if ('refused' in decision) return false;
    await this.apply(manager, actor, victim, decision.to, occurredOn, reason);
    return true;
  }

  private async apply(
    manager: EntityManager,
    actor: Actor,
    victim: VictimEntity,
    to: ProtectionStatus,
    occurredOn: string,
    reason: string | null,
  ): Promise<void> {
    const from = victim.protectionStatus;
    victim.protectionStatus = to;
    await manager.save(victim);
    await recordPersonWork(
      manager,
      actor,
      victim,
      VictimEventKind.PROTECTION_STATUS_CHANGED,
      { from, to, reason },
      occurredOn,
    );
    await this.audit.record(manager, actor, {
      operation: 'changeProtectionStatus',
      targetType: 'Victim',
      targetId: victim.id,
      changes: {
        protectionStatus: { before: from, after: to },
        occurredOn: { before: null, after: occurredOn },
      },
    });
    await recordEvents(manager, [
      {
        topic: 'victim.protection-status-changed',
        aggregateType: 'Victim',
        aggregateId: victim.id,
        payload: { victimId: victim.id, code: victim.code, owningAgencyId: victim.owningAgencyId, from, to },
      },
    ]);
  }
}
