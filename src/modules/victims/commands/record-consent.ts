import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

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
import { VictimEntity } from '../victim.entity';
import { ConsentMethod, ConsentPurpose } from '../victim.enums';
import { VictimErrorReason, VictimException } from '../victim.exception';
import { requireVictimOwner } from './lock-victim-for-change';

/** What a consent says, for one person or a group. */
export interface ConsentTerms {
  recipientAgencyId: string;
  purpose: ConsentPurpose;
  method: ConsentMethod;
  givenAt?: Date;
}

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
    const recipient = await this.requireTerms(this.dataSource.manager, input);
    if (recipient.id === victim.owningAgencyId) throw ownerIsNoRecipient();
    try {
      return await this.dataSource.transaction((manager) => this.write(manager, actor, victim, recipient, input));
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_consent_active')) throw consentExists(recipient, input.purpose, victim);
      throw error;
    }
  }

  /** The recipient (an active agency) and the moment (not in the future), as every consent needs them. */
  async requireTerms(manager: EntityManager, terms: ConsentTerms): Promise<AgencyEntity> {
    const recipient = await manager.findOneBy(AgencyEntity, { id: terms.recipientAgencyId });
    if (!recipient || !recipient.active) {
      throw new VictimException(
        VictimErrorReason.RECIPIENT_INVALID,
        `Invalid input: no active agency ${terms.recipientAgencyId}.`,
        'recipientAgencyId',
      );
    }
    if (terms.givenAt && terms.givenAt.getTime() > this.clock.now().getTime() + 60_000) {
      throw new VictimException(
        VictimErrorReason.INVALID_FIELD,
        'Invalid input: consent cannot be given in the future.',
        'givenAt',
      );
    }
    return recipient;
  }

  /** Writes one consent in the caller's transaction: the row, the person's history, the audit entry, the event. */
  async write(
    manager: EntityManager,
    actor: Actor,
    victim: VictimEntity,
    recipient: AgencyEntity,
    terms: ConsentTerms,
  ): Promise<ConsentEntity> {
    const consent = await manager.save(
      manager.create(ConsentEntity, {
        victimId: victim.id,
        recipientAgencyId: recipient.id,
        purpose: terms.purpose,
        method: terms.method,
        givenAt: terms.givenAt ?? this.clock.now(),
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
  }
}

export function ownerIsNoRecipient(field = 'recipientAgencyId'): VictimException {
  return new VictimException(
    VictimErrorReason.RECIPIENT_INVALID,
    'Invalid input: the owning agency holds the identity already; consent is for other agencies.',
    field,
  );
}

export function consentExists(
  recipient: AgencyEntity,
  purpose: ConsentPurpose,
  victim: VictimEntity,
  field = 'purpose',
): VictimException {
  return new VictimException(
    VictimErrorReason.CONSENT_EXISTS,
    `${field === 'purpose' ? '' : `${field}: `}Consent for ${recipient.acronym} and ${purpose} is already in force for ${victim.code}.`,
    field,
  );
}
