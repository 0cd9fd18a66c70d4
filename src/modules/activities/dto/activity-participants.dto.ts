import { Field, Int, ObjectType } from '@nestjs/graphql';

import { ActivityEntity } from '../activity.entity';

@ObjectType('ParticipantsBySex', { description: 'Participants by sex; adds up to the total.' })
export class ParticipantsBySex {
  @Field(() => Int, { description: 'Women and girls.' })
  female: number;

  @Field(() => Int, { description: 'Men and boys.' })
  male: number;

  @Field(() => Int, { description: 'Not recorded.' })
  notRecorded: number;
}

@ObjectType('ParticipantsByAgeBand', { description: 'Participants by age band; adds up to the total.' })
export class ParticipantsByAgeBand {
  @Field(() => Int, { description: 'Under 18.' })
  under18: number;

  @Field(() => Int, { description: '18 to 24.' })
  from18To24: number;

  @Field(() => Int, { description: '25 to 59.' })
  from25To59: number;

  @Field(() => Int, { description: '60 and over.' })
  from60: number;

  @Field(() => Int, { description: 'Not recorded.' })
  notRecorded: number;
}

@ObjectType('ActivityParticipants', { description: 'Who took part in an activity.' })
export class ActivityParticipants {
  @Field(() => Int, { description: 'How many took part.' })
  total: number;

  @Field(() => ParticipantsBySex, { description: 'By sex.' })
  bySex: ParticipantsBySex;

  @Field(() => ParticipantsByAgeBand, { description: 'By age band.' })
  byAgeBand: ParticipantsByAgeBand;
}

/** The stored counts as the API shows them; null when the number of participants is not known. */
export function toParticipants(activity: ActivityEntity): ActivityParticipants | null {
  if (activity.participantsTotal === null) return null;
  return {
    total: activity.participantsTotal,
    bySex: {
      female: activity.participantsFemale,
      male: activity.participantsMale,
      notRecorded: activity.participantsSexNotRecorded,
    },
    byAgeBand: {
      under18: activity.participantsUnder18,
      from18To24: activity.participants18To24,
      from25To59: activity.participants25To59,
      from60: activity.participants60Plus,
      notRecorded: activity.participantsAgeNotRecorded,
    },
  };
}
