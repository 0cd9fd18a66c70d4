import { ArgsType, Field, GraphQLISODateTime, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsOptional, ValidateNested } from 'class-validator';

import {
  CodeField,
  CountryField,
  DayField,
  EnumField,
  ExpectedVersionField,
  IdField,
  ReasonField,
  TextField,
  TextListField,
} from '@app/graphql/input-fields';
import { PageArgs } from '@app/graphql/pagination';
import { ReferralService } from '@app/modules/referrals/referral.enums';
import { RegionCodeField } from '@app/modules/cases/dto/case-fields';

import {
  AgeBand,
  ConsentMethod,
  ConsentPurpose,
  IdentificationStatus,
  ProtectionStatus,
  SelfIdentification,
  Sex,
} from '../victim.enums';

@InputType({ description: 'Identity fields: stored encrypted, shown only to entitled agencies, every read audited.' })
export class VictimIdentityInput {
  @TextField({ description: 'Full name as the person gives it.', min: 1, max: 200 })
  fullName: string;

  @DayField({ description: 'Date of birth (YYYY-MM-DD), when known.', optional: true })
  dateOfBirth?: string;

  @TextField({ description: 'Passport number, when there is one.', optional: true, max: 20 })
  passportNumber?: string;

  @TextField({ description: 'NIK, the 16-digit Indonesian national identity number.', optional: true, max: 30 })
  nationalIdNumber?: string;

  @TextField({ description: 'How to reach the person (phone, address, a relative).', optional: true, max: 500 })
  contact?: string;
}

@ObjectType('VictimIdentity', { description: 'A victim’s identity (only for entitled agencies; each read audited).' })
export class VictimIdentityView {
  @Field(() => String, { description: 'Full name.' })
  fullName: string;

  @Field(() => String, { nullable: true, description: 'Date of birth (YYYY-MM-DD).' })
  dateOfBirth: string | null;

  @Field(() => String, { nullable: true, description: 'Passport number.' })
  passportNumber: string | null;

  @Field(() => String, { nullable: true, description: 'NIK.' })
  nationalIdNumber: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach the person.' })
  contact: string | null;
}

@InputType({ description: 'A person to register; the registering agency owns the record.' })
export class RegisterVictimInput {
  @IdField({ description: 'The case the person belongs to.', optional: true })
  caseId?: string;

  @Field(() => VictimIdentityInput, { description: 'Identity fields (encrypted at rest).' })
  @ValidateNested()
  @Type(() => VictimIdentityInput)
  identity: VictimIdentityInput;

  @EnumField(IdentificationStatus, { description: 'Identification decision (PRESUMED when omitted).', optional: true })
  identificationStatus?: IdentificationStatus;

  @EnumField(SelfIdentification, { description: 'Self-identification (NOT_ASKED when omitted).', optional: true })
  selfIdentification?: SelfIdentification;

  @EnumField(ProtectionStatus, { description: 'Protection track (IDENTIFIED when omitted).', optional: true })
  protectionStatus?: ProtectionStatus;

  @EnumField(Sex, { description: 'Sex as recorded.' })
  sex: Sex;

  @EnumField(AgeBand, { description: 'Age band.' })
  ageBand: AgeBand;

  @CountryField({ description: 'Nationality, ISO 3166-1 alpha-2 (e.g. ID).' })
  nationality: string;

  @RegionCodeField({ description: 'Region of origin: province (32) or regency/city (32.12).', optional: true })
  originRegion?: string;

  @TextListField({
    description: 'Languages needed, ISO 639-1 (e.g. id, jv, km).',
    optional: true,
    maxItems: 10,
    maxLength: 3,
  })
  languageNeeds?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Whether an interpreter is needed.' })
  @IsOptional()
  @IsBoolean()
  interpreterNeeded?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Set after a CLOSE_MATCH warning, once you have checked this is a different person.',
  })
  @IsOptional()
  @IsBoolean()
  confirmedDistinct?: boolean;

  @DayField({ description: 'The day of the rescue or exit (YYYY-MM-DD; may be historical).', optional: true })
  rescuedOn?: string;

  @TextField({ description: 'Where the rescue or exit took place (a town or district).', optional: true, max: 200 })
  rescuePlace?: string;

  @CountryField({ description: 'Country of the rescue or exit (ISO 3166-1 alpha-2).', optional: true })
  rescueCountry?: string;

  @DayField({
    description: 'The day the identification decision was taken (YYYY-MM-DD; today when omitted).',
    optional: true,
  })
  identifiedOn?: string;
}

