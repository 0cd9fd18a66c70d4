import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsEnum, IsOptional, ValidateNested } from 'class-validator';

import { CaseRole } from '@app/kernel/case-role';
import {
  CountryField,
  DayField,
  EnumField,
  EnumListField,
  ExpectedVersionField,
  IdField,
  TextField,
} from '@app/graphql/input-fields';
import { PageArgs } from '@app/graphql/pagination';

import { ExploitationType, IntakeChannel, JusticeStatus, MeansOfControl, RecruitmentChannel } from '../case.enums';
import { CountryListField, RegionCodeField } from './case-fields';

const AT_LEAST_ONE_EXPLOITATION = '$property must name at least one form of exploitation (OTHER when unclear)';
const SUMMARY = 'Short description of the pattern. Never names or identifies a person: use reference codes.';

@InputType({
  description: "A new case, led by your agency. Describes the pattern only: no victim's name or identity.",
})
export class OpenCaseInput {
  @IdField({ description: 'The task-force unit the case is handled in (an active unit).' })
  unitId: string;

  @RegionCodeField({
    description: 'Region the victims were recruited from: province or regency/city code, e.g. 53 or 32.12.',
    optional: true,
  })
  originRegionCode?: string;

  @CountryListField({
    description: 'Countries of destination (ISO 3166-1 alpha-2, e.g. KH; ID if domestic).',
    optional: true,
    maxItems: 20,
  })
  destinationCountries?: string[];

  @CountryListField({ description: 'Countries of transit (ISO 3166-1 alpha-2).', optional: true, maxItems: 20 })
  transitCountries?: string[];

  @EnumListField(ExploitationType, { description: 'Forms of exploitation: at least one (OTHER when unclear).' })
  @ArrayMinSize(1, { message: AT_LEAST_ONE_EXPLOITATION })
  exploitationTypes: ExploitationType[];

  @EnumListField(RecruitmentChannel, { description: 'How the victims were recruited, where known.', optional: true })
  recruitmentChannels?: RecruitmentChannel[];

  @EnumListField(MeansOfControl, { description: 'How the victims were controlled, where known.', optional: true })
  meansOfControl?: MeansOfControl[];

  @EnumField(IntakeChannel, { description: 'How the case reached the task force.' })
  intakeChannel: IntakeChannel;

  @TextField({ description: SUMMARY, optional: true, max: 1000 })
  summary?: string;

  @DayField({ description: 'The day the case was first reported (YYYY-MM-DD; may be historical).', optional: true })
  reportedOn?: string;

  @DayField({ description: 'First day of the exploitation, where known (YYYY-MM-DD).', optional: true })
  exploitationFrom?: string;

  @DayField({ description: 'Last day of the exploitation, where known (YYYY-MM-DD).', optional: true })
  exploitationTo?: string;

  @DayField({ description: 'The day of the rescue or exit (YYYY-MM-DD).', optional: true })
  rescuedOn?: string;

  @TextField({
    description: 'Where the rescue or exit took place (a town or district; no names of people).',
    optional: true,
    max: 200,
  })
  rescuePlace?: string;

  @CountryField({ description: 'Country of the rescue or exit (ISO 3166-1 alpha-2).', optional: true })
  rescueCountry?: string;

  @EnumField(CaseRole, {
    description:
      "Your agency's role in the case (by default the first that fits its type: INVESTIGATION for police …).",
    optional: true,
  })
  leadRole?: CaseRole;
}

@InputType({
  description:
    "Changes to a case's description by its lead agency; omitted or null fields stay as they are, given lists replace the old ones.",
})
export class UpdateCaseInput {
  @IdField({ description: 'The case.' })
  id: string;

  @ExpectedVersionField()
  expectedVersion?: number;

  @IdField({ description: 'Another task-force unit (an active unit).', optional: true })
  unitId?: string;

  @RegionCodeField({ description: 'Region of origin: province or regency/city code.', optional: true })
  originRegionCode?: string;

  @CountryListField({ description: 'Countries of destination (replaces the list).', optional: true, maxItems: 20 })
  destinationCountries?: string[];

  @CountryListField({ description: 'Countries of transit (replaces the list).', optional: true, maxItems: 20 })
  transitCountries?: string[];

  @EnumListField(ExploitationType, {
    description: 'Forms of exploitation (replaces the list; at least one).',
    optional: true,
  })
  @ArrayMinSize(1, { message: AT_LEAST_ONE_EXPLOITATION })
  exploitationTypes?: ExploitationType[];

  @EnumListField(RecruitmentChannel, { description: 'Recruitment channels (replaces the list).', optional: true })
  recruitmentChannels?: RecruitmentChannel[];

  @EnumListField(MeansOfControl, { description: 'Means of control (replaces the list).', optional: true })
  meansOfControl?: MeansOfControl[];

  @EnumField(IntakeChannel, { description: 'How the case reached the task force.', optional: true })
  intakeChannel?: IntakeChannel;

  @TextField({ description: SUMMARY, optional: true, max: 1000 })
  summary?: string;

  @DayField({ description: 'The day the case was first reported (YYYY-MM-DD; may be historical).', optional: true })
  reportedOn?: string;

  @DayField({ description: 'First day of the exploitation, where known (YYYY-MM-DD).', optional: true })
  exploitationFrom?: string;

  @DayField({ description: 'Last day of the exploitation, where known (YYYY-MM-DD).', optional: true })
  exploitationTo?: string;

  @DayField({ description: 'The day of the rescue or exit (YYYY-MM-DD).', optional: true })
  rescuedOn?: string;

  @TextField({
    description: 'Where the rescue or exit took place (a town or district; no names of people).',
    optional: true,
    max: 200,
  })
  rescuePlace?: string;

  @CountryField({ description: 'Country of the rescue or exit (ISO 3166-1 alpha-2).', optional: true })
  rescueCountry?: string;
}

@InputType({ description: 'A step on the justice track; side exits and resumptions need a reason.' })
export class ChangeCaseStatusInput {
  @IdField({ description: 'The case.' })
  id: string;

  @EnumField(JusticeStatus, { description: 'The status to move to.' })
  to: JusticeStatus;

  @TextField({
    description:
      'Why: required for NOT_TRAFFICKING, INVESTIGATION_STOPPED and resuming an investigation; otherwise an optional note. Kept in the history; no victim identity.',
    optional: true,
    max: 1000,
  })
  reason?: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'Narrows the case list; all given conditions must hold.' })
export class CaseFilter {
  @Field(() => [JusticeStatus], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @IsEnum(JusticeStatus, { each: true })
  status?: JusticeStatus[];

  @IdField({ description: 'Only cases led by this agency.', optional: true })
  leadAgencyId?: string;

  @IdField({
    description: 'Only cases in which this agency currently takes part (as lead or participant).',
    optional: true,
  })
  participantAgencyId?: string;

  @IdField({ description: 'Only cases handled in this task-force unit.', optional: true })
  unitId?: string;

  @EnumField(ExploitationType, { description: 'Only cases with this form of exploitation.', optional: true })
  exploitationType?: ExploitationType;
}

@ArgsType()
export class CasesArgs extends PageArgs {
  @Field(() => CaseFilter, { nullable: true, description: 'Conditions on the cases.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseFilter)
  filter?: CaseFilter;
}
