import { ArgsType, Field, GraphQLISODateTime, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsOptional, ValidateNested } from 'class-validator';

import {
  CountryField,
  EnumField,
  EnumListField,
  ExpectedVersionField,
  IdField,
  IdListField,
  ReasonField,
  TextField,
} from '@app/graphql/input-fields';
import { PageArgs } from '@app/graphql/pagination';

import {
  ReplyChannel,
  ReplyKind,
  RequestCategory,
  RequestChannel,
  RequestConfidentiality,
  RequestDirection,
  RequestStage,
  RequestStatus,
  RequestUrgency,
} from '../cross-border.enums';

@InputType({ description: 'A new request to a counterpart, kept as a draft until submitted.' })
export class DraftCrossBorderRequestInput {
  @EnumField(RequestDirection, { description: 'OUTGOING when omitted.', optional: true })
  direction?: RequestDirection;

  @CountryField({ description: 'Counterpart country (KH, MY …).' })
  counterpartCountry: string;

  @IdField({ description: 'The counterpart agency (of that country).' })
  counterpartAgencyId: string;

  @IdField({ description: 'The home agency the request is made for (yours when omitted).', optional: true })
  onBehalfOfAgencyId?: string;

  @EnumField(RequestChannel, { description: 'How it travels.' })
  channel: RequestChannel;

  @IdField({ description: 'The instrument it rests on; it must bind the counterpart country.', optional: true })
  legalInstrumentId?: string;

  @IdField({ description: 'The commitment area of that instrument it serves.', optional: true })
  agreementCommitmentId?: string;

  @EnumField(RequestCategory, { description: 'What is asked.' })
  category: RequestCategory;

  @EnumField(RequestUrgency, { description: 'NORMAL when omitted.', optional: true })
  urgency?: RequestUrgency;

  @EnumField(RequestConfidentiality, { description: 'STANDARD when omitted.', optional: true })
  confidentiality?: RequestConfidentiality;

  @TextField({ description: 'Subject line (reference codes, no names).', min: 3, max: 300 })
  subject: string;

  @TextField({
    description: 'What is asked (victims by code; identities travel only with consent).',
    min: 3,
    max: 20000,
  })
  body: string;

  @IdListField({ description: 'Cases it concerns.', optional: true, maxItems: 20 })
  caseIds?: string[];

  @IdListField({ description: 'Victim records it concerns.', optional: true, maxItems: 100 })
  victimIds?: string[];
}

@InputType({ description: 'A step on a request that needs nothing more.' })
export class RequestActionInput {
  @IdField({ description: 'The request.' })
  id: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'A step that needs grounds or a reason (refuse, withdraw).' })
export class RequestReasonInput {
  @IdField({ description: 'The request.' })
  id: string;

  @ReasonField('Grounds or reason; kept in the history.')
  reason: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'The counterpart acknowledges a request.' })
export class AcknowledgeRequestInput {
  @IdField({ description: 'The request.' })
  id: string;

  @TextField({ description: "The counterpart's own reference number.", optional: true, max: 100 })
  counterpartReference?: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'The counterpart answers a request, in full or in part.' })
export class AnswerRequestInput {
  @IdField({ description: 'The request.' })
  id: string;

  @Field(() => Boolean, { nullable: true, description: 'A partial answer keeps the request ACCEPTED.' })
  @IsOptional()
  @IsBoolean()
  partial?: boolean;

  @TextField({ description: 'A short note on the answer (kept in the history).', optional: true, max: 2000 })
  note?: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'A new date for one stage: an extension (home side) or a postponement (counterpart).' })
export class ExtendDeadlineInput {
  @IdField({ description: 'The request.' })
  id: string;

  @EnumField(RequestStage, { description: 'The stage whose date moves.' })
  stage: RequestStage;

  @Field(() => GraphQLISODateTime, { description: 'The new date; later than the current one.' })
  @IsDate()
  newDate: Date;

  @ReasonField('Why the date moves; kept in the history with the old date.')
  reason: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'Pauses the clock (e.g. awaiting documents from Indonesia).' })
export class PauseClockInput {
  @IdField({ description: 'The request.' })
  id: string;

  @ReasonField('Why the clock stops; kept in the history.')
  reason: string;
}

@InputType({ description: 'What a counterpart without an account sent, recorded by the home side.' })
export class RecordCounterpartReplyInput {
  @IdField({ description: 'The request.' })
  id: string;

  @EnumField(ReplyKind, { description: 'What the reply says.' })
  kind: ReplyKind;

  @EnumField(ReplyChannel, { description: 'How it arrived.' })
  channel: ReplyChannel;

  @Field(() => GraphQLISODateTime, { description: 'When it arrived (counts for the response-time statistics).' })
  @IsDate()
  receivedAt: Date;

  @TextField({ description: "The counterpart's reference number.", optional: true, max: 100 })
  counterpartReference?: string;

  @TextField({ description: 'Grounds (refusal) or the reason for a new date.', optional: true, min: 3, max: 2000 })
  grounds?: string;

  @EnumField(RequestStage, { description: 'For NEW_DATE_PROPOSED: the stage.', optional: true })
  stage?: RequestStage;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'For NEW_DATE_PROPOSED: the date proposed.' })
  @IsOptional()
  @IsDate()
  newDate?: Date;
}

/** Work lists. */
export enum RequestQueue {
  MY_QUEUE = 'MY_QUEUE',
  ADDRESSED_TO_MY_AGENCY = 'ADDRESSED_TO_MY_AGENCY',
}
registerEnumType(RequestQueue, {
  name: 'RequestQueue',
  description:
    "MY_QUEUE: open requests you filed or your agency owns, next deadline first; ADDRESSED_TO_MY_AGENCY: a counterpart's inbox.",
});

@InputType({ description: 'Which requests to list.' })
export class CrossBorderRequestFilter {
  @CountryField({ description: 'Counterpart country.', optional: true })
  country?: string;

  @IdField({ description: 'Counterpart agency.', optional: true })
  counterpartAgencyId?: string;

  @EnumListField(RequestStatus, { description: 'Only these statuses (the stage a request is at).', optional: true })
  status?: RequestStatus[];

  @EnumField(RequestStage, { description: 'Only requests with this stage overdue.', optional: true })
  overdueStage?: RequestStage;

  @EnumField(RequestChannel, { description: 'Only this channel.', optional: true })
  channel?: RequestChannel;

  @EnumField(RequestQueue, { description: 'A work list.', optional: true })
  queue?: RequestQueue;
}

@ArgsType()
export class CrossBorderRequestsArgs extends PageArgs {
  @Field(() => CrossBorderRequestFilter, { nullable: true, description: 'Filters; all must hold.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CrossBorderRequestFilter)
  filter?: CrossBorderRequestFilter;
}
