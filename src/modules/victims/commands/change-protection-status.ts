import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { AuditService } from '@app/modules/audit/audit.service';
import { recordEvents } from '@app/queue/outbox';

import { ChangeProtectionStatusInput } from '../dto/victim.inputs';
import { decideProtectionStep } from '../protection-track';
import { VictimEventKind } from '../victim-event.entity';
import { recordVictimEvent } from '../victim-history';
import { VictimEntity } from '../victim.entity';
import { VictimErrorReason, VictimException } from '../victim.exception';
import { lockVictimForChange } from './lock-victim-for-change';

/** The owning agency moves a person along the protection track (protection-track.ts holds the table). */
@Injectable()
export class ChangeProtectionStatus {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  execute(actor: Actor, input: ChangeProtectionStatusInput): Promise<VictimEntity> {
    return this.dataSource.transaction(async (manager) => {
      const victim = await lockVictimForChange(manager, this.access, actor, input.id, input.expectedVersion);
      const decision = decideProtectionStep(victim.protectionStatus, input.to, input.reason);
      if ('refused' in decision) {
        throw new VictimException(
          VictimErrorReason[decision.refused],
          decision.message,
          decision.refused === 'REASON_REQUIRED' ? 'reason' : 'to',
        );
      }
      const from = victim.protectionStatus;
      victim.protectionStatus = decision.to;
      await manager.save(victim);
      await recordVictimEvent(manager, actor, victim.id, VictimEventKind.PROTECTION_STATUS_CHANGED, {
        from,
        to: decision.to,
        reason: input.reason ?? null,
      });
      await this.audit.record(manager, actor, {
        operation: 'changeProtectionStatus',
        targetType: 'Victim',
        targetId: victim.id,
        changes: { protectionStatus: { before: from, after: decision.to } },
      });
      await recordEvents(manager, [
        {
          topic: 'victim.protection-status-changed',
          aggregateType: 'Victim',
          aggregateId: victim.id,
          payload: {
            victimId: victim.id,
            code: victim.code,
            owningAgencyId: victim.owningAgencyId,
            from,
            to: decision.to,
          },
        },
      ]);
      return victim;
    });
  }
}
