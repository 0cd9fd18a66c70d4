import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';

import { DuplicateFlagEntity } from '../duplicate-flag.entity';
import { VictimEntity } from '../victim.entity';
import { DuplicateFlagStatus } from '../victim.enums';

/** Possible duplicates a secretariat is asked to reconcile: open flags on records it may see. */
@Injectable()
export class PossibleDuplicates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  execute(actor: Actor): Promise<DuplicateFlagEntity[]> {
    const visibility = this.access.victimVisibility(actor, 'victim');
    return this.dataSource
      .getRepository(DuplicateFlagEntity)
      .createQueryBuilder('flag')
      .innerJoin(VictimEntity, 'victim', 'victim.id = flag.existing_victim_id')
      .where(visibility.sql, visibility.params)
      .andWhere('flag.status = :open', { open: DuplicateFlagStatus.OPEN })
      .orderBy('flag.created_at', 'ASC')
      .getMany();
  }
}
