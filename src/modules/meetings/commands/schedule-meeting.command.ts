import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { AgenciesService } from '@app/modules/agencies/agencies.service';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AuditService, diffFields } from '@app/modules/audit/audit.service';
import { FundingSource } from '@app/modules/activities/activity.enums';
import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';
import { TaskForcesService } from '@app/modules/task-forces/task-forces.service';
import { recordEvents } from '@app/queue/outbox';

import { ScheduleMeetingInput } from '../dto/meeting.inputs';
import { MeetingAccess } from '../meeting-access';
import { MeetingAttendanceEntity } from '../meeting-attendance.entity';
import { meetingEvent } from '../meeting-events';
import { MeetingEntity } from '../meeting.entity';
import { AttendanceStatus, MeetingType, MinutesStatus } from '../meeting.enums';
import { MeetingErrorReason, MeetingException } from '../meeting.exception';
import { localInstant } from '../meeting-time';

/** The fields the audit trail records for a new meeting. */
const AUDITED_FIELDS: (keyof MeetingEntity)[] = [
  'unitId',
  'type',
  'title',
  'startsAt',
  'endsAt',
  'timeZone',
  'place',
  'online',
  'agenda',
  'costIdr',
  'fundingSource',
  'source',
];

/**
 * A member agency convenes a meeting of its unit: the date and times are read in the unit's time zone (or the one
 * given, for a meeting held elsewhere), and the attendance list starts with the organiser and the invited
 * agencies. A meeting in the past may be entered too (with its source), so the history can be complete.
 */
@Injectable()
export class ScheduleMeetingCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccess,
    private readonly taskForces: TaskForcesService,
    private readonly agencies: AgenciesService,
    private readonly audit: AuditService,
  ) {}

  execute(actor: Actor, input: ScheduleMeetingInput): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.requireUnit(input.unitId);
      const timeZone = input.timeZone ?? unit.timeZone;
      if (!(await this.access.memberAgencyIds(unit.id, timeZone)).has(actor.agencyId)) {
        throw new MeetingException(
          MeetingErrorReason.NOT_FOR_YOUR_AGENCY,
          `unitId: your agency is not a member of ${unit.code}; only its members convene its meetings.`,
          'unitId',
        );
      }
      const { startsAt, endsAt } = this.times(input, timeZone);
      if (!input.place?.trim() && !input.online) {
        throw new MeetingException(
          MeetingErrorReason.PLACE_REQUIRED,
          'place: say where the meeting takes place, or set online to true.',
          'place',
        );
      }
      const invitees = await this.requireInvitees(manager, actor, input);
      const meeting = await manager.save(
        manager.create(MeetingEntity, {
          unitId: unit.id,
          type: input.type,
          title: input.title.trim(),
          startsAt,
          endsAt,
          timeZone,
          place: input.place?.trim() || null,
          online: input.online ?? false,
          agenda: (input.agenda ?? []).map((item) => item.trim()).filter((item) => item.length > 0),
          organiserAgencyId: actor.agencyId,
          minutes: null,
          minutesStatus: MinutesStatus.NONE,
          costIdr: input.costIdr ?? null,
          fundingSource: input.fundingSource ?? FundingSource.NOT_RECORDED,
          source: input.source?.trim() || null,
          recordedByUserId: actor.userId,
        }),
      );
      const listed = [actor.agencyId, ...invitees.map((agency) => agency.id)];
      for (const [position, agencyId] of listed.entries()) {
        await manager.insert(MeetingAttendanceEntity, {
          meetingId: meeting.id,
          agencyId,
          position,
          status: AttendanceStatus.INVITED,
          people: [],
          note: null,
        });
      }
      await this.audit.record(manager, actor, {
        operation: 'scheduleMeeting',
        targetType: 'Meeting',
        targetId: meeting.id,
        changes: {
          ...diffFields(null, meeting, AUDITED_FIELDS),
          invitedAgencyIds: { before: null, after: invitees.map((agency) => agency.id) },
        },
      });
      await recordEvents(manager, [meetingEvent('meeting.scheduled', meeting, actor)]);
      return meeting;
    });
  }

  private async requireUnit(unitId: string): Promise<TaskForceUnitEntity> {
    const unit = await this.taskForces.findUnit(unitId).catch(() => null);
    if (!unit || !unit.active) {
      throw new MeetingException(
        MeetingErrorReason.UNIT_INVALID,
        `unitId: task-force unit ${unitId} ${unit ? 'is inactive and holds no new meetings' : 'was not found'}.`,
        'unitId',
      );
    }
    return unit;
  }

  private times(input: ScheduleMeetingInput, timeZone: string): { startsAt: Date; endsAt: Date | null } {
    const startsAt = localInstant(input.date, input.startTime, timeZone);
    if (!startsAt) {
      throw new MeetingException(
        MeetingErrorReason.TIME_INVALID,
        `startTime: ${input.date} ${input.startTime} is not a time in ${timeZone}.`,
        'startTime',
      );
    }
    if (input.endTime === undefined) return { startsAt, endsAt: null };
    const endsAt = localInstant(input.date, input.endTime, timeZone);
    if (!endsAt || endsAt.getTime() <= startsAt.getTime()) {
      throw new MeetingException(
        MeetingErrorReason.TIME_INVALID,
        `endTime: ${input.endTime} is not after the start time ${input.startTime} on ${input.date}.`,
        'endTime',
      );
    }
    return { startsAt, endsAt };
  }

  /**
   * Active agencies, each once. Foreign counterparts come only to bilateral and multilateral meetings, and a
   * bilateral meeting is with one counterpart country.
   */
  private async requireInvitees(
    manager: EntityManager,
    actor: Actor,
    input: ScheduleMeetingInput,
  ): Promise<AgencyEntity[]> {
    const invitees: AgencyEntity[] = [];
    for (const [index, agencyId] of input.invitedAgencyIds.entries()) {
      const field = `invitedAgencyIds.${index}`;
      if (agencyId === actor.agencyId || invitees.some((agency) => agency.id === agencyId)) continue;
      const agency = await this.agencies.findOne(agencyId, manager);
      if (!agency || !agency.active) {
        throw new MeetingException(
          MeetingErrorReason.INVITEE_INVALID,
          `${field}: agency ${agencyId} ${agency ? 'is inactive' : 'was not found'}.`,
          field,
        );
      }
      if (agency.type === AgencyType.FOREIGN_COUNTERPART && input.type === MeetingType.COORDINATION) {
        throw new MeetingException(
          MeetingErrorReason.INVITEE_INVALID,
          `${field}: ${agency.acronym} is a foreign counterpart; counterparts come to BILATERAL or MULTILATERAL meetings, not to the unit's own coordination meetings.`,
          field,
        );
      }
      invitees.push(agency);
    }
    const countries = new Set(
      invitees.filter((agency) => agency.type === AgencyType.FOREIGN_COUNTERPART).map((agency) => agency.country),
    );
    if (input.type === MeetingType.BILATERAL && countries.size !== 1) {
      throw new MeetingException(
        MeetingErrorReason.COUNTERPART_REQUIRED,
        countries.size === 0
          ? 'invitedAgencyIds: a bilateral meeting is with a foreign counterpart; invite at least one.'
          : `invitedAgencyIds: a bilateral meeting is with one counterpart country, not ${[...countries].join(', ')}.`,
        'invitedAgencyIds',
      );
    }
    return invitees;
  }
}
