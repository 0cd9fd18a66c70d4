import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

@ArgsType()
export class DigestPreviewArgs {
  @Field(() => ID, { description: 'The recipient.' })
  @IsUUID('all')
  userId: string;

  @Field(() => String, {
    nullable: true,
    description: "ISO week, e.g. 2026-W48 (the recipient's current week when omitted).",
  })
  @IsOptional()
  @Matches(/^\d{4}-W\d{2}$/, { message: 'week must be an ISO week such as 2026-W48' })
  week?: string;
}

@ObjectType('DigestPreview', { description: 'Exactly what the digest would say if it were sent now.' })
export class DigestPreview {
  @Field(() => String, { description: 'The week it is sent in (it reports on the week before).' })
  isoWeek: string;

  @Field(() => String, { description: 'Subject line.' })
  subject: string;

  @Field(() => String, { description: 'The HTML part.' })
  html: string;

  @Field(() => String, { description: 'The plain-text part.' })
  text: string;
}

@ArgsType()
export class DigestRunsArgs {
  @Field(() => Int, { defaultValue: 8, description: 'How many recent weeks (1–104).' })
  @IsInt()
  @Min(1)
  @Max(104)
  weeks: number = 8;
}

@ObjectType('DigestWeekSummary', { description: 'How one week of digests went.' })
export class DigestWeekSummary {
  @Field(() => String, { description: 'ISO week.' })
  isoWeek: string;

  @Field(() => Int, { description: 'Sent.' })
  sent: number;

  @Field(() => Int, { description: 'Skipped (opted out, unit switched off, account deactivated).' })
  skipped: number;

  @Field(() => Int, {
    description: 'FAILED: refused for good, or still failing a retry span after queued (see failedDeliveries).',
  })
  failed: number;

  @Field(() => Int, { description: 'Still being sent or retried.' })
  pending: number;
}

@InputType({ description: 'Your own weekly digest on or off; administrators may switch a unit’s digests.' })
export class UpdateDigestSubscriptionInput {
  @Field(() => Boolean, { description: 'True to receive the digest, false to stop it.' })
  @IsBoolean()
  subscribed: boolean;

  @Field(() => ID, { nullable: true, description: 'A task-force unit (administrators): switches its digests.' })
  @IsOptional()
  @IsUUID('all')
  unitId?: string;
}

@ObjectType('DigestSubscription', { description: 'Whether digests are on, for you or for a unit.' })
export class DigestSubscription {
  @Field(() => Boolean, { description: 'On or off.' })
  subscribed: boolean;

  @Field(() => ID, { nullable: true, description: 'The unit, when this is a unit setting.' })
  unitId: string | null;
}
