import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { isUniqueViolation } from '@app/database/db-errors';
import { RequestException } from '@app/kernel/domain.exception';
import { containsPattern } from '@app/kernel/sql';
import { isCalendarDate } from '@app/graphql/validators';
import { lockForChange } from '@app/database/row-lock';
import { Connection, paginate } from '@app/graphql/pagination';
import { AgenciesService } from '@app/modules/agencies/agencies.service';
import { AuditService, diffFields } from '@app/modules/audit/audit.service';

import {
  CreateMembershipInput,
  CreateTaskForceUnitInput,
  DeactivateTaskForceUnitInput,
  EndMembershipInput,
  MembershipsArgs,
  TaskForceUnitsArgs,
  UpdateTaskForceUnitInput,
} from './dto/task-force.inputs';
import { MembershipEntity } from './membership.entity';
import { TaskForceErrorReason, TaskForceException } from './task-force.exception';
import { MembershipRole, TaskForceLevel } from './task-force.enums';
import { TaskForceUnitEntity } from './task-force-unit.entity';

/** Roles only one agency can hold in a unit at any one time. */
const SINGLE_HOLDER_ROLES = new Set([MembershipRole.CHAIR_1, MembershipRole.CHAIR_2, MembershipRole.DAILY_CHAIR]);

const PARENT_LEVEL: Record<TaskForceLevel, TaskForceLevel | null> = {
  NATIONAL: null,
  PROVINCE: TaskForceLevel.NATIONAL,
  REGENCY_CITY: TaskForceLevel.PROVINCE,
};

const UNIT_FIELDS: (keyof TaskForceUnitEntity)[] = [
  'code',
  'nameId',
  'nameEn',
  'level',
  'regionCode',
  'parentUnitId',
  'timeZone',
  'active',
];

