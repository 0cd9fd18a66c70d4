import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { GraphqlContext } from '@app/graphql/graphql-context';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AgreementCommitmentEntity } from '@app/modules/legal-instruments/agreement-commitment.entity';

import { ActionItem, ActionItemAgencyCount } from './dto/action-item.dto';
import { MeetingAttendanceEntity } from './meeting-attendance.entity';
import { decisionReference } from './meeting.constants';
import { MeetingDecisionEntity } from './meeting-decision.entity';
import { MeetingEntity } from './meeting.entity';
import { MeetingsService } from './meetings.service';

/** The parts of a meeting are read through the meeting: whoever sees the meeting sees them. */
@Resolver(() => MeetingDecisionEntity)
export class MeetingDecisionResolver {
  constructor(private readonly service: MeetingsService) {}

  @ResolveField(() => String, { description: 'The meeting’s reference and the decision’s number, e.g. MTG-000012/3.' })
  async reference(@Parent() decision: MeetingDecisionEntity, @Context() ctx: GraphqlContext) {
    const meeting = await ctx.loaders.byId(MeetingEntity).load(decision.meetingId);
    return decisionReference(meeting!, decision);
  }

  @ResolveField(() => [ActionItem], { description: 'The action items that carry it out.' })
  actionItems(@Parent() decision: MeetingDecisionEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('decision-action-items', (ids) => this.service.actionItemsOf(ids)).load(decision.id);
  }

  @ResolveField(() => AgreementCommitmentEntity, { nullable: true, description: 'The commitment it carries forward.' })
  agreementCommitment(@Parent() decision: MeetingDecisionEntity, @Context() ctx: GraphqlContext) {
    return decision.agreementCommitmentId
      ? ctx.loaders.byId(AgreementCommitmentEntity).load(decision.agreementCommitmentId)
      : null;
  }
}

@Resolver(() => MeetingAttendanceEntity)
export class MeetingAttendanceResolver {
  @ResolveField(() => AgencyEntity, { description: 'The agency.' })
  agency(@Parent() row: MeetingAttendanceEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(row.agencyId);
  }
}

@Resolver(() => ActionItem)
export class ActionItemResolver {
  @ResolveField(() => AgencyEntity, { description: 'The agency that owes it.' })
  ownerAgency(@Parent() item: ActionItem, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(item.ownerAgencyId);
  }

  @ResolveField(() => MeetingDecisionEntity, { description: 'The decision it carries out.' })
  decision(@Parent() item: ActionItem, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(MeetingDecisionEntity).load(item.decisionId);
  }

  @ResolveField(() => MeetingEntity, { description: 'The meeting that decided it.' })
  meeting(@Parent() item: ActionItem, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(MeetingEntity).load(item.meetingId);
  }

  @ResolveField(() => MeetingEntity, { nullable: true, description: 'The later meeting at which it was closed.' })
  closedInMeeting(@Parent() item: ActionItem, @Context() ctx: GraphqlContext) {
    return item.closedInMeetingId ? ctx.loaders.byId(MeetingEntity).load(item.closedInMeetingId) : null;
  }
}

@Resolver(() => ActionItemAgencyCount)
export class ActionItemAgencyCountResolver {
  @ResolveField(() => AgencyEntity, { description: 'The owner agency.' })
  agency(@Parent() row: ActionItemAgencyCount, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(row.agencyId);
  }
}
