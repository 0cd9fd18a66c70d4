import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, Matches, ValidateNested } from 'class-validator';

import {
  CodeField,
  DayField,
  EnumField,
  ExpectedVersionField,
  IdField,
  ReasonField,
  TextField,
  TimeZoneField,
} from '@app/graphql/input-fields';
import { PageArgs } from '@app/graphql/pagination';

import { MembershipRole, TaskForceLevel } from '../task-force.enums';

const REGION_CODE = /^[0-9.]{1,20}$/;
const REGION_CODE_MESSAGE = { message: 'regionCode must be digits and dots, e.g. 53 or 61.01' };

@InputType({ description: 'A new task-force unit.' })
export class CreateTaskForceUnitInput {
  @CodeField({ description: 'Short stable code, e.g. GTPP-NTT.', max: 40 })
  code: string;

  @TextField({ description: 'Name in Bahasa Indonesia.', min: 2, max: 300 })
  nameId: string;

  @TextField({ description: 'Name in English.', min: 2, max: 300 })
  nameEn: string;

  @EnumField(TaskForceLevel, { description: 'Level; a national unit has no parent, others must have one.' })
  level: TaskForceLevel;

  @Field(() => String, { nullable: true, description: 'Official region code.' })
  @IsOptional()
  @Matches(REGION_CODE, REGION_CODE_MESSAGE)
  regionCode?: string;

  @IdField({ description: 'The unit one level up.', optional: true })
  parentUnitId?: string;

  @TimeZoneField({ description: 'IANA time zone, e.g. Asia/Makassar.' })
  timeZone: string;
}

@InputType({ description: 'Changes to a task-force unit; omitted fields stay as they are.' })
export class UpdateTaskForceUnitInput {
  @IdField({ description: 'The unit to change.' })
  id: string;

  @ExpectedVersionField()
  expectedVersion?: number;

  @TextField({ description: 'Name in Bahasa Indonesia.', optional: true, min: 2, max: 300 })
  nameId?: string;

  @TextField({ description: 'Name in English.', optional: true, min: 2, max: 300 })
  nameEn?: string;

  @Field(() => String, { nullable: true, description: 'Official region code.' })
  @IsOptional()
  @Matches(REGION_CODE, REGION_CODE_MESSAGE)
  regionCode?: string;

  @TimeZoneField({ description: 'IANA time zone.', optional: true })
  timeZone?: string;
}

@InputType({ description: 'Deactivate a unit: history stays, no new work.' })
export class DeactivateTaskForceUnitInput {
  @IdField({ description: 'The unit.' })
  id: string;

  @ReasonField()
  reason: string;
}

@InputType({ description: 'Give an agency a role in a unit from a date.' })
export class CreateMembershipInput {
  @IdField({ description: 'The unit.' })
  unitId: string;

  @IdField({ description: 'The agency.' })
  agencyId: string;

  @EnumField(MembershipRole, { description: 'The role.' })
  role: MembershipRole;

  @DayField({ description: 'First day the role is held (YYYY-MM-DD).' })
  validFrom: string;

  @DayField({ description: 'First day it is no longer held, if already known.', optional: true })
  validTo?: string;

  @TextField({ description: 'Legal basis or decision.', optional: true, max: 500 })
  basis?: string;
}

@InputType({ description: 'End a membership from a date (the role is no longer held from that day).' })
export class EndMembershipInput {
  @IdField({ description: 'The membership.' })
  id: string;

  @DayField({ description: 'First day the role is no longer held (YYYY-MM-DD).' })
  validTo: string;
}

@InputType({ description: 'Narrows the unit list.' })
export class TaskForceUnitFilter {
  @EnumField(TaskForceLevel, { description: 'Only this level.', optional: true })
  level?: TaskForceLevel;

  @IdField({ description: 'Only units directly under this unit.', optional: true })
  parentUnitId?: string;

  @TextField({ description: 'Words matched against code and names.', optional: true, max: 100 })
  search?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or inactive (false) units.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class TaskForceUnitsArgs extends PageArgs {
  @Field(() => TaskForceUnitFilter, { nullable: true, description: 'Conditions on the units.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TaskForceUnitFilter)
  filter?: TaskForceUnitFilter;
}

@InputType({ description: 'Narrows the membership list.' })
export class MembershipFilter {
  @IdField({ description: 'Only this unit.', optional: true })
  unitId?: string;

  @IdField({ description: 'Only this agency.', optional: true })
  agencyId?: string;

  @EnumField(MembershipRole, { description: 'Only this role.', optional: true })
  role?: MembershipRole;

  @DayField({
    description: 'Only memberships in force on this day (YYYY-MM-DD), e.g. who chaired then.',
    optional: true,
  })
  activeOn?: string;
}

@ArgsType()
export class MembershipsArgs extends PageArgs {
  @Field(() => MembershipFilter, { nullable: true, description: 'Conditions on the memberships.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MembershipFilter)
  filter?: MembershipFilter;
}
