import { Args, Int, Query, Resolver } from '@nestjs/graphql';

import { Authenticated } from '@app/auth/access.decorators';

import { CalendarsService } from './calendars.service';
import { HolidayEntity } from './holiday.entity';

@Resolver(() => HolidayEntity)
export class CalendarsResolver {
  constructor(private readonly service: CalendarsService) {}

  @Authenticated()
  @Query(() => [HolidayEntity], { description: 'Public holidays of a country calendar (ID, KH, MY) in a year.' })
  holidays(
    @Args('country', { description: 'ISO country code: ID, KH or MY.' }) country: string,
    @Args('year', { type: () => Int, description: 'Calendar year.' }) year: number,
  ) {
    return this.service.holidays(country, year);
  }
}
