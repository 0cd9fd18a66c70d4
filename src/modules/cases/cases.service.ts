import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { lockForChange } from '@app/database/row-lock';
import { Connection, paginate } from '@app/graphql/pagination';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AuditService, diffFields } from '@app/modules/audit/audit.service';
import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';
import { DomainEvent, recordEvents } from '@app/queue/outbox';

import { CasesArgs, ChangeCaseStatusInput, OpenCaseInput, UpdateCaseInput } from './dto/case.inputs';
import { decideCaseTransition, requiresReason } from './case-state-machine';
import { CaseEventEntity, CaseEventKind } from './case-event.entity';
import { CaseErrorReason, CaseException } from './case.exception';
import { JusticeStatus } from './case.enums';
import { CaseEntity } from './case.entity';

/** The fields that describe a case (edited with updateCase; audited and kept in the history). */
const DESCRIPTIVE_FIELDS = [
  'unitId',
  'originRegionCode',
  'destinationCountries',
  'transitCountries',
  'exploitationTypes',
  'recruitmentChannels',
  'meansOfControl',
  'intakeChannel',
  'summary',
] as const satisfies readonly (keyof CaseEntity)[];

/**
 * Kinds of body that never lead a case: partners support on request and receive referrals (DOMAIN.md section
 * 1: IOM "never a case owner"), and foreign counterparts answer requests; the justice track is Indonesia's.
 */
const NOT_CASE_LEADS: readonly AgencyType[] = [
  AgencyType.INTERNATIONAL_ORGANISATION,
  AgencyType.NGO,
  AgencyType.FOREIGN_COUNTERPART,
];

/** Alias of the case table in queries (CASE itself is an SQL keyword). */
const ALIAS = 'trafficking_case';

