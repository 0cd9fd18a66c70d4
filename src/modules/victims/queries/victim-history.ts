import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';

import { VictimEventEntity, VictimEventKind } from '../victim-event.entity';
import { VictimEntity } from '../victim.entity';

const CONSENT_EVENTS = [VictimEventKind.CONSENT_RECORDED, VictimEventKind.CONSENT_REVOKED];
const DUPLICATE_EVENTS = [VictimEventKind.DUPLICATE_REPORTED, VictimEventKind.DUPLICATE_RESOLVED];

/** A record's history, oldest first. */
@Injectable()
export class VictimHistory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Every entry, unfiltered: for the owning agency's own use. Readers get `visibleTo`. */
  all(victimId: string): Promise<VictimEventEntity[]> {
    return this.dataSource.getRepository(VictimEventEntity).find({ where: { victimId }, order: { occurredAt: 'ASC' } });
  }

  /**
   * The history as the actor may read it. The owning agency reads everything. Anyone else who sees the record (a
   * consent recipient, a provider, the secretariat) reads the consent entries about their own agency only, as
   * `Victim.consents` shows them, and no duplicate entries (earlier registrations wrote those on the record; the
   * secretariat has possibleDuplicates).
   */
  visibleTo(actor: Actor, victim: Pick<VictimEntity, 'id' | 'owningAgencyId'>): Promise<VictimEventEntity[]> {
    const query = this.dataSource
      .getRepository(VictimEventEntity)
      .createQueryBuilder('event')
      .where('event.victim_id = :victimId', { victimId: victim.id })
      .orderBy('event.occurred_at', 'ASC');
    if (!this.access.actsForVictimOwner(actor, victim)) {
      query
        .andWhere(`(event.kind NOT IN (:...consentEvents) OR event.details->>'recipientAgencyId' = :readerAgencyId)`, {
          consentEvents: CONSENT_EVENTS,
          readerAgencyId: actor.agencyId,
        })
        .andWhere('event.kind NOT IN (:...duplicateEvents)', { duplicateEvents: DUPLICATE_EVENTS });
    }
    return query.getMany();
  }
}
