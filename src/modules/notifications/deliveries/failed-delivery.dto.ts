import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';

import { ConnectionType, PageArgs } from '@app/graphql/pagination';

import { NotificationKind } from '../notification.enums';
import { DeliveryChannel } from './delivery-source';

@ObjectType('FailedDelivery', {
  description:
    'An email or digest that did not go out: refused for good by the mail server, or still failing a retry span (DELIVERY_RETRY_SPAN_MS, 24 h by default) after it was queued. It waits for an administrator.',
})
export class FailedDelivery {
  @Field(() => ID, { description: 'The notification (EMAIL) or digest run (DIGEST).' })
  id: string;

  @Field(() => DeliveryChannel, { description: 'What kind of message it is.' })
  channel: DeliveryChannel;

  @Field(() => ID, { description: 'The person it was for.' })
  recipientUserId: string;

  @Field(() => String, { nullable: true, description: "Acronym of the recipient's agency." })
  recipientAgency: string | null;

  @Field(() => NotificationKind, { nullable: true, description: 'What the notification was about (EMAIL only).' })
  kind: NotificationKind | null;

  @Field(() => String, { nullable: true, description: 'Reference code of the record it was about (EMAIL only).' })
  reference: string | null;

  @Field(() => String, { nullable: true, description: 'The ISO week of the digest (DIGEST only).' })
  isoWeek: string | null;

  @Field(() => Boolean, { description: 'An escalation that reached someone (these cannot be muted).' })
  critical: boolean;

  @Field(() => Int, { description: 'Attempts that reached a known outcome.' })
  attempts: number;

  @Field(() => String, { nullable: true, description: "The last failure: the mail server's answer or the error." })
  lastError: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When this round of delivery began (creation, or the last retry).' })
  queuedAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it became FAILED.' })
  failedAt: Date;
}

@ObjectType()
export class FailedDeliveryConnection extends ConnectionType(FailedDelivery, 'FailedDelivery') {}

@ArgsType()
export class FailedDeliveriesArgs extends PageArgs {
  @Field(() => DeliveryChannel, { nullable: true, description: 'Only emails or only digests.' })
  @IsOptional()
  @IsEnum(DeliveryChannel)
  channel?: DeliveryChannel;

  @Field(() => Boolean, { defaultValue: false, description: 'Only escalations that reached someone.' })
  @IsBoolean()
  criticalOnly: boolean = false;
}

@InputType({ description: 'Which failed deliveries to send again: some by id, or all (of one channel).' })
export class RetryFailedDeliveriesInput {
  @Field(() => [ID], { nullable: true, description: 'Failed deliveries (FailedDelivery.id), at most 500.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'ids must hold delivery ids' })
  ids?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Every failed delivery (of `channel`, when given).' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;

  @Field(() => DeliveryChannel, { nullable: true, description: 'Only emails or only digests.' })
  @IsOptional()
  @IsEnum(DeliveryChannel)
  channel?: DeliveryChannel;
}

@ObjectType({ description: 'What a retry did.' })
export class RetryFailedDeliveriesResult {
  @Field(() => Int, { description: 'Deliveries back in the queue, each with a fresh retry span.' })
  retried: number;

  @Field(() => [ID], {
    description: 'Ids given that are not failed deliveries (sent meanwhile, retried already, or unknown): left alone.',
  })
  notFailed: string[];

  @Field(() => Int, { description: 'Failed deliveries left after this retry.' })
  stillFailed: number;
}
