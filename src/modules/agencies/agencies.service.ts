import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { isUniqueViolation } from '@app/database/db-errors';
import { containsPattern } from '@app/kernel/sql';
import { lockForChange } from '@app/database/row-lock';
import { Connection, paginate } from '@app/graphql/pagination';
import { AuditService, diffFields } from '@app/modules/audit/audit.service';
import { Locale } from '@app/kernel/role.enum';

import { AgencyErrorReason, AgencyException } from './agency.exception';
import { AgencyEntity } from './agency.entity';
import { AgenciesArgs, CreateAgencyInput, DeactivateAgencyInput, UpdateAgencyInput } from './dto/agency.inputs';
import { ProvidersArgs } from './dto/provider.inputs';

const AUDITED_FIELDS: (keyof AgencyEntity)[] = [
  'code',
  'nameId',
  'nameEn',
  'acronym',
  'aliases',
  'type',
  'country',
  'capabilities',
  'timeZone',
  'regionCode',
  'basis',
  'active',
  'parentAgencyId',
  'predecessorAgencyId',
];

/** The agency directory: lookups for everyone, changes by administrators. */
@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async findById(id: string): Promise<AgencyEntity> {
    const agency = await this.dataSource.getRepository(AgencyEntity).findOneBy({ id });
    if (!agency) throw AgencyException.notFound(id);
    return agency;
  }

  /** The agency or null, inside the caller's transaction when one is given. */
  findOne(id: string, manager: EntityManager = this.dataSource.manager): Promise<AgencyEntity | null> {
    return manager.findOneBy(AgencyEntity, { id });
  }

  /** Whether an agency exists, inside the caller's transaction when one is given. */
  exists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(AgencyEntity, { id });
  }

  async findByCode(code: string): Promise<AgencyEntity | null> {
    return this.dataSource.getRepository(AgencyEntity).findOneBy({ code });
  }

  async list(args: AgenciesArgs): Promise<Connection<AgencyEntity>> {
    const query = this.dataSource.getRepository(AgencyEntity).createQueryBuilder('agency');
    const filter = args.filter ?? {};
    if (filter.search) {
      query.andWhere(
        `(agency.code ILIKE :search OR agency.nameId ILIKE :search OR agency.nameEn ILIKE :search
          OR agency.acronym ILIKE :search OR array_to_string(agency.aliases, ' ') ILIKE :search)`,
        { search: containsPattern(filter.search) },
      );
    }
    if (filter.type) query.andWhere('agency.type = :type', { type: filter.type });
    if (filter.country) query.andWhere('agency.country = :country', { country: filter.country });
    if (filter.capability) query.andWhere(':capability = ANY(agency.capabilities)', { capability: filter.capability });
    if (filter.active !== undefined) query.andWhere('agency.active = :active', { active: filter.active });
    if (filter.parentAgencyId) query.andWhere('agency.parentAgencyId = :parent', { parent: filter.parentAgencyId });
    if (filter.region) {
      // Region codes are digits and one dot (validated), so the prefix holds no LIKE wildcards.
      query.andWhere('(agency.region_code = :region OR agency.region_code LIKE :regionPrefix)', {
        region: filter.region,
        regionPrefix: `${filter.region}.%`,
      });
    }
    return paginate(query, args, { column: 'agency.code', value: (row) => row.code });
  }

  /**
   * The provider directory: active agencies that deliver a service, optionally of one country and present in a
   * region, ordered by name in the reader's language. Presence in a region is membership, in force on the
   * unit's own calendar day, of an active task-force unit of that region or of one inside it ("32" takes in
   * "32.12"); the directory is public to every user, so no agency scoping applies.
   */
  async listProviders(actor: Actor, args: ProvidersArgs): Promise<Connection<AgencyEntity>> {
    const { capability, country, region } = args.filter;
    const query = this.dataSource
      .getRepository(AgencyEntity)
      .createQueryBuilder('agency')
      .where('agency.active = true')
      .andWhere(':capability = ANY(agency.capabilities)', { capability });
    if (country) query.andWhere('agency.country = :country', { country });
    if (region) {
      query.andWhere(
        `EXISTS (
           SELECT 1 FROM membership m JOIN task_force_unit unit ON unit.id = m.unit_id
           WHERE m.agency_id = agency.id AND unit.active
             AND (unit.region_code = :region OR unit.region_code LIKE :regionPrefix)
             AND m.valid_from <= (CAST(:now AS timestamptz) AT TIME ZONE unit.time_zone)::date
             AND (m.valid_to IS NULL OR m.valid_to > (CAST(:now AS timestamptz) AT TIME ZONE unit.time_zone)::date))`,
        // Region codes are digits and one dot (validated), so the prefix holds no LIKE wildcards.
        { region, regionPrefix: `${region}.%`, now: this.clock.now().toISOString() },
      );
    }
    const english = actor.locale === Locale.EN;
    return paginate(query, args, {
      column: english ? 'agency.nameEn' : 'agency.nameId',
      value: (row) => (english ? row.nameEn : row.nameId),
    });
  }

  async createAgency(actor: Actor, input: CreateAgencyInput): Promise<AgencyEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireRelated(manager, input.parentAgencyId, 'parentAgencyId');
      await this.requireRelated(manager, input.predecessorAgencyId, 'predecessorAgencyId');
      const agency = manager.create(AgencyEntity, {
        ...input,
        aliases: input.aliases ?? [],
        capabilities: input.capabilities ?? [],
        parentAgencyId: input.parentAgencyId ?? null,
        predecessorAgencyId: input.predecessorAgencyId ?? null,
        regionCode: input.regionCode ?? null,
        basis: input.basis ?? null,
        active: true,
      });
      const saved = await this.saveUnique(manager, agency);
      await this.audit.record(manager, actor, {
        operation: 'createAgency',
        targetType: 'Agency',
        targetId: saved.id,
        changes: diffFields(null, saved, AUDITED_FIELDS),
      });
      return saved;
    });
  }

  async updateAgency(actor: Actor, input: UpdateAgencyInput): Promise<AgencyEntity> {
    return this.dataSource.transaction(async (manager) => {
      const agency = await this.lockForChange(manager, input.id, input.expectedVersion);
      const before = { ...agency };
      const { id: _id, expectedVersion: _v, ...changes } = input;
      if (changes.parentAgencyId !== undefined) {
        await this.requireRelated(manager, changes.parentAgencyId, 'parentAgencyId');
        await this.refuseCycle(manager, agency.id, changes.parentAgencyId);
      }
      if (changes.predecessorAgencyId !== undefined) {
        await this.requireRelated(manager, changes.predecessorAgencyId, 'predecessorAgencyId');
        if (changes.predecessorAgencyId === agency.id) {
          throw new AgencyException(
            AgencyErrorReason.AGENCY_HIERARCHY_CYCLE,
            'An agency cannot be its own predecessor.',
            'predecessorAgencyId',
          );
        }
      }
      Object.assign(agency, changes);
      const saved = await this.saveUnique(manager, agency);
      await this.audit.record(manager, actor, {
        operation: 'updateAgency',
        targetType: 'Agency',
        targetId: saved.id,
        changes: diffFields(before, saved, AUDITED_FIELDS),
      });
      return saved;
    });
  }

  async deactivateAgency(actor: Actor, input: DeactivateAgencyInput): Promise<AgencyEntity> {
    return this.dataSource.transaction(async (manager) => {
      const agency = await this.lockForChange(manager, input.id);
      if (!agency.active) {
        throw new AgencyException(
          AgencyErrorReason.AGENCY_ALREADY_INACTIVE,
          `Agency ${agency.code} is already inactive.`,
        );
      }
      agency.active = false;
      const saved = await manager.save(agency);
      await this.audit.record(manager, actor, {
        operation: 'deactivateAgency',
        targetType: 'Agency',
        targetId: saved.id,
        changes: { active: { before: true, after: false }, reason: { before: null, after: input.reason } },
      });
      return saved;
    });
  }

  private lockForChange(manager: EntityManager, id: string, expectedVersion?: number): Promise<AgencyEntity> {
    return lockForChange(
      manager,
      AgencyEntity,
      id,
      {
        notFound: () => AgencyException.notFound(id),
        staleVersion: (agency) =>
          new AgencyException(
            AgencyErrorReason.AGENCY_VERSION_CONFLICT,
            `Agency ${agency.code} was changed by someone else (version ${agency.version}, you had ${expectedVersion}); reload and try again.`,
            'expectedVersion',
          ),
      },
      expectedVersion,
    );
  }

  private async requireRelated(manager: EntityManager, id: string | undefined, field: string): Promise<void> {
    if (!id) return;
    const exists = await manager.existsBy(AgencyEntity, { id });
    if (!exists) {
      throw new AgencyException(
        AgencyErrorReason.RELATED_AGENCY_NOT_FOUND,
        `${field}: agency ${id} was not found.`,
        field,
      );
    }
  }

  /** An agency may not sit below itself in the hierarchy. */
  private async refuseCycle(manager: EntityManager, agencyId: string, newParentId: string): Promise<void> {
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE chain(id, parent_agency_id) AS (
         SELECT id, parent_agency_id FROM agency WHERE id = $1
         UNION SELECT a.id, a.parent_agency_id FROM agency a JOIN chain c ON a.id = c.parent_agency_id
       ) SELECT id FROM chain WHERE id = $2`,
      [newParentId, agencyId],
    );
    if (rows.length > 0) {
      throw new AgencyException(
        AgencyErrorReason.AGENCY_HIERARCHY_CYCLE,
        'An agency cannot be placed under itself or one of its own parts.',
        'parentAgencyId',
      );
    }
  }

  private async saveUnique(manager: EntityManager, agency: AgencyEntity): Promise<AgencyEntity> {
    try {
      return await manager.save(agency);
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_agency_code')) {
        throw new AgencyException(
          AgencyErrorReason.AGENCY_CODE_TAKEN,
          `Another agency already uses the code ${agency.code}.`,
          'code',
        );
      }
      throw error;
    }
  }
}
