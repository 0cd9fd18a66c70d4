import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { CaseEntity } from '@app/modules/cases/case.entity';

import { VictimEntity } from '../victim.entity';

/** The person's case, when the actor may see it (else empty: seeing a victim does not open the case). */
@Injectable()
export class CaseOfVictim {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async execute(actor: Actor, victim: Pick<VictimEntity, 'caseId'>): Promise<CaseEntity | null> {
    if (!victim.caseId) return null;
    const visibility = this.access.caseVisibility(actor, 'kase');
    return this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('kase')
      .where('kase.id = :caseId', { caseId: victim.caseId })
      .andWhere(visibility.sql, visibility.params)
      .getOne();
  }
}
