import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { ACTIVITY_READERS } from '@app/modules/activities/activity-access';

import { CoordinationFiguresService } from './coordination-figures.service';
import {
  ActivityFigures,
  ActivityFiguresArgs,
  AgencyActionItems,
  AgencyAttendance,
  MeetingFigures,
  MeetingFiguresArgs,
} from './dto/figures.dto';

// Counts and amounts only, no record's content and no person: every task-force role reads them (the papers ask for
// per-agency accountability), and counterparts do not.
@Resolver()
export class CoordinationFiguresResolver {
  constructor(private readonly service: CoordinationFiguresService) {}

  @Allow(...ACTIVITY_READERS)
  @Query(() => ActivityFigures, {
    description:
      'Activities and participants by pillar, duty, region, target group and year, and spending on meetings and ' +
      'activities, over the days from `from` to `to`; every breakdown adds up to its total.',
  })
  activityFigures(@Args() args: ActivityFiguresArgs) {
    return this.service.activityFigures(args);
  }

  @Allow(...ACTIVITY_READERS)
  @Query(() => MeetingFigures, {
    description:
      'Meetings held, attendance per agency, and action items on time and late per agency, over the days from ' +
      '`from` to `to`; every breakdown adds up to its total.',
  })
  meetingFigures(@Args() args: MeetingFiguresArgs) {
    return this.service.meetingFigures(args);
  }
}

@Resolver(() => AgencyAttendance)
export class AgencyAttendanceResolver {
  @ResolveField(() => AgencyEntity, { description: 'The agency.' })
  agency(@Parent() row: AgencyAttendance, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(row.agencyId);
  }
}

@Resolver(() => AgencyActionItems)
export class AgencyActionItemsResolver {
  @ResolveField(() => AgencyEntity, { description: 'The owner agency.' })
  agency(@Parent() row: AgencyActionItems, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(row.agencyId);
  }
}
