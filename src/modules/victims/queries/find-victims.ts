import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Connection, paginate } from '@app/graphql/pagination';

import { VictimsArgs } from '../dto/victim.inputs';
import { VictimEntity } from '../victim.entity';
import { VictimException } from '../victim.exception';

/** Victim records as far as the actor may see them (the rule is AccessService.victimVisibility). */
@Injectable()
export class FindVictims {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** One record the actor may see; anything else answers NOT_FOUND, exactly like a missing id. */
  async one(actor: Actor, id: string): Promise<VictimEntity> {
    const visibility = this.access.victimVisibility(actor, 'victim');
    const victim = await this.dataSource
      .getRepository(VictimEntity)
      .createQueryBuilder('victim')
      .where('victim.id = :id', { id })
      .andWhere(visibility.sql, visibility.params)
      .getOne();
    if (!victim) throw VictimException.notFound(id);
    return victim;
  }

  async list(actor: Actor, args: VictimsArgs): Promise<Connection<VictimEntity>> {
    const visibility = this.access.victimVisibility(actor, 'victim');
    const query = this.dataSource
      .getRepository(VictimEntity)
      .createQueryBuilder('victim')
      .where(visibility.sql, visibility.params);
    const filter = args.filter ?? {};
    if (filter.caseId) query.andWhere('victim.case_id = :caseId', { caseId: filter.caseId });
    if (filter.owningAgencyId) query.andWhere('victim.owning_agency_id = :owner', { owner: filter.owningAgencyId });
    if (filter.protectionStatus) query.andWhere('victim.protection_status = :ps', { ps: filter.protectionStatus });
    if (filter.code) query.andWhere('victim.code = :code', { code: filter.code });
    return paginate(query, args, { column: 'victim.createdAt', value: (row) => row.createdAt.toISOString() });
  }

  /** The people of many cases the actor may see, by code (for Case.victims, batched). */
  async ofCases(actor: Actor, caseIds: readonly string[]): Promise<Map<string, VictimEntity[]>> {
    const visibility = this.access.victimVisibility(actor, 'victim');
    const rows = await this.dataSource
      .getRepository(VictimEntity)
      .createQueryBuilder('victim')
      .where('victim.case_id IN (:...caseIds)', { caseIds })
      .andWhere(visibility.sql, visibility.params)
      .orderBy('victim.code', 'ASC')
      .getMany();
    const grouped = new Map<string, VictimEntity[]>();
    for (const row of rows) grouped.set(row.caseId as string, [...(grouped.get(row.caseId as string) ?? []), row]);
    return grouped;
  }

  /** Every record of a case, with no visibility rule: for checks that disclose nothing (identity in a comment). */
  allOfCase(caseId: string): Promise<VictimEntity[]> {
    return this.dataSource.getRepository(VictimEntity).findBy({ caseId });
  }

  /** The person's pseudonymous code (VCT-…), for events and messages about work concerning them. */
  async codeOf(manager: EntityManager, victimId: string): Promise<string> {
    const victim = await manager.findOneOrFail(VictimEntity, { where: { id: victimId }, select: ['id', 'code'] });
    return victim.code;
  }

  /** Of `ids`, those the actor may see (for work that links to people: only visible ones can be linked). */
  async visibleIds(manager: EntityManager, actor: Actor, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const visibility = this.access.victimVisibility(actor, 'victim');
    const rows = await manager
      .getRepository(VictimEntity)
      .createQueryBuilder('victim')
      .select('victim.id')
      .where('victim.id IN (:...ids)', { ids })
      .andWhere(visibility.sql, visibility.params)
      .getMany();
    return rows.map((row) => row.id);
  }

  /** Of `ids`, those the actor may record work for (AccessService.victimWorkVisibility). */
  async workableIds(manager: EntityManager, actor: Actor, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const work = this.access.victimWorkVisibility(actor, 'victim');
    const rows = await manager
      .getRepository(VictimEntity)
      .createQueryBuilder('victim')
      .select('victim.id')
      .where('victim.id IN (:...ids)', { ids })
      .andWhere(work.sql, work.params)
      .getMany();
    return rows.map((row) => row.id);
  }

  /**
   * Records by id, ordered by code, with no visibility rule: for work items that name the people they concern to
   * whoever may see the item (by code; identity only through IdentityDisclosureService).
   */
  linkedTo(ids: readonly string[]): Promise<VictimEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(VictimEntity).find({ where: { id: In([...ids]) }, order: { code: 'ASC' } });
  }
}
