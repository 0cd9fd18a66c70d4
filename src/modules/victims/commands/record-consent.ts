import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { isUniqueViolation } from '@app/database/db-errors';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AuditService } from '@app/modules/audit/audit.service';
import { recordEvents } from '@app/queue/outbox';

import { ConsentEntity } from '../consent.entity';
import { RecordConsentInput } from '../dto/victim.inputs';
import { FindVictims } from '../queries/find-victims';
import { VictimEventKind } from '../victim-event.entity';
import { recordVictimEvent } from '../victim-history';
import { VictimErrorReason, VictimException } from '../victim.exception';
import { requireVictimOwner } from './lock-victim-for-change';

/** The owning agency records a person's consent to share their identity with one agency for one purpose. */
@Injectable()
export class RecordConsent {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly victims: FindVictims,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: RecordConsentInput): Promise<ConsentEntity> {
    const victim = await this.victims.one(actor, input.victimId);
    requireVictimOwner(this.access, actor, victim);
    const recipient = await this.dataSource.getRepository(AgencyEntity).findOneBy({ id: input.recipientAgencyId });
    if (!recipient || !recipient.active) {
      throw new VictimException(
        VictimErrorReason.RECIPIENT_INVALID,
        `Invalid input: no active agency ${input.recipientAgencyId}.`,
        'recipientAgencyId',
      );
    }
    if (recipient.id === victim.owningAgencyId) {
      throw new VictimException(
        VictimErrorReason.RECIPIENT_INVALID,
        'Invalid input: the owning agency holds the identity already; consent is for other agencies.',
        'recipientAgencyId',
      );
    }
    const now = this.clock.now();
    if (input.givenAt && input.givenAt.getTime() > now.getTime() + 60_000) {
      throw new VictimException(
        VictimErrorReason.INVALID_FIELD,
        'Invalid input: consent cannot be given in the future.',
        'givenAt',
      );
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const consent = await manager.save(
          manager.create(ConsentEntity, {
            victimId: victim.id,
            recipientAgencyId: recipient.id,
            purpose: input.purpose,
            method: input.method,
            givenAt: input.givenAt ?? now,
            recordedByUserId: actor.userId,
            recordedByAgencyId: actor.agencyId,
            revokedAt: null,
            revokedByUserId: null,
            revocationReason: null,
          }),
        );
        await recordVictimEvent(manager, actor, victim.id, VictimEventKind.CONSENT_RECORDED, {
          consentId: consent.id,
          recipientAgencyId: recipient.id,
          purpose: consent.purpose,
          method: consent.method,
        });
        await this.audit.record(manager, actor, {
          operation: 'recordConsent',
          targetType: 'Consent',
          targetId: consent.id,
          changes: {
            victimId: { before: null, after: victim.id },
            recipientAgencyId: { before: null, after: recipient.id },
            purpose: { before: null, after: consent.purpose },
          },
        });
        await recordEvents(manager, [
          {
            topic: 'consent.recorded',
            aggregateType: 'Consent',
            aggregateId: consent.id,
            payload: {
              consentId: consent.id,
              victimId: victim.id,
              victimCode: victim.code,
              recipientAgencyId: recipient.id,
            },
          },
        ]);
        return consent;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_consent_active')) {
        throw new VictimException(
          VictimErrorReason.CONSENT_EXISTS,
          `Consent for ${recipient.acronym} and ${input.purpose} is already in force for ${victim.code}.`,
          'purpose',
        );
      }
      throw error;
    }
  }
}
