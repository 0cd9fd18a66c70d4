import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

import {
  CountryField,
  DayField,
  EnumField,
  ExpectedVersionField,
  IdField,
  IdListField,
  ReasonField,
  TextField,
} from '@app/graphql/input-fields';
import { PageArgs } from '@app/graphql/pagination';

import {
  FollowUpOutcome,
  FollowUpStatus,
  MilestoneType,
  NeedStatus,
  OperationStatus,
  ReintegrationNeed,
} from '../repatriation.enums';

@InputType({ description: 'Another agency than the policy names for one step of the plan.' })
export class MilestoneOwnerInput {
  @EnumField(MilestoneType, { description: 'The step.' })
  type: MilestoneType;

  @IdField({ description: 'The agency that owes it.' })
  agencyId: string;
}

@InputType({ description: 'A new repatriation operation, with its people; the milestone plan comes from policy.' })
export class CreateRepatriationOperationInput {
  @CountryField({ description: 'The country the people leave (KH, MY …).' })
  fromCountry: string;

  @TextField({ description: 'The route (no names of people).', min: 3, max: 300 })
  route: string;

  @IdField({ description: 'The agency responsible on the departure side (a mission abroad); yours or the other one.' })
  sendingAgencyId: string;

  @IdField({ description: 'The agency responsible on arrival in Indonesia.' })
  receivingAgencyId: string;

  @IdField({ description: 'The foreign authority whose steps the plan includes (exit clearance).', optional: true })
  counterpartAgencyId?: string;

  @IdListField({
    description: 'The people travelling (ones you may work on), up to 200; a later operation may start empty.',
    maxItems: 200,
  })
  victimIds: string[];

  @DayField({ description: 'Planned day of departure.' })
  plannedDepartureOn: string;

  @DayField({ description: 'Planned day of arrival.' })
  plannedArrivalOn: string;

  @DayField({ description: 'The day the operation began (default today; may be historical).', optional: true })
  startedOn?: string;

  @TextField({ description: 'Where the group leaves from.', optional: true, max: 200 })
  departurePlace?: string;

  @TextField({ description: 'Where the group arrives.', optional: true, max: 200 })
  arrivalPlace?: string;

  @TextField({ description: 'Flight or crossing.', optional: true, max: 100 })
  flightOrCrossing?: string;

  @IdField({ description: 'The cross-border request for the exit clearance (one you may see).', optional: true })
  exitClearanceRequestId?: string;

  @Field(() => [MilestoneOwnerInput], { nullable: true, description: 'Owners other than the policy names.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => MilestoneOwnerInput)
  owners?: MilestoneOwnerInput[];
}

@InputType({ description: 'A milestone done, with the day it happened.' })
export class RecordMilestoneInput {
  @IdField({ description: 'The milestone.' })
  id: string;

  @DayField({ description: 'The day it happened (not before the operation began, not in the future).' })
  happenedOn: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'A milestone not needed for this person or group.' })
export class WaiveMilestoneInput {
  @IdField({ description: 'The milestone.' })
  id: string;

  @ReasonField('Why it is not needed.')
  reason: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'The group left.' })
export class MarkOperationDepartedInput {
  @IdField({ description: 'The operation.' })
  id: string;

  @DayField({ description: 'The day the group left.' })
  departedOn: string;

  @TextField({ description: 'Where it left from, if not as planned.', optional: true, max: 200 })
  departurePlace?: string;

  @TextField({ description: 'Flight or crossing, if not as planned.', optional: true, max: 100 })
  flightOrCrossing?: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'The group arrived in Indonesia: each person is handed to the home region.' })
export class RecordArrivalInput {
  @IdField({ description: 'The operation.' })
  id: string;

  @DayField({ description: 'The day the group arrived (not before it left).' })
  arrivedOn: string;

  @TextField({ description: 'Where it arrived, if not as planned.', optional: true, max: 200 })
  arrivalPlace?: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'People joining a planned operation.' })
export class AddRepatriationPeopleInput {
  @IdField({ description: 'The operation.' })
  operationId: string;

  @IdListField({ description: 'The people joining (ones you may work on).', maxItems: 200 })
  @ArrayMinSize(1)
  victimIds: string[];
}

@InputType({ description: 'A person leaving an operation, to travel later with another or not at all.' })
export class MoveRepatriationPersonInput {
  @IdField({ description: 'The operation the person leaves.' })
  operationId: string;

  @IdField({ description: 'The person.' })
  victimId: string;

  @IdField({ description: 'The planned operation the person moves to, if any.', optional: true })
  toOperationId?: string;

  @ReasonField('Why the person leaves (no names).')
  reason: string;
}

@InputType({ description: 'What a follow-up contact found.' })
export class RecordFollowUpOutcomeInput {
  @IdField({ description: 'The follow-up contact.' })
  id: string;

  @IdField({ description: 'The person contacted: must be the person of the plan.' })
  victimId: string;

  @EnumField(FollowUpOutcome, { description: 'What the contact found.' })
  outcome: FollowUpOutcome;

  @DayField({ description: 'The day of the contact or the attempt.' })
  contactedOn: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'One need of a plan and who answers it.' })
export class ReintegrationNeedInput {
  @EnumField(ReintegrationNeed, { description: 'The need.' })
  need: ReintegrationNeed;

  @IdField({ description: 'The agency or provider answering it.' })
  responsibleAgencyId: string;

  @IdField({ description: 'The referral made for it (one you may see).', optional: true })
  referralId?: string;

  @EnumField(NeedStatus, { description: 'OPEN when omitted.', optional: true })
  status?: NeedStatus;
}

@InputType({ description: "The needs of a person's plan, as assessed now (replaces the list)." })
export class AssessReintegrationNeedsInput {
  @IdField({ description: 'The plan.' })
  planId: string;

  @Field(() => [ReintegrationNeedInput], { description: 'The needs (each at most once).' })
  @IsArray()
  @ArrayMaxSize(9)
  @ValidateNested({ each: true })
  @Type(() => ReintegrationNeedInput)
  needs: ReintegrationNeedInput[];
}

@ArgsType()
export class RepatriationOperationsArgs extends PageArgs {
  @EnumField(OperationStatus, { description: 'Only operations in this status.', optional: true })
  status?: OperationStatus;
}

@ArgsType()
export class FollowUpContactsArgs extends PageArgs {
  @EnumField(FollowUpStatus, { description: 'Only contacts in this status.', optional: true })
  status?: FollowUpStatus;
}
