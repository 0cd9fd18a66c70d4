import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Connection, paginate } from '@app/graphql/pagination';

import { MeetingsArgs } from '../dto/meeting.args';
import { MEETING_ALIAS, MeetingAccess } from '../meeting-access';
import { MeetingAttendanceEntity } from '../meeting-attendance.entity';
import { MeetingDecisionEntity } from '../meeting-decision.entity';
import { MeetingEntity } from '../meeting.entity';

/** Reading meetings, always through the meeting visibility rule; their parts load in batches (DataLoader). */
@Injectable()
export class MeetingQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccess,
  ) {}

  findVisible(actor: Actor, id: string): Promise<MeetingEntity> {
    return this.access.findVisible(actor, id);
  }

  /** Meetings the actor may see, the latest first. */
  list(actor: Actor, args: MeetingsArgs): Promise<Connection<MeetingEntity>> {
    const query = this.access.visibleQuery(actor);
    const filter = args.filter ?? {};
    if (filter.unitId) query.andWhere(`${MEETING_ALIAS}.unitId = :unitId`, { unitId: filter.unitId });
    if (filter.type) query.andWhere(`${MEETING_ALIAS}.type = :type`, { type: filter.type });
    // Days are the meeting's own: a meeting at 08:00 in Jayapura on the 1st is on the 1st, whatever UTC says.
    const localDay = `(${MEETING_ALIAS}.starts_at AT TIME ZONE ${MEETING_ALIAS}.time_zone)::date`;
    if (filter.from) query.andWhere(`${localDay} >= :from::date`, { from: filter.from });
    if (filter.to) query.andWhere(`${localDay} <= :to::date`, { to: filter.to });
    return paginate(query, args, {
      column: `${MEETING_ALIAS}.startsAt`,
      value: (row) => row.startsAt.toISOString(),
      descending: true,
    });
  }

  /** Decisions of many meetings, in their order (the parent meeting's visibility has been checked). */
  async decisionsOf(meetingIds: readonly string[]): Promise<Map<string, MeetingDecisionEntity[]>> {
    const rows = await this.dataSource.getRepository(MeetingDecisionEntity).find({
      where: { meetingId: In([...meetingIds]) },
      order: { number: 'ASC' },
    });
    return groupBy(rows, (row) => row.meetingId);
  }

  /** Attendance lists of many meetings, in list order (the organiser first). */
  async attendanceOf(meetingIds: readonly string[]): Promise<Map<string, MeetingAttendanceEntity[]>> {
    const rows = await this.dataSource.getRepository(MeetingAttendanceEntity).find({
      where: { meetingId: In([...meetingIds]) },
      order: { position: 'ASC' },
    });
    return groupBy(rows, (row) => row.meetingId);
  }
}

export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) grouped.set(key(row), [...(grouped.get(key(row)) ?? []), row]);
  return grouped;
}
