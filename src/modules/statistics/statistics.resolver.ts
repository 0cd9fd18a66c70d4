import { Args, Query, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { Role } from '@app/kernel/role.enum';

import { AccountabilityService } from './accountability/accountability.service';
import { AnnualReportService } from './annual-report.service';
import { AnnualReport, AnnualReportArgs } from './dto/annual-report.dto';
import { Accountability, AccountabilityArgs } from './dto/accountability.dto';
import { Indicator } from './dto/indicator.dto';
import { StatisticsArgs, StatisticsResult } from './dto/statistics.dto';
import { StatisticsService } from './statistics.service';

/** Every role reads figures; what they cover (and whether small cells hide) follows the reader (statistics-scope.ts). */
export const STATISTICS_READERS = Object.values(Role) as [Role, ...Role[]];

@Resolver()
export class StatisticsResolver {
  constructor(
    private readonly service: StatisticsService,
    private readonly accountabilityService: AccountabilityService,
    private readonly annualReportService: AnnualReportService,
  ) {}

  @Allow(...STATISTICS_READERS)
  @Query(() => [Indicator], { description: 'The indicator catalogue: every figure the register can produce.' })
  indicators(@CurrentActor() actor: Actor) {
    return this.service.indicators(actor);
  }

  @Allow(...STATISTICS_READERS)
  @Query(() => StatisticsResult, {
    description:
      'An indicator over a period, split by one or two breakdowns, aggregated from the register: a unit’s ' +
      'secretariat sees its unit’s area, agencies their own records, others the published indicators with small ' +
      'cells suppressed.',
  })
  statistics(@CurrentActor() actor: Actor, @Args() args: StatisticsArgs) {
    return this.service.statistics(actor, args);
  }

  @Allow(Role.SECRETARIAT)
  @Query(() => Accountability, {
    description:
      "For a unit's secretariat: the open and overdue work of the unit's member agencies by agency, province and " +
      'counterpart country, response times per agency, and the trend against previous weeks.',
  })
  accountability(@CurrentActor() actor: Actor, @Args() args: AccountabilityArgs) {
    return this.accountabilityService.accountability(actor, args);
  }

  @Allow(...STATISTICS_READERS)
  @Query(() => AnnualReport, {
    description:
      "The content of the task force's annual report for a year: a chapter per duty, figures by 3P+Partnership " +
      'pillar, every one an indicator of the catalogue, in the reader’s scope (what exports turn into XLSX or CSV).',
  })
  annualReport(@CurrentActor() actor: Actor, @Args() args: AnnualReportArgs) {
    return this.annualReportService.annualReport(actor, args);
  }
}
