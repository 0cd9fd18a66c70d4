import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ConsentEntity } from '../consent.entity';
import { ConsentPurpose } from '../victim.enums';

/** What another module learns of a consent it rests on: which one, for what, since when. */
export interface ConsentInForce {
  id: string;
  purpose: ConsentPurpose;
  givenAt: Date;
}

/**
 * The newest consent in force for a person, a recipient agency and any of the given purposes, locked FOR SHARE
 * in the caller's transaction: a revocation (which locks the row FOR UPDATE) waits until the caller commits,
 * and a caller that comes after the revocation no longer finds it. Null when there is none.
 */
@Injectable()
export class FindConsentInForce {
  async execute(
    manager: EntityManager,
    spec: { victimId: string; recipientAgencyId: string; purposes: ConsentPurpose[] },
  ): Promise<ConsentInForce | null> {
    if (spec.purposes.length === 0) return null;
    const consent = await manager
      .getRepository(ConsentEntity)
      .createQueryBuilder('consent')
      .select(['consent.id', 'consent.purpose', 'consent.givenAt'])
      .where('consent.victim_id = :victimId AND consent.recipient_agency_id = :recipient', {
        victimId: spec.victimId,
        recipient: spec.recipientAgencyId,
      })
      .andWhere('consent.purpose IN (:...purposes) AND consent.revoked_at IS NULL', { purposes: spec.purposes })
      .orderBy('consent.given_at', 'DESC')
      .setLock('pessimistic_read')
      .getOne();
    return consent ? { id: consent.id, purpose: consent.purpose, givenAt: consent.givenAt } : null;
  }
}
