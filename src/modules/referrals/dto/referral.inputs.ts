import { ArgsType, Field, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';

import {
  EnumField,
  EnumListField,
  ExpectedVersionField,
  IdField,
  ReasonField,
  TextField,
} from '@app/graphql/input-fields';
import { PageArgs } from '@app/graphql/pagination';

import { ReferralService, ReferralStatus, ReferralUrgency } from '../referral.enums';

@InputType({ description: 'A referral of a person to a provider; consent for that provider must be in force.' })
export class ProposeReferralInput {
  @IdField({ description: 'The person (a victim record your agency owns).' })
  victimId: string;

  @IdField({ description: 'The provider agency.' })
  recipientAgencyId: string;

  @EnumField(ReferralService, { description: 'The service asked for.' })
  service: ReferralService;

  @EnumField(ReferralUrgency, {
    description: 'How fast the provider must answer (NORMAL when omitted).',
    optional: true,
  })
  urgency?: ReferralUrgency;

  @TextField({
    description: 'Required for IOM and other international organisations: why no national provider can serve.',
    optional: true,
    min: 10,
    max: 1000,
  })
  capacityGapReason?: string;
}

@InputType({ description: 'An action on a referral that needs no reason.' })
export class ReferralActionInput {
  @IdField({ description: 'The referral.' })
  id: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'An action on a referral that needs a reason (decline, withdraw, discontinue).' })
export class ReferralReasonInput {
  @IdField({ description: 'The referral.' })
  id: string;

  @ReasonField('Why; shown to the other agency and kept in the history.')
  reason: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'Completes a referral with its outcome.' })
export class CompleteReferralInput {
  @IdField({ description: 'The referral.' })
  id: string;

  @TextField({ description: 'The outcome of the service (no names).', min: 3, max: 2000 })
  outcome: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'Sends a declined or expired referral to another provider, keeping the chain.' })
export class RerouteReferralInput {
  @IdField({ description: 'The declined or expired referral.' })
  id: string;

  @IdField({ description: 'The new provider.' })
  recipientAgencyId: string;

  @EnumField(ReferralUrgency, {
    description: 'Urgency of the new referral (the old one’s when omitted).',
    optional: true,
  })
  urgency?: ReferralUrgency;

  @TextField({
    description: 'Required for international organisations (see proposeReferral).',
    optional: true,
    min: 10,
    max: 1000,
  })
  capacityGapReason?: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

/** Work lists: what waits for my agency, what my agency sent or received. */
export enum ReferralQueue {
  AWAITING_MY_ANSWER = 'AWAITING_MY_ANSWER',
  SENT_BY_MY_AGENCY = 'SENT_BY_MY_AGENCY',
  RECEIVED_BY_MY_AGENCY = 'RECEIVED_BY_MY_AGENCY',
}
registerEnumType(ReferralQueue, {
  name: 'ReferralQueue',
  description: 'AWAITING_MY_ANSWER (proposed to my agency), SENT_BY_MY_AGENCY, RECEIVED_BY_MY_AGENCY.',
});

@InputType({ description: 'Which referrals to list.' })
export class ReferralFilter {
  @EnumField(ReferralQueue, { description: 'A work list of your agency.', optional: true })
  queue?: ReferralQueue;

  @EnumListField(ReferralStatus, { description: 'Only these statuses.', optional: true })
  status?: ReferralStatus[];

  @IdField({ description: 'Only referrals of this person.', optional: true })
  victimId?: string;
}

@ArgsType()
export class ReferralsArgs extends PageArgs {
  @Field(() => ReferralFilter, { nullable: true, description: 'Filters; all must hold.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralFilter)
  filter?: ReferralFilter;
}
