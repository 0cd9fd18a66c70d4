import { Args, Query, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';

import { DATA_QUALITY_READERS, DataQualityService } from './data-quality.service';
import { DataQualityIssues, DataQualityIssuesArgs } from './dto/data-quality.dto';

@Resolver()
export class DataQualityResolver {
  constructor(private readonly dataQuality: DataQualityService) {}

  @Allow(...DATA_QUALITY_READERS)
  @Query(() => DataQualityIssues, {
    description:
      'What the nightly data-quality checks found open: possible duplicates, people with no referral, cases with no ' +
      'suspect, items stuck in a status, figures entered late. Your agency’s, or your units’ for a secretariat.',
  })
  dataQualityIssues(@CurrentActor() actor: Actor, @Args() args: DataQualityIssuesArgs): Promise<DataQualityIssues> {
    return this.dataQuality.issues(actor, args);
  }
}