/** Task-force units (national → province → regency/city) and the agencies' roles in them over time. */
@Injectable()
export class TaskForcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The task-force unit of a home region (a regency/city code such as 53.71, else its province 53) and the agency that
   * takes people handed over to it: the unit's secretariat; else a member local government offering shelter,
   * psychosocial care or livelihood support (the social-affairs office); else such a member of any type; else the
   * daily chair. A regency unit with none of them passes the person to its province. Null when no unit is found.
   */
  async homeDeskOf(
    manager: EntityManager,
    regionCode: string | null,
    onDay: string,
  ): Promise<{ unitId: string; unitCode: string; agencyId: string } | null> {
    if (!regionCode) return null;
    const codes = [...new Set([regionCode, regionCode.split('.')[0]])];
    const rows: { unit_id: string; code: string; agency_id: string }[] = await manager.query(
      `SELECT unit.id AS unit_id, unit.code, member.agency_id
         FROM task_force_unit unit
         JOIN membership member ON member.unit_id = unit.id
         JOIN agency ON agency.id = member.agency_id AND agency.active AND agency.country = 'ID'
        WHERE unit.region_code = ANY($1::text[]) AND unit.active
          AND member.valid_from <= $2 AND (member.valid_to IS NULL OR member.valid_to > $2)
          AND member.role IN ('SECRETARIAT', 'MEMBER', 'DAILY_CHAIR')
        ORDER BY array_position($1::text[], unit.region_code::text),
          CASE
            WHEN member.role = 'SECRETARIAT' THEN 0
            WHEN member.role = 'MEMBER' AND agency.type = 'LOCAL_GOVERNMENT'
              AND agency.capabilities && ARRAY['SHELTER', 'PSYCHOSOCIAL', 'LIVELIHOOD']::agency_capability[] THEN 1
            WHEN member.role = 'MEMBER'
              AND agency.capabilities && ARRAY['SHELTER', 'PSYCHOSOCIAL', 'LIVELIHOOD']::agency_capability[] THEN 2
            WHEN member.role = 'DAILY_CHAIR' THEN 3
            ELSE 9
          END, agency.code
        LIMIT 1`,
      [codes, onDay],
    );
    const [row] = rows;
    return row ? { unitId: row.unit_id, unitCode: row.code, agencyId: row.agency_id } : null;
  }

  async findUnit(id: string): Promise<TaskForceUnitEntity> {
    const unit = await this.dataSource.getRepository(TaskForceUnitEntity).findOneBy({ id });
    if (!unit)
      throw new TaskForceException(TaskForceErrorReason.UNIT_NOT_FOUND, `Task-force unit ${id} was not found.`);
    return unit;
  }

  async listUnits(args: TaskForceUnitsArgs): Promise<Connection<TaskForceUnitEntity>> {
    const query = this.dataSource.getRepository(TaskForceUnitEntity).createQueryBuilder('unit');
    const filter = args.filter ?? {};
    if (filter.level) query.andWhere('unit.level = :level', { level: filter.level });
    if (filter.parentUnitId) query.andWhere('unit.parentUnitId = :parent', { parent: filter.parentUnitId });
    if (filter.active !== undefined) query.andWhere('unit.active = :active', { active: filter.active });
    if (filter.search) {
      query.andWhere('(unit.code ILIKE :search OR unit.nameId ILIKE :search OR unit.nameEn ILIKE :search)', {
        search: containsPattern(filter.search),
      });
    }
    return paginate(query, args, { column: 'unit.code', value: (row) => row.code });
  }

  async listMemberships(args: MembershipsArgs): Promise<Connection<MembershipEntity>> {
    const query = this.dataSource.getRepository(MembershipEntity).createQueryBuilder('membership');
    const filter = args.filter ?? {};
    if (filter.unitId) query.andWhere('membership.unitId = :unitId', { unitId: filter.unitId });
    if (filter.agencyId) query.andWhere('membership.agencyId = :agencyId', { agencyId: filter.agencyId });
    if (filter.role) query.andWhere('membership.role = :role', { role: filter.role });
    if (filter.activeOn) {
      query.andWhere('membership.validFrom <= :day AND (membership.validTo IS NULL OR membership.validTo > :day)', {
        day: filter.activeOn,
      });
    }
    return paginate(query, args, { column: 'membership.validFrom', value: (row) => row.validFrom });
  }

  /** Checks an optional YYYY-MM-DD argument, naming it when it is malformed. */
  parseDay(value: string | undefined | null, field: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (!isCalendarDate(value)) {
      throw RequestException.invalidInput(`Invalid input: ${field} must be a date written YYYY-MM-DD.`, field);
    }
    return value;
  }

  /** Memberships of many units at once (for DataLoader), optionally only those in force on a day. */
  async membershipsOfUnits(unitIds: readonly string[], activeOn?: string): Promise<Map<string, MembershipEntity[]>> {
    const query = this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('membership')
      .where('membership.unitId IN (:...unitIds)', { unitIds })
      .orderBy('membership.role')
      .addOrderBy('membership.validFrom');
    if (activeOn) {
      query.andWhere('membership.validFrom <= :day AND (membership.validTo IS NULL OR membership.validTo > :day)', {
        day: activeOn,
      });
    }
    const grouped = new Map<string, MembershipEntity[]>();
    for (const row of await query.getMany()) {
      grouped.set(row.unitId, [...(grouped.get(row.unitId) ?? []), row]);
    }
    return grouped;
  }

  async createUnit(actor: Actor, input: CreateTaskForceUnitInput): Promise<TaskForceUnitEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireValidParent(manager, input.level, input.parentUnitId);
      const unit = manager.create(TaskForceUnitEntity, {
        ...input,
        regionCode: input.regionCode ?? null,
        parentUnitId: input.parentUnitId ?? null,
        active: true,
      });
      const saved = await this.saveUnit(manager, unit);
      await this.audit.record(manager, actor, {
        operation: 'createTaskForceUnit',
        targetType: 'TaskForceUnit',
        targetId: saved.id,
        changes: diffFields(null, saved, UNIT_FIELDS),
      });
      return saved;
    });
  }

  async updateUnit(actor: Actor, input: UpdateTaskForceUnitInput): Promise<TaskForceUnitEntity> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.lockUnit(manager, input.id, input.expectedVersion);
      const before = { ...unit };
      const { id: _id, expectedVersion: _v, ...changes } = input;
      Object.assign(unit, changes);
      const saved = await this.saveUnit(manager, unit);
      await this.audit.record(manager, actor, {
        operation: 'updateTaskForceUnit',
        targetType: 'TaskForceUnit',
        targetId: saved.id,
        changes: diffFields(before, saved, UNIT_FIELDS),
      });
      return saved;
    });
  }

  async deactivateUnit(actor: Actor, input: DeactivateTaskForceUnitInput): Promise<TaskForceUnitEntity> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.lockUnit(manager, input.id);
      if (!unit.active) {
        throw new TaskForceException(
          TaskForceErrorReason.UNIT_ALREADY_INACTIVE,
          `Unit ${unit.code} is already inactive.`,
        );
      }
      unit.active = false;
      const saved = await manager.save(unit);
      await this.audit.record(manager, actor, {
        operation: 'deactivateTaskForceUnit',
        targetType: 'TaskForceUnit',
        targetId: saved.id,
        changes: { active: { before: true, after: false }, reason: { before: null, after: input.reason } },
      });
      return saved;
    });
  }

  async createMembership(actor: Actor, input: CreateMembershipInput): Promise<MembershipEntity> {
    return this.dataSource.transaction(async (manager) => {
      // Locking the unit serialises membership changes in it, so two overlapping chairs cannot slip in together.
      await this.lockUnit(manager, input.unitId);
      if (!(await this.agencies.exists(input.agencyId, manager))) {
        throw new TaskForceException(
          TaskForceErrorReason.MEMBERSHIP_AGENCY_NOT_FOUND,
          `agencyId: agency ${input.agencyId} was not found.`,
          'agencyId',
        );
      }
      const validTo = input.validTo ?? null;
      if (validTo !== null && validTo <= input.validFrom) {
        throw new TaskForceException(
          TaskForceErrorReason.INVALID_MEMBERSHIP_PERIOD,
          'validTo must be after validFrom.',
          'validTo',
        );
      }
      await this.refuseOverlap(manager, input.unitId, input.agencyId, input.role, input.validFrom, validTo);
      const membership = manager.create(MembershipEntity, { ...input, validTo, basis: input.basis ?? null });
      const saved = await manager.save(membership);
      await this.audit.record(manager, actor, {
        operation: 'createMembership',
        targetType: 'Membership',
        targetId: saved.id,
        changes: diffFields(null, saved, ['unitId', 'agencyId', 'role', 'validFrom', 'validTo', 'basis']),
      });
      return saved;
    });
  }

  async endMembership(actor: Actor, input: EndMembershipInput): Promise<MembershipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const membership = await manager.findOne(MembershipEntity, {
        where: { id: input.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!membership) {
        throw new TaskForceException(
          TaskForceErrorReason.MEMBERSHIP_NOT_FOUND,
          `Membership ${input.id} was not found.`,
        );
      }
      if (membership.validTo !== null) {
        throw new TaskForceException(
          TaskForceErrorReason.MEMBERSHIP_ALREADY_ENDED,
          `This membership already ended on ${membership.validTo}.`,
        );
      }
      if (input.validTo <= membership.validFrom) {
        throw new TaskForceException(
          TaskForceErrorReason.INVALID_MEMBERSHIP_PERIOD,
          `validTo must be after the membership started (${membership.validFrom}).`,
          'validTo',
        );
      }
      membership.validTo = input.validTo;
      const saved = await manager.save(membership);
      await this.audit.record(manager, actor, {
        operation: 'endMembership',
        targetType: 'Membership',
        targetId: saved.id,
        changes: { validTo: { before: null, after: input.validTo } },
      });
      return saved;
    });
  }

  private async refuseOverlap(
    manager: EntityManager,
    unitId: string,
    agencyId: string,
    role: MembershipRole,
    validFrom: string,
    validTo: string | null,
  ): Promise<void> {
    const query = manager
      .createQueryBuilder(MembershipEntity, 'm')
      .where('m.unitId = :unitId AND m.role = :role', { unitId, role })
      .andWhere('(m.validTo IS NULL OR m.validTo > :validFrom)', { validFrom })
      .andWhere(validTo === null ? 'TRUE' : 'm.validFrom < :validTo', { validTo });
    if (!SINGLE_HOLDER_ROLES.has(role)) query.andWhere('m.agencyId = :agencyId', { agencyId });
    const clash = await query.getOne();
    if (clash) {
      throw new TaskForceException(
        TaskForceErrorReason.MEMBERSHIP_OVERLAP,
        `The ${role} role in this unit is already held from ${clash.validFrom}${clash.validTo ? ` to ${clash.validTo}` : ''}; end that membership first.`,
        'validFrom',
      );
    }
  }

  private async requireValidParent(
    manager: EntityManager,
    level: TaskForceLevel,
    parentUnitId?: string,
  ): Promise<void> {
    const expected = PARENT_LEVEL[level];
    if (expected === null) {
      if (parentUnitId) {
        throw new TaskForceException(
          TaskForceErrorReason.INVALID_UNIT_PARENT,
          'A national unit has no parent unit.',
          'parentUnitId',
        );
      }
      return;
    }
    const parent = parentUnitId ? await manager.findOneBy(TaskForceUnitEntity, { id: parentUnitId }) : null;
    if (!parent || parent.level !== expected) {
      throw new TaskForceException(
        TaskForceErrorReason.INVALID_UNIT_PARENT,
        `A ${level} unit needs an existing ${expected} unit as its parent.`,
        'parentUnitId',
      );
    }
  }

  private lockUnit(manager: EntityManager, id: string, expectedVersion?: number): Promise<TaskForceUnitEntity> {
    return lockForChange(
      manager,
      TaskForceUnitEntity,
      id,
      {
        notFound: () =>
          new TaskForceException(TaskForceErrorReason.UNIT_NOT_FOUND, `Task-force unit ${id} was not found.`),
        staleVersion: (unit) =>
          new TaskForceException(
            TaskForceErrorReason.UNIT_VERSION_CONFLICT,
            `Unit ${unit.code} was changed by someone else; reload and try again.`,
            'expectedVersion',
          ),
      },
      expectedVersion,
    );
  }

  private async saveUnit(manager: EntityManager, unit: TaskForceUnitEntity): Promise<TaskForceUnitEntity> {
    try {
      return await manager.save(unit);
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_task_force_unit_code')) {
        throw new TaskForceException(
          TaskForceErrorReason.UNIT_CODE_TAKEN,
          `Another unit already uses the code ${unit.code}.`,
          'code',
        );
      }
      throw error;
    }
  }
}
