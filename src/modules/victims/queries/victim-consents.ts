import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';

import { ConsentEntity } from '../consent.entity';
import { VictimEntity } from '../victim.entity';

/** The owner sees every consent of the person; anyone else who sees the record, their own agency's only. */
@Injectable()
export class VictimConsents {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  execute(actor: Actor, victim: Pick<VictimEntity, 'id' | 'owningAgencyId'>): Promise<ConsentEntity[]> {
    const query = this.dataSource
      .getRepository(ConsentEntity)
      .createQueryBuilder('consent')
      .where('consent.victim_id = :victimId', { victimId: victim.id })
      .orderBy('consent.created_at', 'ASC');
    if (!this.access.actsForVictimOwner(actor, victim)) {
      query.andWhere('consent.recipient_agency_id = :agencyId', { agencyId: actor.agencyId });
    }
    return query.getMany();
  }
}
