import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AuditService } from '@app/modules/audit/audit.service';

import { RecordIdentificationDecisionInput } from '../dto/victim.inputs';
import { VictimEventKind } from '../victim-event.entity';
import { recordVictimEvent } from '../victim-history';
import { VictimEntity } from '../victim.entity';
import { lockVictimForChange } from './lock-victim-for-change';

/** The owning agency records its identification decision, taken now (kept apart from self-identification). */
@Injectable()
export class RecordIdentificationDecision {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: RecordIdentificationDecisionInput): Promise<VictimEntity> {
    return this.dataSource.transaction(async (manager) => {
      const victim = await lockVictimForChange(manager, this.access, actor, input.id, input.expectedVersion);
      const before = { status: victim.identificationStatus, agency: victim.identifiedByAgencyId };
      victim.identificationStatus = input.status;
      victim.identifiedByAgencyId = actor.agencyId;
      victim.identifiedAt = this.clock.now();
      await manager.save(victim);
      await recordVictimEvent(manager, actor, victim.id, VictimEventKind.IDENTIFICATION_DECIDED, {
        from: before.status,
        to: input.status,
        byAgencyId: actor.agencyId,
      });
      await this.audit.record(manager, actor, {
        operation: 'recordIdentificationDecision',
        targetType: 'Victim',
        targetId: victim.id,
        changes: {
          identificationStatus: { before: before.status, after: input.status },
          identifiedByAgencyId: { before: before.agency, after: actor.agencyId },
        },
      });
      return victim;
    });
  }
}