@InputType({ description: 'Consent, given by the person, to share their identity with one agency for one purpose.' })
export class RecordConsentInput {
  @IdField({ description: 'The victim record.' })
  victimId: string;

  @IdField({ description: 'The agency that may receive the identity.' })
  recipientAgencyId: string;

  @EnumField(ConsentPurpose, { description: 'What it may be shared for.' })
  purpose: ConsentPurpose;

  @EnumField(ConsentMethod, { description: 'How the person gave it.' })
  method: ConsentMethod;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the person gave it (now when omitted).' })
  @IsOptional()
  @IsDate()
  givenAt?: Date;
}

@InputType({ description: 'Revokes a consent; the recipient loses access to the identity at once.' })
export class RevokeConsentInput {
  @IdField({ description: 'The consent.' })
  id: string;

  @ReasonField('Why it is revoked (as the person or the officer stated); kept in the history.')
  reason: string;
}

@InputType({ description: 'Moves a person along the protection track (owning agency).' })
export class ChangeProtectionStatusInput {
  @IdField({ description: 'The victim record.' })
  id: string;

  @EnumField(ProtectionStatus, { description: 'The new status.' })
  to: ProtectionStatus;

  @TextField({ description: 'Why; required for exits and for resuming after one.', optional: true, min: 3, max: 1000 })
  reason?: string;

  @DayField({ description: 'The day the step happened (YYYY-MM-DD; today when omitted).', optional: true })
  occurredOn?: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'Records an identification decision taken by your agency.' })
export class RecordIdentificationDecisionInput {
  @IdField({ description: 'The victim record.' })
  id: string;

  @EnumField(IdentificationStatus, { description: 'PRESUMED, IDENTIFIED or NOT_A_VICTIM.' })
  status: IdentificationStatus;

  @DayField({ description: 'The day the decision was taken (YYYY-MM-DD; today when omitted).', optional: true })
  identifiedOn?: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'Closes a possible-duplicate flag once the two agencies are reconciled.' })
export class ResolvePossibleDuplicateInput {
  @IdField({ description: 'The flag.' })
  id: string;

  @ReasonField('How it was reconciled (e.g. consent recorded for the second agency); kept in the history.')
  note: string;
}

@InputType({ description: 'Which victim records to list.' })
export class VictimFilter {
  @IdField({ description: 'Only people in this case.', optional: true })
  caseId?: string;

  @IdField({ description: 'Only records owned by this agency.', optional: true })
  owningAgencyId?: string;

  @EnumField(ProtectionStatus, { description: 'Only people at this point of the protection track.', optional: true })
  protectionStatus?: ProtectionStatus;

  @CodeField({ description: 'The pseudonymous code.', optional: true, max: 20 })
  code?: string;
}

@ArgsType()
export class VictimsArgs extends PageArgs {
  @Field(() => VictimFilter, { nullable: true, description: 'Filters; all must hold.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => VictimFilter)
  filter?: VictimFilter;
}

@InputType({ description: 'A service delivered to a person, recorded by the owning agency or a case participant.' })
export class RecordServiceDeliveredInput {
  @IdField({ description: 'The victim record.' })
  victimId: string;

  @EnumField(ReferralService, { description: 'The service delivered.' })
  service: ReferralService;

  @IdField({ description: 'The agency that delivered it (yours when omitted): an active agency.', optional: true })
  providerAgencyId?: string;

  @DayField({ description: 'The day it was delivered or began (YYYY-MM-DD; may be historical).' })
  deliveredOn: string;

  @DayField({ description: 'The last day, for a service over a period (YYYY-MM-DD).', optional: true })
  deliveredUntil?: string;

  @TextField({
    description: 'A note on the service. Refer to the person by code: a name or document number is refused.',
    optional: true,
    max: 1000,
  })
  note?: string;
}
