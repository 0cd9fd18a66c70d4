import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Role } from '@app/kernel/role.enum';

/** Who, by role, stands behind an agency or a task-force unit: the people notifications and rungs reach. */
@Injectable()
export class RecipientsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Active users of the agencies holding any of the roles. */
  async withRole(agencyIds: string[], roles: Role[], manager?: EntityManager): Promise<string[]> {
    if (agencyIds.length === 0) return [];
    const rows: { id: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id FROM app_user WHERE active AND agency_id = ANY($1::uuid[]) AND roles && $2::user_role[] ORDER BY id`,
      [agencyIds, roles],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Active secretariat users of every task-force unit any of the agencies is a current member of (the same
   * people who may see the agencies' tasks).
   */
  async unitSecretariat(agencyIds: string[], manager?: EntityManager): Promise<string[]> {
    if (agencyIds.length === 0) return [];
    const rows: { id: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT DISTINCT u.id FROM app_user u
       JOIN membership secretariat ON secretariat.agency_id = u.agency_id AND secretariat.role = 'SECRETARIAT'
         AND secretariat.valid_from <= CURRENT_DATE AND (secretariat.valid_to IS NULL OR secretariat.valid_to > CURRENT_DATE)
       JOIN membership member ON member.unit_id = secretariat.unit_id
         AND member.valid_from <= CURRENT_DATE AND (member.valid_to IS NULL OR member.valid_to > CURRENT_DATE)
       WHERE u.active AND 'SECRETARIAT' = ANY(u.roles) AND member.agency_id = ANY($1::uuid[])
       ORDER BY u.id`,
      [agencyIds],
    );
    return rows.map((row) => row.id);
  }

  /** The given users that exist and are active. */
  async active(userIds: (string | null | undefined)[], manager?: EntityManager): Promise<string[]> {
    const ids = [...new Set(userIds.filter((id): id is string => typeof id === 'string'))];
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id FROM app_user WHERE active AND id = ANY($1::uuid[]) ORDER BY id`,
      [ids],
    );
    return rows.map((row) => row.id);
  }

  /** The active supervisors (supervisor_user_id) of the given users. */
  async supervisorsOf(userIds: (string | null | undefined)[], manager?: EntityManager): Promise<string[]> {
    const ids = [...new Set(userIds.filter((id): id is string => typeof id === 'string'))];
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT DISTINCT boss.id FROM app_user u JOIN app_user boss ON boss.id = u.supervisor_user_id
       WHERE boss.active AND u.id = ANY($1::uuid[]) ORDER BY boss.id`,
      [ids],
    );
    return rows.map((row) => row.id);
  }

  /** Active users holding any of the roles, per agency and role (ordered by id): one query for a whole batch. */
  async withRoleByAgency(
    agencyIds: string[],
    roles: Role[],
    manager?: EntityManager,
  ): Promise<Map<string, Map<Role, string[]>>> {
    const byAgency = new Map<string, Map<Role, string[]>>();
    const ids = [...new Set(agencyIds)];
    if (ids.length === 0) return byAgency;
    const rows: { id: string; agency_id: string; roles: Role[] }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id, agency_id, roles FROM app_user
       WHERE active AND agency_id = ANY($1::uuid[]) AND roles && $2::user_role[] ORDER BY id`,
      [ids, roles],
    );
    for (const row of rows) {
      const mine = byAgency.get(row.agency_id) ?? new Map<Role, string[]>();
      byAgency.set(row.agency_id, mine);
      for (const role of roles) {
        if (!row.roles.includes(role)) continue;
        const users = mine.get(role);
        if (users) users.push(row.id);
        else mine.set(role, [row.id]);
      }
    }
    return byAgency;
  }

  /** The secretariat users of each agency's task-force units (as `unitSecretariat`), per agency: one query. */
  async unitSecretariatByAgency(agencyIds: string[], manager?: EntityManager): Promise<Map<string, string[]>> {
    const byAgency = new Map<string, string[]>();
    const ids = [...new Set(agencyIds)];
    if (ids.length === 0) return byAgency;
    const rows: { agency_id: string; id: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT DISTINCT member.agency_id, u.id FROM app_user u
       JOIN membership secretariat ON secretariat.agency_id = u.agency_id AND secretariat.role = 'SECRETARIAT'
         AND secretariat.valid_from <= CURRENT_DATE AND (secretariat.valid_to IS NULL OR secretariat.valid_to > CURRENT_DATE)
       JOIN membership member ON member.unit_id = secretariat.unit_id
         AND member.valid_from <= CURRENT_DATE AND (member.valid_to IS NULL OR member.valid_to > CURRENT_DATE)
       WHERE u.active AND 'SECRETARIAT' = ANY(u.roles) AND member.agency_id = ANY($1::uuid[])
       ORDER BY u.id`,
      [ids],
    );
    for (const row of rows) {
      const users = byAgency.get(row.agency_id);
      if (users) users.push(row.id);
      else byAgency.set(row.agency_id, [row.id]);
    }
    return byAgency;
  }

  /** The active supervisors of each of the given users: one query. */
  async supervisorsByUser(
    userIds: (string | null | undefined)[],
    manager?: EntityManager,
  ): Promise<Map<string, string[]>> {
    const byUser = new Map<string, string[]>();
    const ids = [...new Set(userIds.filter((id): id is string => typeof id === 'string'))];
    if (ids.length === 0) return byUser;
    const rows: { user_id: string; id: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT u.id AS user_id, boss.id FROM app_user u JOIN app_user boss ON boss.id = u.supervisor_user_id
       WHERE boss.active AND u.id = ANY($1::uuid[]) ORDER BY boss.id`,
      [ids],
    );
    for (const row of rows) {
      const bosses = byUser.get(row.user_id);
      if (bosses) bosses.push(row.id);
      else byUser.set(row.user_id, [row.id]);
    }
    return byUser;
  }

  /** Short names (acronyms) of agencies, for templates. */
  async agencyNames(agencyIds: (string | null | undefined)[], manager?: EntityManager): Promise<Map<string, string>> {
    const ids = [...new Set(agencyIds.filter((id): id is string => typeof id === 'string'))];
    if (ids.length === 0) return new Map();
    const rows: { id: string; acronym: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id, acronym FROM agency WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.acronym]));
  }
}
