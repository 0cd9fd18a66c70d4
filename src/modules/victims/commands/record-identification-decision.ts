import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AuditService } from '@app/modules/audit/audit.service';

import { RecordIdentificationDecisionInput } from '../dto/victim.inputs';
import { IdentityDisclosureService } from '../identity-disclosure.service';
import { birthBound, requireEventDate, todayFor } from '../victim-dates';
import { VictimEventKind } from '../victim-event.entity';
import { recordPersonWork } from '../victim-history';
import { VictimEntity } from '../victim.entity';
import { lockVictimForWork } from './lock-victim-for-change';

/**
 * The owning agency, or an agency taking part in the person's case, records its identification decision, with
 * the day it was taken (kept apart from self-identification; the latest decision is the person's).
 */
@Injectable()
export class RecordIdentificationDecision {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly disclosure: IdentityDisclosureService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: RecordIdentificationDecisionInput): Promise<VictimEntity> {
    return this.dataSource.transaction(async (manager) => {
      const victim = await lockVictimForWork(manager, this.access, actor, input.id, input.expectedVersion);
      const today = todayFor(this.clock, actor);
      requireEventDate('identifiedOn', input.identifiedOn, today, [await birthBound(this.disclosure, actor, victim)]);
      const before = { status: victim.identificationStatus, agency: victim.identifiedByAgencyId };
      victim.identificationStatus = input.status;
      victim.identifiedByAgencyId = actor.agencyId;
      victim.identifiedAt = this.clock.now();
      victim.identifiedOn = input.identifiedOn ?? today;
      await manager.save(victim);
      await recordPersonWork(
        manager,
        actor,
        victim,
        VictimEventKind.IDENTIFICATION_DECIDED,
        { from: before.status, to: input.status, byAgencyId: actor.agencyId },
        victim.identifiedOn,
      );
      await this.audit.record(manager, actor, {
        operation: 'recordIdentificationDecision',
        targetType: 'Victim',
        targetId: victim.id,
        changes: {
          identificationStatus: { before: before.status, after: input.status },
          identifiedByAgencyId: { before: before.agency, after: actor.agencyId },
          identifiedOn: { before: null, after: victim.identifiedOn },
        },
      });
      return victim;
    });
  }
}
