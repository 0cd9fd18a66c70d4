import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';

import { anyOf } from '@app/auth/access.service';
import { Actor, hasRole } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { MembershipRole } from '@app/modules/task-forces/task-force.enums';
import { TaskForcesService } from '@app/modules/task-forces/task-forces.service';

import { MeetingEntity } from './meeting.entity';
import { MeetingErrorReason, MeetingException } from './meeting.exception';

/** Staff of a member agency who see the unit's meetings. */
export const MEETING_READERS = [
  Role.LIAISON,
  Role.SUPERVISOR,
  Role.SECRETARIAT,
  Role.ATTACHE,
  Role.CASE_OFFICER,
] as const;

/** Who convenes and records meetings for their agency (schedule, attendance, decisions, minutes, closing items). */
export const MEETING_RECORDERS = [Role.LIAISON, Role.SECRETARIAT, Role.ATTACHE] as const;

/** The meeting alias the visibility condition is written against. */
export const MEETING_ALIAS = 'meeting';

/**
 * Who may see a meeting, and who acts for it: the one place these rules live.
 *
 * - The unit's members see the unit's meetings: staff (liaisons, supervisors, secretariat, attachés, case
 *   officers) of an agency holding a role other than PARTNER in the unit today, past meetings included.
 * - An agency on a meeting's attendance list sees that meeting: partners (IOM, NGOs) the meetings they were
 *   invited to, counterparts only the bilateral meetings they were invited to (whether or not they came, so that
 *   they see a meeting before it happens and the decisions that concern them after).
 * - Nobody else: NOT_FOUND, exactly as for an id that does not exist.
 *
 * The organising agency's recorders and the unit's secretariat act for a meeting; other members only read it.
 */
@Injectable()
export class MeetingAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taskForces: TaskForcesService,
    private readonly clock: Clock,
  ) {}

  visibility(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const params = { meetingViewerAgencyId: actor.agencyId };
    const onList = `EXISTS (SELECT 1 FROM meeting_attendance on_list
        WHERE on_list.meeting_id = ${alias}.id AND on_list.agency_id = :meetingViewerAgencyId)`;
    const conditions: string[] = [];
    if (hasRole(actor, ...MEETING_READERS)) {
      conditions.push(`EXISTS (SELECT 1 FROM membership meeting_member
        WHERE meeting_member.unit_id = ${alias}.unit_id AND meeting_member.agency_id = :meetingViewerAgencyId
          AND meeting_member.role <> 'PARTNER' AND meeting_member.valid_from <= CURRENT_DATE
          AND (meeting_member.valid_to IS NULL OR meeting_member.valid_to > CURRENT_DATE))`);
    }
    if (hasRole(actor, ...MEETING_READERS, Role.PARTNER)) conditions.push(onList);
    if (hasRole(actor, Role.COUNTERPART)) conditions.push(`(${alias}.type = 'BILATERAL' AND ${onList})`);
    return anyOf(conditions, params);
  }

  /** Meetings the actor may see, as a query to filter and page further. */
  visibleQuery(actor: Actor, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<MeetingEntity> {
    const visibility = this.visibility(actor, MEETING_ALIAS);
    return manager
      .getRepository(MeetingEntity)
      .createQueryBuilder(MEETING_ALIAS)
      .where(visibility.sql, visibility.params);
  }

  async findVisible(actor: Actor, id: string): Promise<MeetingEntity> {
    const meeting = await this.visibleQuery(actor)
      .andWhere(`${MEETING_ALIAS}.id = :meetingId`, { meetingId: id })
      .getOne();
    if (!meeting) throw MeetingException.notFound(id);
    return meeting;
  }

  /**
   * Loads a meeting for a change: visible? (else NOT_FOUND, nothing locked) → row lock → version (CONFLICT) → the
   * actor acts for it (else FORBIDDEN: they may see it, so saying why reveals nothing).
   */
  async loadForChange(
    manager: EntityManager,
    actor: Actor,
    id: string,
    expectedVersion?: number,
  ): Promise<MeetingEntity> {
    const meeting = await this.visibleQuery(actor, manager)
      .andWhere(`${MEETING_ALIAS}.id = :meetingId`, { meetingId: id })
      .setLock('pessimistic_write', undefined, [MEETING_ALIAS])
      .getOne();
    if (!meeting) throw MeetingException.notFound(id);
    if (expectedVersion !== undefined && expectedVersion !== meeting.version) {
      throw new MeetingException(
        MeetingErrorReason.MEETING_VERSION_CONFLICT,
        `Meeting ${id} was changed by someone else (now version ${meeting.version}); reload and try again.`,
        'expectedVersion',
      );
    }
    await this.requireActsFor(actor, meeting);
    return meeting;
  }

  /** The organising agency's recorders, or the secretariat of the meeting's unit. */
  async actsFor(
    actor: Actor,
    meeting: Pick<MeetingEntity, 'unitId' | 'organiserAgencyId' | 'timeZone'>,
  ): Promise<boolean> {
    if (hasRole(actor, ...MEETING_RECORDERS) && actor.agencyId === meeting.organiserAgencyId) return true;
    if (!hasRole(actor, Role.SECRETARIAT)) return false;
    const roles = await this.rolesInUnit(actor.agencyId, meeting.unitId, meeting.timeZone);
    return roles.includes(MembershipRole.SECRETARIAT);
  }

  async requireActsFor(
    actor: Actor,
    meeting: Pick<MeetingEntity, 'unitId' | 'organiserAgencyId' | 'timeZone'>,
  ): Promise<void> {
    if (!(await this.actsFor(actor, meeting))) {
      throw new MeetingException(
        MeetingErrorReason.NOT_FOR_YOUR_AGENCY,
        "Only the organising agency's liaisons, secretariat and attachés, or the unit's secretariat, record this meeting.",
      );
    }
  }

  /** The roles an agency holds in a unit today (in the unit's time zone). */
  async rolesInUnit(agencyId: string, unitId: string, timeZone: string): Promise<MembershipRole[]> {
    const today = DateTime.fromJSDate(this.clock.now(), { zone: timeZone }).toISODate() as string;
    const memberships = (await this.taskForces.membershipsOfUnits([unitId], today)).get(unitId) ?? [];
    return memberships.filter((membership) => membership.agencyId === agencyId).map((membership) => membership.role);
  }

  /** Agencies holding a role other than PARTNER in the unit today: the members whose meetings these are. */
  async memberAgencyIds(unitId: string, timeZone: string): Promise<Set<string>> {
    const today = DateTime.fromJSDate(this.clock.now(), { zone: timeZone }).toISODate() as string;
    const memberships = (await this.taskForces.membershipsOfUnits([unitId], today)).get(unitId) ?? [];
    return new Set(
      memberships.filter((membership) => membership.role !== MembershipRole.PARTNER).map((m) => m.agencyId),
    );
  }
}
