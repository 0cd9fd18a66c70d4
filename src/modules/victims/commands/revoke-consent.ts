import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AuditService } from '@app/modules/audit/audit.service';
import { recordEvents } from '@app/queue/outbox';

import { ConsentEntity } from '../consent.entity';
import { RevokeConsentInput } from '../dto/victim.inputs';
import { VictimEventKind } from '../victim-event.entity';
import { recordVictimEvent } from '../victim-history';
import { VictimEntity } from '../victim.entity';
import { VictimErrorReason, VictimException } from '../victim.exception';

/**
 * The owning agency revokes a consent. The row is locked FOR UPDATE, so a referral resting on it (which holds it
 * FOR SHARE, see FindConsentInForce) either commits first or no longer finds it.
 */
@Injectable()
export class RevokeConsent {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: RevokeConsentInput): Promise<ConsentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const consent = await manager
        .getRepository(ConsentEntity)
        .createQueryBuilder('consent')
        .where('consent.id = :id', { id: input.id })
        .setLock('pessimistic_write')
        .getOne();
      const victim = consent ? await manager.findOneBy(VictimEntity, { id: consent.victimId }) : null;
      if (!consent || !victim || !this.access.actsForVictimOwner(actor, victim)) {
        throw new VictimException(VictimErrorReason.CONSENT_NOT_FOUND, `Consent ${input.id} was not found.`);
      }
      if (consent.revokedAt) {
        throw new VictimException(VictimErrorReason.CONSENT_REVOKED, `Consent ${consent.id} was revoked already.`);
      }
      consent.revokedAt = this.clock.now();
      consent.revokedByUserId = actor.userId;
      consent.revocationReason = input.reason;
      await manager.save(consent);
      await recordVictimEvent(manager, actor, victim.id, VictimEventKind.CONSENT_REVOKED, {
        consentId: consent.id,
        recipientAgencyId: consent.recipientAgencyId,
        purpose: consent.purpose,
        reason: input.reason,
      });
      await this.audit.record(manager, actor, {
        operation: 'revokeConsent',
        targetType: 'Consent',
        targetId: consent.id,
        changes: { revokedAt: { before: null, after: consent.revokedAt.toISOString() } },
      });
      await recordEvents(manager, [
        {
          topic: 'consent.revoked',
          aggregateType: 'Consent',
          aggregateId: consent.id,
          payload: {
            consentId: consent.id,
            victimId: victim.id,
            victimCode: victim.code,
            recipientAgencyId: consent.recipientAgencyId,
          },
        },
      ]);
      return consent;
    });
  }
}