/** Trafficking cases on the justice track: opened and worked by the lead agency, read by unit secretariats. */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async findVisible(actor: Actor, id: string): Promise<CaseEntity> {
    // An id that is not a uuid cannot name a case: answer as for any other missing one.
    const found = isUUID(id) ? await this.visibleQuery(actor).andWhere(`${ALIAS}.id = :id`, { id }).getOne() : null;
    if (!found) throw CaseException.notFound(id);
    return found;
  }

  /** Cases the actor may see, newest first. */
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

  async list(actor: Actor, args: CasesArgs): Promise<Connection<CaseEntity>> {
    const query = this.visibleQuery(actor);
    const filter = args.filter ?? {};
    if (filter.status?.length) query.andWhere(`${ALIAS}.status IN (:...statuses)`, { statuses: filter.status });
    if (filter.leadAgencyId) {
      query.andWhere(`${ALIAS}.leadAgencyId = :leadAgencyId`, { leadAgencyId: filter.leadAgencyId });
    }
    if (filter.unitId) query.andWhere(`${ALIAS}.unitId = :unitId`, { unitId: filter.unitId });
    if (filter.exploitationType) {
      query.andWhere(`:exploitationType = ANY(${ALIAS}.exploitation_types)`, {
        exploitationType: filter.exploitationType,
      });
    }
    return paginate(query, args, { column: `${ALIAS}.number`, value: (row) => row.number, descending: true });
  }

  /** Histories of many cases at once, oldest first (for DataLoader). */
  async historyOf(caseIds: readonly string[]): Promise<Map<string, CaseEventEntity[]>> {
    const rows = await this.dataSource
      .getRepository(CaseEventEntity)
      .find({ where: { caseId: In([...caseIds]) }, order: { occurredAt: 'ASC' } });
    const grouped = new Map<string, CaseEventEntity[]>();
    for (const row of rows) grouped.set(row.caseId, [...(grouped.get(row.caseId) ?? []), row]);
    return grouped;
  }

  /** Opens a case led by the actor's own agency, at REPORTED. */
  async openCase(actor: Actor, input: OpenCaseInput): Promise<CaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireLeadAgency(manager, actor);
      await this.requireUnit(manager, input.unitId);
      const opened = await manager.save(
        manager.create(CaseEntity, {
          originRegionCode: null,
          destinationCountries: [],
          transitCountries: [],
          recruitmentChannels: [],
          meansOfControl: [],
          summary: '',
          ...description(input),
          // Never from input: the opener's own agency leads the case.
          leadAgencyId: actor.agencyId,
          openedByUserId: actor.userId,
          status: JusticeStatus.REPORTED,
          statusChangedAt: this.clock.now(),
          statusReason: null,
        }),
      );
      await this.writeHistory(manager, actor, opened, { kind: CaseEventKind.OPENED, toStatus: opened.status });
      await this.finish(
        manager,
        actor,
        opened,
        'openCase',
        diffFields(null, opened, ['leadAgencyId', 'status', ...DESCRIPTIVE_FIELDS]),
        [this.event('case.opened', opened, actor)],
      );
      return opened;
    });
  }

  /** Edits the descriptive fields; the status moves only through changeCaseStatus. */
  async updateCase(actor: Actor, input: UpdateCaseInput): Promise<CaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.lockForWork(manager, actor, input.id, input.expectedVersion);
      const before = { ...found };
      const given = description(input);
      if (given.unitId !== undefined && given.unitId !== found.unitId) await this.requireUnit(manager, given.unitId);
      Object.assign(found, given);
      const changes = diffFields(before, found, [...DESCRIPTIVE_FIELDS]);
      // An edit that changes nothing keeps the version and adds no history line; the audit trail still has it.
      if (Object.keys(changes).length > 0) {
        await manager.save(found);
        await this.writeHistory(manager, actor, found, { kind: CaseEventKind.UPDATED, details: changes });
      }
      await this.finish(manager, actor, found, 'updateCase', changes, []);
      return found;
    });
  }

  /** Moves a case on the justice track, as the state machine allows. */
  async changeCaseStatus(actor: Actor, input: ChangeCaseStatusInput): Promise<CaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.lockForWork(manager, actor, input.id, input.expectedVersion);
      const from = found.status;
      const reason = input.reason?.trim() || null;
      const decision = decideCaseTransition(from, input.to, reason);
      if ('refused' in decision) {
        const required = decision.refused.kind === 'REASON_REQUIRED';
        throw new CaseException(
          required ? CaseErrorReason.REASON_REQUIRED : CaseErrorReason.ILLEGAL_TRANSITION,
          decision.refused.message,
          required ? 'reason' : 'to',
        );
      }
      found.status = decision.to;
      found.statusChangedAt = this.clock.now();
      // Kept on the case only when the step needed it (why it left the main track, why it resumed).
      found.statusReason = requiresReason(from, decision.to) ? reason : null;
      const saved = await manager.save(found);
      await this.writeHistory(manager, actor, saved, {
        kind: CaseEventKind.STATUS_CHANGED,
        fromStatus: from,
        toStatus: saved.status,
        reason,
      });
      await this.finish(manager, actor, saved, 'changeCaseStatus', { status: { before: from, after: saved.status } }, [
        this.event('case.status-changed', saved, actor, { fromStatus: from }),
      ]);
      return saved;
    });
  }

  private visibleQuery(actor: Actor): SelectQueryBuilder<CaseEntity> {
    const visibility = this.access.caseVisibility(actor, ALIAS);
    return this.dataSource.getRepository(CaseEntity).createQueryBuilder(ALIAS).where(visibility.sql, visibility.params);
  }

  /**
   * Locks a case for a change by its lead agency. Checked in this order so that nothing leaks: a case the actor
   * cannot see is NOT_FOUND (even with a stale version); a case they see but do not work is FORBIDDEN; only then
   * is the version compared.
   */
  private async lockForWork(
    manager: EntityManager,
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
  ): Promise<CaseEntity> {
    if (!isUUID(id)) throw CaseException.notFound(id);
    const found = await lockForChange(manager, CaseEntity, id, { notFound: () => CaseException.notFound(id) });
    const visible = await this.visibleQuery(actor).andWhere(`${ALIAS}.id = :id`, { id }).getExists();
    if (!visible) throw CaseException.notFound(id);
    if (!this.access.mayWorkOnCase(actor, found)) {
      throw new CaseException(
        CaseErrorReason.NOT_CASE_HOLDER,
        `Only case officers, liaisons and supervisors of the lead agency can change case ${caseReference(found)}.`,
      );
    }
    if (expectedVersion !== undefined && expectedVersion !== found.version) {
      throw new CaseException(
        CaseErrorReason.CASE_VERSION_CONFLICT,
        `Case ${caseReference(found)} was changed by someone else (now version ${found.version}); reload and try again.`,
        'expectedVersion',
      );
    }
    return found;
  }

  /** The actor's agency leads the case: it must be active and a body that can own a case. */
  private async requireLeadAgency(manager: EntityManager, actor: Actor): Promise<void> {
    const agency = await manager.findOneByOrFail(AgencyEntity, { id: actor.agencyId });
    if (!agency.active) {
      throw new CaseException(
        CaseErrorReason.LEAD_AGENCY_NOT_ELIGIBLE,
        `Your agency ${agency.acronym} is inactive and cannot open cases.`,
      );
    }
    if (NOT_CASE_LEADS.includes(agency.type)) {
      throw new CaseException(
        CaseErrorReason.LEAD_AGENCY_NOT_ELIGIBLE,
        `Cases are led by Indonesian authorities; ${agency.acronym} (${agency.type}) supports cases through referrals and requests instead.`,
      );
    }
  }

  private async requireUnit(manager: EntityManager, unitId: string): Promise<void> {
    const unit = await manager.findOneBy(TaskForceUnitEntity, { id: unitId });
    if (!unit || !unit.active) {
      throw new CaseException(
        CaseErrorReason.UNIT_INVALID,
        `unitId: task-force unit ${unitId} ${unit ? 'is inactive and takes no new cases' : 'was not found'}.`,
        'unitId',
      );
    }
  }

  private async writeHistory(
    manager: EntityManager,
    actor: Actor,
    kase: CaseEntity,
    entry: Partial<Pick<CaseEventEntity, 'kind' | 'fromStatus' | 'toStatus' | 'reason' | 'details'>>,
  ): Promise<void> {
    await manager.insert(CaseEventEntity, {
      caseId: kase.id,
      actorUserId: actor.userId,
      actingAgencyId: actor.agencyId,
      kind: entry.kind,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      reason: entry.reason ?? null,
      details: (entry.details ?? {}) as CaseEventEntity['details'] & object,
    });
  }

  /** What every change ends with, in its transaction: the audit entry and the domain events. */
  private async finish(
    manager: EntityManager,
    actor: Actor,
    kase: CaseEntity,
    operation: string,
    changes: Record<string, { before: unknown; after: unknown }>,
    events: DomainEvent[],
  ): Promise<void> {
    await this.audit.record(manager, actor, { operation, targetType: 'Case', targetId: kase.id, changes });
    await recordEvents(manager, events);
  }

  /** Ids, codes and statuses only: the summary and the case's description stay out of events. */
  private event(
    topic: 'case.opened' | 'case.status-changed',
    kase: CaseEntity,
    actor: Actor,
    extra: { fromStatus?: string } = {},
  ): DomainEvent {
    return {
      topic,
      aggregateType: 'Case',
      aggregateId: kase.id,
      payload: {
        caseId: kase.id,
        reference: caseReference(kase),
        leadAgencyId: kase.leadAgencyId,
        unitId: kase.unitId,
        status: kase.status,
        actorUserId: actor.userId,
        actingAgencyId: actor.agencyId,
        ...extra,
      },
    };
  }
}

/** The human reference of a case, e.g. CASE-000042. */
export function caseReference(kase: Pick<CaseEntity, 'number'>): string {
  return `CASE-${String(kase.number).padStart(6, '0')}`;
}

type Description = Partial<Pick<CaseEntity, (typeof DESCRIPTIVE_FIELDS)[number]>>;

/** The descriptive fields an input gives (omitted and null ones left out), lists without repeats, text trimmed. */
function description(input: OpenCaseInput | UpdateCaseInput): Description {
  const given: Description = {
    unitId: input.unitId,
    originRegionCode: input.originRegionCode,
    destinationCountries: input.destinationCountries && distinct(input.destinationCountries),
    transitCountries: input.transitCountries && distinct(input.transitCountries),
    exploitationTypes: input.exploitationTypes && distinct(input.exploitationTypes),
    recruitmentChannels: input.recruitmentChannels && distinct(input.recruitmentChannels),
    meansOfControl: input.meansOfControl && distinct(input.meansOfControl),
    intakeChannel: input.intakeChannel,
    summary: input.summary?.trim(),
  };
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined && value !== null));
}

/** The list without repeats, in first-seen order. */
function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
