import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AuditChanges } from '@app/modules/audit/audit-entry.entity';
import { AuditService } from '@app/modules/audit/audit.service';

import { AttendanceEntryInput, RecordAttendanceInput } from '../dto/meeting.inputs';
import { MeetingAccess } from '../meeting-access';
import { MeetingAttendanceEntity } from '../meeting-attendance.entity';
import { meetingReference } from '../meeting.constants';
import { MeetingEntity } from '../meeting.entity';
import { AttendanceStatus } from '../meeting.enums';
import { MeetingErrorReason, MeetingException } from '../meeting.exception';
import { localParts } from '../meeting-time';

/** Who came is known once the meeting has started; a notice of absence may come before. */
const KNOWN_ONCE_STARTED: readonly AttendanceStatus[] = [
  AttendanceStatus.PRESENT,
  AttendanceStatus.REPRESENTED,
  AttendanceStatus.ABSENT,
];

/**
 * The organiser (or the unit's secretariat) records how each agency took part: agencies on the attendance list,
 * and members of the unit who came uninvited (they join the list). An agency that is neither is refused, naming
 * the entry; nothing is written unless every entry is valid.
 */
@Injectable()
export class RecordAttendanceCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: RecordAttendanceInput): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.access.loadForChange(manager, actor, input.meetingId, input.expectedVersion);
      const list = await manager.find(MeetingAttendanceEntity, {
        where: { meetingId: meeting.id },
        order: { position: 'ASC' },
      });
      const members = await this.access.memberAgencyIds(meeting.unitId, meeting.timeZone);
      const changes: AuditChanges = {};
      const seen = new Set<string>();
      for (const [index, entry] of input.entries.entries()) {
        this.checkEntry(meeting, entry, `entries.${index}`, seen);
        let row = list.find((listed) => listed.agencyId === entry.agencyId);
        if (!row) {
          if (!members.has(entry.agencyId)) {
            throw new MeetingException(
              MeetingErrorReason.NOT_ON_ATTENDANCE_LIST,
              `entries.${index}.agencyId: agency ${entry.agencyId} is neither on the attendance list of ${meetingReference(meeting)} nor a member of its unit.`,
              `entries.${index}.agencyId`,
            );
          }
          row = manager.create(MeetingAttendanceEntity, {
            meetingId: meeting.id,
            agencyId: entry.agencyId,
            position: list.length,
            status: AttendanceStatus.INVITED,
            people: [],
            note: null,
          });
          list.push(row);
        }
        changes[entry.agencyId] = { before: row.status, after: entry.status };
        row.status = entry.status;
        row.people = (entry.people ?? []).map((person) => ({
          name: person.name.trim(),
          position: person.position?.trim() || null,
        }));
        row.note = entry.note?.trim() || null;
      }
      await manager.save(list);
      await this.audit.record(manager, actor, {
        operation: 'recordAttendance',
        targetType: 'Meeting',
        targetId: meeting.id,
        changes,
      });
      return bumpVersion(manager, meeting.id);
    });
  }

  private checkEntry(meeting: MeetingEntity, entry: AttendanceEntryInput, field: string, seen: Set<string>): void {
    if (seen.has(entry.agencyId)) {
      throw new MeetingException(
        MeetingErrorReason.DUPLICATE_ENTRY,
        `${field}.agencyId: agency ${entry.agencyId} has two entries; give one per agency.`,
        `${field}.agencyId`,
      );
    }
    seen.add(entry.agencyId);
    if (entry.status === AttendanceStatus.INVITED) {
      throw new MeetingException(
        MeetingErrorReason.ATTENDANCE_STATUS_INVALID,
        `${field}.status: INVITED is how every agency starts; record PRESENT, REPRESENTED, ABSENT_WITH_NOTICE or ABSENT.`,
        `${field}.status`,
      );
    }
    if (KNOWN_ONCE_STARTED.includes(entry.status) && meeting.startsAt.getTime() > this.clock.now().getTime()) {
      const { date, time } = localParts(meeting.startsAt, meeting.timeZone);
      throw new MeetingException(
        MeetingErrorReason.MEETING_NOT_HELD,
        `${field}.status: ${meetingReference(meeting)} starts on ${date} at ${time} (${meeting.timeZone}); record ${entry.status} once it has started (a notice of absence may be recorded before).`,
        `${field}.status`,
      );
    }
  }
}

/** A change to a meeting's parts changes the meeting: its version moves on, so a stale expectedVersion is refused. */
export async function bumpVersion(manager: EntityManager, meetingId: string): Promise<MeetingEntity> {
  await manager.query('UPDATE meeting SET version = version + 1, updated_at = now() WHERE id = $1', [meetingId]);
  return manager.findOneByOrFail(MeetingEntity, { id: meetingId });
}
