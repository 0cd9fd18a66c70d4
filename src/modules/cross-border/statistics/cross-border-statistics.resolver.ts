import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { Role } from '@app/kernel/role.enum';

import { CrossBorderStatisticsService } from './cross-border-statistics.service';
import { CounterpartResponseTimesArgs } from './dto/counterpart-response-times.args';
import { CounterpartResponseTimes } from './dto/counterpart-response-times.dto';

@Resolver(() => CounterpartResponseTimes)
export class CrossBorderStatisticsResolver {
  constructor(private readonly service: CrossBorderStatisticsService) {}

  // Counts and durations only, no request content: the people who file, oversee or coordinate cross-border work
  // see every counterpart's figures, whichever home agency the requests came from.
  @Allow(Role.ATTACHE, Role.LIAISON, Role.SUPERVISOR, Role.SECRETARIAT)
  @Query(() => [CounterpartResponseTimes], {
    description:
      'How fast each counterpart agency acknowledged and answered the outgoing requests submitted in [from, to), ' +
      'one row per counterpart that had any, ordered by country and then agency acronym.',
  })
  counterpartResponseTimes(@Args() args: CounterpartResponseTimesArgs) {
    return this.service.counterpartResponseTimes(args);
  }

  @ResolveField(() => AgencyEntity, { description: 'The counterpart agency the requests were addressed to.' })
  counterpartAgency(@Parent() row: CounterpartResponseTimes, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(row.counterpartAgencyId);
  }
}
