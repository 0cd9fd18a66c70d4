import { Actor } from '@app/auth/actor';
import { ActivitiesService } from '@app/modules/activities/activities.service';
import { ActivityType, FundingSource, TargetGroup } from '@app/modules/activities/activity.enums';
import { ActivityEntity } from '@app/modules/activities/activity.entity';
import { RecordActivityInput } from '@app/modules/activities/dto/activity.inputs';
import { RecordDecisionInput } from '@app/modules/meetings/dto/decision.inputs';
import { ScheduleMeetingInput } from '@app/modules/meetings/dto/meeting.inputs';
import { MeetingDecisionEntity } from '@app/modules/meetings/meeting-decision.entity';
import { MeetingEntity } from '@app/modules/meetings/meeting.entity';
import { MeetingType } from '@app/modules/meetings/meeting.enums';
import { MeetingsService } from '@app/modules/meetings/meetings.service';
import { TaskPillar } from '@app/modules/tasks/task.enums';

import { Factories } from './factories';

/**
 * Meetings, decisions and activities built through the services their mutations call, with defaults for what a
 * test does not name (see Factories).
 */
export class CoordinationFactories {
  constructor(private readonly factories: Factories) {}

  /** A coordination meeting on Wednesday 4 November 2026 at 09:00 in the unit's zone unless said otherwise. */
  meeting(
    actor: Actor,
    input: Pick<ScheduleMeetingInput, 'unitId' | 'invitedAgencyIds'> & Partial<ScheduleMeetingInput>,
  ): Promise<MeetingEntity> {
    return this.factories.service(MeetingsService).scheduleMeeting(actor, {
      type: MeetingType.COORDINATION,
      title: 'Rapat Koordinasi GTPP-TPPO',
      date: '2026-11-04',
      startTime: '09:00',
      place: 'Jakarta',
      ...input,
    });
  }

  /** A decision of a held meeting, with no action items unless given. */
  decision(
    actor: Actor,
    input: Pick<RecordDecisionInput, 'meetingId'> & Partial<RecordDecisionInput>,
  ): Promise<MeetingDecisionEntity> {
    return this.factories.service(MeetingsService).recordDecision(actor, {
      text: 'Share the returnee lists with the home provinces every month.',
      pillar: TaskPillar.PROTECTION,
      ...input,
    });
  }

  /** A one-day socialisation for communities, paid from the state budget, unless said otherwise. */
  activity(actor: Actor, input: Partial<RecordActivityInput> = {}): Promise<ActivityEntity> {
    return this.factories.service(ActivitiesService).recordActivity(actor, {
      title: 'Sosialisasi migrasi aman',
      type: ActivityType.SOCIALISATION,
      pillar: TaskPillar.PREVENTION,
      startsOn: '2026-10-01',
      targetGroup: TargetGroup.COMMUNITIES,
      fundingSource: FundingSource.APBN,
      ...input,
    });
  }
}
