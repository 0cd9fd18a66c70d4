import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AuditService } from '@app/modules/audit/audit.service';

import { RecordServiceDeliveredInput } from '../dto/victim.inputs';
import { IdentityDisclosureService } from '../identity-disclosure.service';
import { birthBound, requireEventDate, todayFor } from '../victim-dates';
import { VictimEventKind } from '../victim-event.entity';
import { recordPersonWork } from '../victim-history';
import { VictimServiceEntity } from '../victim-service.entity';
import { VictimErrorReason, VictimException } from '../victim.exception';
import { lockVictimForWork } from './lock-victim-for-change';

/**
 * The owning agency, or an agency taking part in the person's case, records a service the person received: what,
 * from which provider, on which days (historical dates allowed, never in the future nor before the person was
 * born). The note refers to the person by code only. It lands in the person's and the case's history.
 */
@Injectable()
export class RecordServiceDelivered {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly disclosure: IdentityDisclosureService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: RecordServiceDeliveredInput): Promise<VictimServiceEntity> {
    return this.dataSource.transaction(async (manager) => {
      const victim = await lockVictimForWork(manager, this.access, actor, input.victimId, undefined);
      const providerId = input.providerAgencyId ?? actor.agencyId;
      const provider = await manager.findOneBy(AgencyEntity, { id: providerId });
      if (!provider || !provider.active) {
        throw new VictimException(
          VictimErrorReason.PROVIDER_INVALID,
          `providerAgencyId: agency ${providerId} ${provider ? 'is inactive' : 'was not found'}.`,
          'providerAgencyId',
        );
      }
      const today = todayFor(this.clock, actor);
      requireEventDate('deliveredOn', input.deliveredOn, today, [await birthBound(this.disclosure, actor, victim)]);
      requireEventDate('deliveredUntil', input.deliveredUntil, today, [
        { day: input.deliveredOn, what: 'the service began (deliveredOn)' },
      ]);
      const note = input.note?.trim() || null;
      if (note && this.disclosure.textNamesAnyone([victim], note)) {
        throw new VictimException(
          VictimErrorReason.IDENTITY_IN_TEXT,
          `note: the note holds the person's name or document number; refer to them as ${victim.code}.`,
          'note',
        );
      }
      const record = await manager.save(
        manager.create(VictimServiceEntity, {
          victimId: victim.id,
          service: input.service,
          providerAgencyId: provider.id,
          deliveredOn: input.deliveredOn,
          deliveredUntil: input.deliveredUntil ?? null,
          note,
          recordedByUserId: actor.userId,
          recordedByAgencyId: actor.agencyId,
        }),
      );
      await recordPersonWork(
        manager,
        actor,
        victim,
        VictimEventKind.SERVICE_DELIVERED,
        {
          serviceRecordId: record.id,
          service: record.service,
          providerAgencyId: provider.id,
          deliveredUntil: record.deliveredUntil,
        },
        record.deliveredOn,
      );
      await this.audit.record(manager, actor, {
        operation: 'recordServiceDelivered',
        targetType: 'Victim',
        targetId: victim.id,
        changes: {
          service: { before: null, after: record.service },
          providerAgencyId: { before: null, after: provider.id },
          deliveredOn: { before: null, after: record.deliveredOn },
        },
      });
      return record;
    });
  }
}
