import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { AuditService } from '@app/modules/audit/audit.service';

import { RecordMinutesInput } from '../dto/meeting.inputs';
import { MeetingAccess } from '../meeting-access';
import { MeetingEntity } from '../meeting.entity';
import { MinutesStatus } from '../meeting.enums';
import { MeetingErrorReason, MeetingException } from '../meeting.exception';
import { bumpVersion } from './record-attendance.command';

/** The organiser (or the unit's secretariat) writes the minutes of a held meeting and moves them on to approval. */
@Injectable()
export class RecordMinutesCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccess,
    private readonly audit: AuditService,
  ) {}

  execute(actor: Actor, input: RecordMinutesInput): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.access.loadForChange(manager, actor, input.meetingId, input.expectedVersion);
      if (input.status === MinutesStatus.NONE) {
        throw new MeetingException(
          MeetingErrorReason.MINUTES_STATUS_INVALID,
          'status: minutes that are written are a DRAFT, CIRCULATED or APPROVED.',
          'status',
        );
      }
      await manager.query('UPDATE meeting SET minutes = $2, minutes_status = $3 WHERE id = $1', [
        meeting.id,
        input.minutes,
        input.status,
      ]);
      await this.audit.record(manager, actor, {
        operation: 'recordMinutes',
        targetType: 'Meeting',
        targetId: meeting.id,
        changes: {
          minutesStatus: { before: meeting.minutesStatus, after: input.status },
          minutes: { before: meeting.minutes === null ? null : '[earlier text]', after: '[text]' },
        },
      });
      return bumpVersion(manager, meeting.id);
    });
  }
}
