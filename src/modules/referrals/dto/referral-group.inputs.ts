import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMinSize } from 'class-validator';

import { EnumField, IdField, IdListField, TextField } from '@app/graphql/input-fields';
import { OperationKeyField } from '@app/modules/group-operations/operation-key.field';

import { ReferralEntity } from '../referral.entity';
import { ReferralService, ReferralUrgency } from '../referral.enums';

@InputType({
  description:
    "One referral (provider, service, urgency) for a selection of people you may refer: your agency's or your case's. Consent for the provider must be in force for each. All or nothing; idempotent on operationKey.",
})
export class ProposeReferralsForGroupInput {
  @OperationKeyField()
  operationKey: string;

  @IdListField({ description: 'The people, 1 to 100, each once.', maxItems: 100 })
  @ArrayMinSize(1)
  victimIds: string[];

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

@ObjectType('ReferralGroupProposal', { description: 'The referrals a group call proposed, in the order given.' })
export class ReferralGroupProposal {
  @Field(() => String, { description: 'The operation key the call was made under.' })
  operationKey: string;

  @Field(() => Boolean, {
    description: 'True when this answers a retry: the first call wrote these, this one nothing.',
  })
  replayed: boolean;

  @Field(() => [ReferralEntity], { description: 'The referrals, in the order of victimIds.' })
  referrals: ReferralEntity[];
}
