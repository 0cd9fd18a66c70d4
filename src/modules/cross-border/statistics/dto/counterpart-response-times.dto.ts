import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

/**
 * How fast one counterpart agency answered the outgoing requests submitted to it in a period. Days are
 * fractional (12 hours = 0.5) and run from submission; requests not yet acknowledged (or answered) count in
 * `submitted` only, never in the percentiles, so a slow counterpart with many open requests still shows as such
 * through the gap between `submitted` and `acknowledged`.
 */
@ObjectType('CounterpartResponseTimes', {
  description:
    'Response times of one counterpart agency to the outgoing requests submitted to it in the period asked for.',
})
export class CounterpartResponseTimes {
  /** Resolved through the agency loader. */
  counterpartAgencyId: string;

  @Field(() => Int, { description: 'Outgoing requests submitted to this counterpart in the period.' })
  submitted: number;

  @Field(() => Int, {
    description:
      'Of those, how many the counterpart has acknowledged (at any time up to now, also after the period ended).',
  })
  acknowledged: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median days from submission to acknowledgement, over the acknowledged requests only (requests not yet ' +
      'acknowledged count in `submitted` but not here); null when none was acknowledged.',
  })
  medianDaysToAcknowledge: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '90th percentile (interpolated) of days from submission to acknowledgement, over the acknowledged requests ' +
      'only (requests not yet acknowledged count in `submitted` but not here); null when none was acknowledged.',
  })
  p90DaysToAcknowledge: number | null;

  @Field(() => Int, {
    description: 'Of those, how many the counterpart has answered in full (at any time up to now).',
  })
  answered: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median days from submission to the full answer, over the answered requests only (requests not yet ' +
      'answered count in `submitted` but not here); null when none was answered.',
  })
  medianDaysToAnswer: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '90th percentile (interpolated) of days from submission to the full answer, over the answered requests ' +
      'only (requests not yet answered count in `submitted` but not here); null when none was answered.',
  })
  p90DaysToAnswer: number | null;
}
