import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Connection, paginate } from '@app/graphql/pagination';

import { CasesArgs } from '../dto/case.inputs';
import { CaseEventEntity } from '../case-event.entity';
import { CaseParticipantEntity } from '../case-participant.entity';
import { CaseException } from '../case.exception';
import { CaseEntity } from '../case.entity';
import { CASE_ALIAS } from '../commands/case-locks';

/** Reading cases, their history and their teams, always through AccessService.caseVisibility. */
@Injectable()
export class CaseQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async findVisible(actor: Actor, id: string): Promise<CaseEntity> {
    // An id that is not a uuid cannot name a case: answer as for any other missing one.
    const found = isUUID(id)
      ? await this.visibleQuery(actor).andWhere(`${CASE_ALIAS}.id = :id`, { id }).getOne()
      : null;
    if (!found) throw CaseException.notFound(id);
    return found;
  }

  /** Of `ids`, the cases the actor may see (for work that links to cases: only visible ones can be linked). */
  async visibleIds(manager: EntityManager, actor: Actor, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const visibility = this.access.caseVisibility(actor, 'kase');
    const rows = await manager
      .getRepository(CaseEntity)
      .createQueryBuilder('kase')
      .select('kase.id')
      .where('kase.id IN (:...ids)', { ids })
      .andWhere(visibility.sql, visibility.params)
      .getMany();
    return rows.map((row) => row.id);
  }

  /** Of `ids`, the cases in which one of `agencyIds` currently takes part (the lead included). */
  async withParticipant(
    manager: EntityManager,
    agencyIds: readonly string[],
    ids: readonly string[],
  ): Promise<string[]> {
    if (ids.length === 0 || agencyIds.length === 0) return [];
    const rows: { case_id: string }[] = await manager.query(
      `SELECT DISTINCT case_id FROM case_participant
       WHERE case_id = ANY($1::uuid[]) AND agency_id = ANY($2::uuid[]) AND ended_at IS NULL`,
      [ids, agencyIds],
    );
    return rows.map((row) => row.case_id);
  }

  /** Cases the actor may see, newest first. */
  async list(actor: Actor, args: CasesArgs): Promise<Connection<CaseEntity>> {
    const query = this.visibleQuery(actor);
    const filter = args.filter ?? {};
    if (filter.status?.length) query.andWhere(`${CASE_ALIAS}.status IN (:...statuses)`, { statuses: filter.status });
    if (filter.leadAgencyId) {
      query.andWhere(`${CASE_ALIAS}.leadAgencyId = :leadAgencyId`, { leadAgencyId: filter.leadAgencyId });
    }
    if (filter.participantAgencyId) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM case_participant listed WHERE listed.case_id = ${CASE_ALIAS}.id
          AND listed.agency_id = :participantAgencyId AND listed.ended_at IS NULL)`,
        { participantAgencyId: filter.participantAgencyId },
      );
    }
    if (filter.unitId) query.andWhere(`${CASE_ALIAS}.unitId = :unitId`, { unitId: filter.unitId });
    if (filter.exploitationType) {
      query.andWhere(`:exploitationType = ANY(${CASE_ALIAS}.exploitation_types)`, {
        exploitationType: filter.exploitationType,
      });
    }
    return paginate(query, args, { column: `${CASE_ALIAS}.number`, value: (row) => row.number, descending: true });
  }

  /** Histories of many cases at once, oldest first (for DataLoader). */
  async historyOf(caseIds: readonly string[]): Promise<Map<string, CaseEventEntity[]>> {
    const rows = await this.dataSource
      .getRepository(CaseEventEntity)
      .find({ where: { caseId: In([...caseIds]) }, order: { occurredAt: 'ASC', id: 'ASC' } });
    return group(rows, (row) => row.caseId);
  }

  /** The teams of many cases, current and past participations, in the order they began (for DataLoader). */
  async participantsOf(caseIds: readonly string[]): Promise<Map<string, CaseParticipantEntity[]>> {
    const rows = await this.dataSource
      .getRepository(CaseParticipantEntity)
      .find({ where: { caseId: In([...caseIds]) }, order: { since: 'ASC', createdAt: 'ASC' } });
    return group(rows, (row) => row.caseId);
  }

  private visibleQuery(actor: Actor): SelectQueryBuilder<CaseEntity> {
    const visibility = this.access.caseVisibility(actor, CASE_ALIAS);
    return this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder(CASE_ALIAS)
      .where(visibility.sql, visibility.params);
  }
}

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) grouped.set(key(row), [...(grouped.get(key(row)) ?? []), row]);
  return grouped;
}
