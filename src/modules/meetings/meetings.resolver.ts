import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { Clock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { ConnectionType } from '@app/graphql/pagination';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';

import { ActionItem, OpenActionItemConnection } from './dto/action-item.dto';
import { CloseActionItemInput, RecordDecisionInput } from './dto/decision.inputs';
import { MeetingsArgs, OpenActionItemsArgs } from './dto/meeting.args';
import { RecordAttendanceInput, RecordMinutesInput, ScheduleMeetingInput } from './dto/meeting.inputs';
import { MEETING_READERS, MEETING_RECORDERS } from './meeting-access';
import { MeetingAttendanceEntity } from './meeting-attendance.entity';
import { meetingReference } from './meeting.constants';
import { MeetingDecisionEntity } from './meeting-decision.entity';
import { MeetingEntity } from './meeting.entity';
import { localParts } from './meeting-time';
import { MeetingsService } from './meetings.service';

@ObjectType()
export class MeetingConnection extends ConnectionType(MeetingEntity, 'Meeting') {}

/** Members' staff read; partners and counterparts read what they were invited to (the record rule decides). */
const READERS = [...MEETING_READERS, Role.PARTNER, Role.COUNTERPART] as const;

@Resolver(() => MeetingEntity)
export class MeetingsResolver {
  constructor(
    private readonly service: MeetingsService,
    private readonly clock: Clock,
  ) {}

  @Allow(...READERS)
  @Query(() => MeetingEntity, { description: 'One meeting you may see (others answer NOT_FOUND).' })
  meeting(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.findVisible(actor, id);
  }

  @Allow(...READERS)
  @Query(() => MeetingConnection, {
    description: "Meetings you may see, the latest first: your units' meetings, and those your agency was invited to.",
  })
  meetings(@CurrentActor() actor: Actor, @Args() args: MeetingsArgs) {
    return this.service.list(actor, args);
  }

  @Allow(...READERS)
  @Query(() => OpenActionItemConnection, {
    description:
      'Action items of meetings you may see that the meeting has not closed yet, earliest due first, with the ' +
      'count per owner agency (the secretariat’s view of who owes what).',
  })
  openActionItems(@CurrentActor() actor: Actor, @Args() args: OpenActionItemsArgs) {
    return this.service.openActionItems(actor, args);
  }

  @Allow(...MEETING_RECORDERS)
  @Mutation(() => MeetingEntity, {
    description: 'Convene a meeting of a unit your agency is a member of, and invite agencies to it.',
  })
  scheduleMeeting(@CurrentActor() actor: Actor, @Args('input') input: ScheduleMeetingInput) {
    return this.service.scheduleMeeting(actor, input);
  }

  @Allow(...MEETING_RECORDERS)
  @Mutation(() => MeetingEntity, { description: 'Record how agencies took part in a meeting your agency organises.' })
  recordAttendance(@CurrentActor() actor: Actor, @Args('input') input: RecordAttendanceInput) {
    return this.service.recordAttendance(actor, input);
  }

  @Allow(...MEETING_RECORDERS)
  @Mutation(() => MeetingDecisionEntity, {
    description: 'Record a decision of a held meeting; its action items become tasks of their owner agencies.',
  })
  recordDecision(@CurrentActor() actor: Actor, @Args('input') input: RecordDecisionInput) {
    return this.service.recordDecision(actor, input);
  }

  @Allow(...MEETING_RECORDERS)
  @Mutation(() => ActionItem, { description: 'Close an action item for the meeting, recording how it ended.' })
  closeActionItem(@CurrentActor() actor: Actor, @Args('input') input: CloseActionItemInput) {
    return this.service.closeActionItem(actor, input);
  }

  @Allow(...MEETING_RECORDERS)
  @Mutation(() => MeetingEntity, { description: 'Write the minutes of a meeting your agency organises.' })
  recordMinutes(@CurrentActor() actor: Actor, @Args('input') input: RecordMinutesInput) {
    return this.service.recordMinutes(actor, input);
  }

  @ResolveField(() => String, { description: 'Human reference, e.g. MTG-000012.' })
  reference(@Parent() meeting: MeetingEntity) {
    return meetingReference(meeting);
  }

  @ResolveField(() => String, { description: 'The day of the meeting (YYYY-MM-DD) in its time zone.' })
  localDate(@Parent() meeting: MeetingEntity) {
    return localParts(meeting.startsAt, meeting.timeZone).date;
  }

  @ResolveField(() => String, { description: 'Its start time (HH:mm) in its time zone.' })
  localStartTime(@Parent() meeting: MeetingEntity) {
    return localParts(meeting.startsAt, meeting.timeZone).time;
  }

  @ResolveField(() => Boolean, { description: 'Whether it has started (decisions are recorded once it has).' })
  held(@Parent() meeting: MeetingEntity) {
    return meeting.startsAt.getTime() <= this.clock.now().getTime();
  }

  @ResolveField(() => TaskForceUnitEntity, { description: 'The unit whose meeting this is.' })
  unit(@Parent() meeting: MeetingEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(TaskForceUnitEntity).load(meeting.unitId);
  }

  @ResolveField(() => AgencyEntity, { description: 'The agency that convenes and records it.' })
  organiserAgency(@Parent() meeting: MeetingEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(meeting.organiserAgencyId);
  }

  @ResolveField(() => [MeetingAttendanceEntity], {
    description: 'The attendance list: the organiser first, then the invited agencies, then members who came.',
  })
  attendance(@Parent() meeting: MeetingEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('meeting-attendance', (ids) => this.service.attendanceOf(ids)).load(meeting.id);
  }

  @ResolveField(() => [MeetingDecisionEntity], { description: 'What the meeting decided, in order.' })
  decisions(@Parent() meeting: MeetingEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('meeting-decisions', (ids) => this.service.decisionsOf(ids)).load(meeting.id);
  }

  @ResolveField(() => [ActionItem], {
    description:
      "What the meeting starts with: action items of the unit's earlier meetings still open when it began, " +
      'earliest due first, as they stand now.',
  })
  carriedOverActionItems(
    @CurrentActor() actor: Actor,
    @Parent() meeting: MeetingEntity,
    @Context() ctx: GraphqlContext,
  ) {
    return ctx.loaders.byKey('meeting-carried-over', (ids) => this.service.carriedOver(actor, ids)).load(meeting.id);
  }
}
