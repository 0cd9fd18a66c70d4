import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { TaskForceDuty } from '@app/modules/tasks/task.enums';

import { buildIndicator, one } from './build-indicator';
import { ActivityFigures, ActivityFiguresArgs, MeetingFigures, MeetingFiguresArgs } from './dto/figures.dto';
import { checkPeriod } from './figures-period';
import {
  ACTION_ITEMS_DUE,
  ACTIVITIES,
  ACTIVITY_PARTICIPANTS,
  MEETING_INVITATIONS,
  MEETINGS_HELD,
  SPENDING,
} from './indicator-catalogue';
import { IndicatorDimension as D } from './indicator.dto';
import { perAgencyActionItems, perAgencyAttendance } from './per-agency';
import { readActionItemsDue } from './queries/action-item-rows.query';
import { ActivityRow, readActivityRows } from './queries/activity-rows.query';
import { readHeldMeetings, readInvitations } from './queries/meeting-rows.query';
import { timeliness } from './timeliness';

/** One record of spending: an activity or a meeting whose cost is recorded. */
interface SpendingRow {
  year: string;
  kind: string;
  duty: string;
  level: string;
  fundingSource: string;
  amount: number;
}

const count = () => 1;

/**
 * The figures of coordination and prevention work, read from the register in one snapshot so they agree with one
 * another: counts and amounts only, never a title, a name or a note. Each is an indicator of the catalogue
 * (indicator-catalogue.ts), whose breakdowns add up to its total.
 */
@Injectable()
export class CoordinationFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  activityFigures(args: ActivityFiguresArgs): Promise<ActivityFigures> {
    const period = checkPeriod({ from: args.from, to: args.to });
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const activities = await readActivityRows(manager, period, args.regionCode);
      const meetings = (await readHeldMeetings(manager, period, this.clock.now())).filter(
        (meeting) => !args.regionCode || inRegion(meeting.unitRegionCode, args.regionCode),
      );
      const counted = activities.filter((row) => row.participantsTotal !== null);
      const common = {
        [D.YEAR]: one<ActivityRow>((row) => row.year, count),
        [D.PILLAR]: one<ActivityRow>((row) => row.pillar, count),
        [D.DUTY]: one<ActivityRow>((row) => row.duty, count),
        [D.REGION]: one<ActivityRow>((row) => row.region, count),
        [D.TARGET_GROUP]: one<ActivityRow>((row) => row.targetGroup, count),
        [D.ACTIVITY_TYPE]: one<ActivityRow>((row) => row.type, count),
      };
      const people = (row: ActivityRow) => row.participantsTotal ?? 0;
      const spending: SpendingRow[] = [
        ...activities
          .filter((row) => row.costIdr !== null)
          .map((row) => ({ ...row, kind: 'ACTIVITY', amount: row.costIdr as number })),
        ...meetings
          .filter((row) => row.costIdr !== null)
          .map((row) => ({
            year: row.year,
            kind: 'MEETING',
            duty: TaskForceDuty.COORDINATION,
            level: row.level,
            fundingSource: row.fundingSource,
            amount: row.costIdr as number,
          })),
      ];
      return {
        activities: buildIndicator(ACTIVITIES, period, activities, count, common),
        participants: buildIndicator(ACTIVITY_PARTICIPANTS, period, counted, people, {
          [D.YEAR]: one((row) => row.year, people),
          [D.PILLAR]: one((row) => row.pillar, people),
          [D.DUTY]: one((row) => row.duty, people),
          [D.REGION]: one((row) => row.region, people),
          [D.TARGET_GROUP]: one((row) => row.targetGroup, people),
          [D.ACTIVITY_TYPE]: one((row) => row.type, people),
          [D.SEX]: (row) => [
            ['FEMALE', row.female],
            ['MALE', row.male],
            ['NOT_RECORDED', row.sexNotRecorded],
          ],
          [D.AGE_BAND]: (row) => [
            ['UNDER_18', row.under18],
            ['FROM_18_TO_24', row.from18To24],
            ['FROM_25_TO_59', row.from25To59],
            ['FROM_60', row.from60],
            ['NOT_RECORDED', row.ageNotRecorded],
          ],
        }),
        spending: buildIndicator(SPENDING, period, spending, (row) => row.amount, {
          [D.YEAR]: one(
            (row) => row.year,
            (row) => row.amount,
          ),
          [D.KIND]: one(
            (row) => row.kind,
            (row) => row.amount,
          ),
          [D.DUTY]: one(
            (row) => row.duty,
            (row) => row.amount,
          ),
          [D.LEVEL]: one(
            (row) => row.level,
            (row) => row.amount,
          ),
          [D.FUNDING_SOURCE]: one(
            (row) => row.fundingSource,
            (row) => row.amount,
          ),
        }),
        activitiesWithoutParticipantCount: activities.length - counted.length,
        recordsWithoutCost: activities.length + meetings.length - spending.length,
      };
    });
  }

  meetingFigures(args: MeetingFiguresArgs): Promise<MeetingFigures> {
    const period = checkPeriod({ from: args.from, to: args.to });
    const now = this.clock.now();
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const meetings = await readHeldMeetings(manager, period, now, args.unitId);
      const invitations = (
        await readInvitations(
          manager,
          meetings.map((meeting) => meeting.id),
        )
      ).map((row) => ({ ...row, attendance: row.status === 'INVITED' ? 'NOT_RECORDED' : row.status }));
      const items = (await readActionItemsDue(manager, period, args.unitId)).map((row) => ({
        ...row,
        timeliness: timeliness(row, now),
      }));
      return {
        meetingsHeld: buildIndicator(MEETINGS_HELD, period, meetings, count, {
          [D.YEAR]: one((row) => row.year, count),
          [D.MEETING_TYPE]: one((row) => row.type, count),
          [D.UNIT]: one((row) => row.unitCode, count),
        }),
        invitations: buildIndicator(MEETING_INVITATIONS, period, invitations, count, {
          [D.ATTENDANCE]: one((row) => row.attendance, count),
          [D.AGENCY]: one((row) => row.agencyCode, count),
        }),
        attendanceByAgency: perAgencyAttendance(invitations),
        actionItemsDue: buildIndicator(ACTION_ITEMS_DUE, period, items, count, {
          [D.TIMELINESS]: one((row) => row.timeliness, count),
          [D.AGENCY]: one((row) => row.ownerAgencyCode, count),
        }),
        actionItemsByAgency: perAgencyActionItems(items),
      };
    });
  }
}

/** A region code and the regions inside it: 35 takes in 35.73. */
function inRegion(code: string | null, region: string): boolean {
  return code !== null && (code === region || code.startsWith(`${region}.`));
}
