import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';

import {
  CodeField,
  CountryField,
  EnumField,
  EnumListField,
  ExpectedVersionField,
  IdField,
  ReasonField,
  TextField,
  TextListField,
  TimeZoneField,
} from '@app/graphql/input-fields';
import { PageArgs } from '@app/graphql/pagination';
import { RegionCodeField } from '@app/modules/cases/dto/case-fields';

import { AgencyCapability, AgencyType } from '../agency.enums';

@InputType({ description: 'A new agency for the directory.' })
export class CreateAgencyInput {
  @CodeField({ description: 'Short stable code: capitals, digits and dashes, e.g. KBRI-PNH.', max: 40 })
  code: string;

  @TextField({ description: 'Name in Bahasa Indonesia.', min: 2, max: 300 })
  nameId: string;

  @TextField({ description: 'Name in English.', min: 2, max: 300 })
  nameEn: string;

  @TextField({ description: 'Usual acronym.', min: 1, max: 60 })
  acronym: string;

  @TextListField({ description: 'Other names and acronyms.', optional: true, maxItems: 20, maxLength: 120 })
  aliases?: string[];

  @EnumField(AgencyType, { description: 'Kind of body.' })
  type: AgencyType;

  @CountryField({ description: 'ISO 3166-1 alpha-2 country code.' })
  country: string;

  @EnumListField(AgencyCapability, { description: 'Services the agency delivers.', optional: true })
  capabilities?: AgencyCapability[];

  @TimeZoneField({ description: 'IANA time zone, e.g. Asia/Jakarta.' })
  timeZone: string;

  @RegionCodeField({
    description: "Region of the agency's office: province (53) or regency/city (32.12).",
    optional: true,
  })
  regionCode?: string;

  @TextField({ description: 'Where the entry comes from, and what is inferred.', optional: true, max: 500 })
  basis?: string;

  @IdField({ description: 'Agency this one is part of.', optional: true })
  parentAgencyId?: string;

  @IdField({ description: 'Agency this one replaced.', optional: true })
  predecessorAgencyId?: string;
}

@InputType({ description: 'Changes to an agency; omitted fields stay as they are.' })
export class UpdateAgencyInput {
  @IdField({ description: 'The agency to change.' })
  id: string;

  @ExpectedVersionField()
  expectedVersion?: number;

  @TextField({ description: 'Name in Bahasa Indonesia.', optional: true, min: 2, max: 300 })
  nameId?: string;

  @TextField({ description: 'Name in English.', optional: true, min: 2, max: 300 })
  nameEn?: string;

  @TextField({ description: 'Usual acronym.', optional: true, min: 1, max: 60 })
  acronym?: string;

  @TextListField({ description: 'Other names (replaces the list).', optional: true, maxItems: 20, maxLength: 120 })
  aliases?: string[];

  @EnumField(AgencyType, { description: 'Kind of body.', optional: true })
  type?: AgencyType;

  @EnumListField(AgencyCapability, { description: 'Services delivered (replaces the list).', optional: true })
  capabilities?: AgencyCapability[];

  @TimeZoneField({ description: 'IANA time zone.', optional: true })
  timeZone?: string;

  @RegionCodeField({ description: "Region of the agency's office: province or regency/city code.", optional: true })
  regionCode?: string;

  @TextField({ description: 'Where the entry comes from, and what is inferred.', optional: true, max: 500 })
  basis?: string;

  @IdField({ description: 'Agency this one is part of.', optional: true })
  parentAgencyId?: string;

  @IdField({ description: 'Agency this one replaced.', optional: true })
  predecessorAgencyId?: string;
}

@InputType({ description: 'Deactivate an agency: it keeps its history but receives no new work.' })
export class DeactivateAgencyInput {
  @IdField({ description: 'The agency to deactivate.' })
  id: string;

  @ReasonField('Why, e.g. "merged into BP2MI"; kept in the audit trail.')
  reason: string;
}

@InputType({ description: 'Narrows the agency list; all given conditions must hold.' })
export class AgencyFilter {
  @TextField({ description: 'Words matched against code, names, acronym and aliases.', optional: true, max: 100 })
  search?: string;

  @EnumField(AgencyType, { description: 'Only agencies of this kind.', optional: true })
  type?: AgencyType;

  @CountryField({ description: 'Only agencies of this country (ISO code).', optional: true })
  country?: string;

  @EnumField(AgencyCapability, { description: 'Only agencies that deliver this service.', optional: true })
  capability?: AgencyCapability;

  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or inactive (false) agencies.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IdField({ description: 'Only agencies that are part of this agency.', optional: true })
  parentAgencyId?: string;

  @RegionCodeField({
    description: 'Only agencies whose office is in this region: a province (53) takes in its regencies (53.71).',
    optional: true,
  })
  region?: string;
}

@ArgsType()
export class AgenciesArgs extends PageArgs {
  @Field(() => AgencyFilter, { nullable: true, description: 'Conditions on the agencies.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgencyFilter)
  filter?: AgencyFilter;
}
