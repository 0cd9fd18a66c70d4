import { Field, GraphQLISODateTime, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDate, IsOptional, ValidateNested } from 'class-validator';

import {
  CountryField,
  DayField,
  EnumField,
  IdField,
  IdListField,
  TextField,
  TextListField,
} from '@app/graphql/input-fields';
import { RegionCodeField } from '@app/modules/cases/dto/case-fields';
import { OperationKeyField } from '@app/modules/group-operations/operation-key.field';

import { ConsentEntity } from '../consent.entity';
import { VictimEntity } from '../victim.entity';
import {
  AgeBand,
  ConsentMethod,
  ConsentPurpose,
  IdentificationStatus,
  ProtectionStatus,
  SelfIdentification,
  Sex,
} from '../victim.enums';
import { VictimIdentityInput } from './victim.inputs';

/** Most groups are one rescue; a larger one is registered in several operations. */
export const MAX_GROUP_SIZE = 100;

@InputType({ description: 'One person of a group registration: their own identity and description.' })
export class VictimGroupMemberInput {
  @Field(() => VictimIdentityInput, { description: 'Identity fields (encrypted at rest).' })
  @ValidateNested()
  @Type(() => VictimIdentityInput)
  identity: VictimIdentityInput;

  @EnumField(Sex, { description: 'Sex as recorded.' })
  sex: Sex;

  @EnumField(AgeBand, { description: 'Age band.' })
  ageBand: AgeBand;

  @CountryField({ description: "Nationality, when it differs from the group's.", optional: true })
  nationality?: string;

  @RegionCodeField({ description: 'Region of origin: province (32) or regency/city (32.12).', optional: true })
  originRegion?: string;

  @TextListField({ description: 'Languages needed, ISO 639-1.', optional: true, maxItems: 10, maxLength: 3 })
  languageNeeds?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Whether an interpreter is needed.' })
  @IsOptional()
  @IsBoolean()
  interpreterNeeded?: boolean;

  @EnumField(SelfIdentification, {
    description: "Self-identification, when it differs from the group's.",
    optional: true,
  })
  selfIdentification?: SelfIdentification;

  @DayField({ description: "This person's rescue or exit day, when it differs from the group's.", optional: true })
  rescuedOn?: string;

  @TextField({ description: "This person's rescue place, when it differs from the group's.", optional: true, max: 200 })
  rescuePlace?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Set after a CLOSE_MATCH refusal for this row, once checked that this is a different person.',
  })
  @IsOptional()
  @IsBoolean()
  confirmedDistinct?: boolean;
}

@InputType({
  description:
    'Many people from one intake (a rescue): a shared case, place and date, each with their own identity. All or nothing; idempotent on operationKey.',
})
export class RegisterVictimGroupInput {
  @OperationKeyField()
  operationKey: string;

  @IdField({ description: 'The case they all belong to (one you may see).' })
  caseId: string;

  @CountryField({ description: 'Nationality of the group (ISO 3166-1 alpha-2, e.g. ID); a row may differ.' })
  nationality: string;

  @DayField({ description: 'The day of the rescue or exit (YYYY-MM-DD; may be historical).', optional: true })
  rescuedOn?: string;

  @TextField({ description: 'Where the rescue or exit took place (a town or district).', optional: true, max: 200 })
  rescuePlace?: string;

  @CountryField({ description: 'Country of the rescue or exit.', optional: true })
  rescueCountry?: string;

  @DayField({ description: 'The day of the identification decision (today when omitted).', optional: true })
  identifiedOn?: string;

  @EnumField(IdentificationStatus, { description: 'Identification decision (PRESUMED when omitted).', optional: true })
  identificationStatus?: IdentificationStatus;

  @EnumField(ProtectionStatus, { description: 'Protection track (IDENTIFIED when omitted).', optional: true })
  protectionStatus?: ProtectionStatus;

  @Field(() => [VictimGroupMemberInput], { description: `The people, 1 to ${MAX_GROUP_SIZE}.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GROUP_SIZE)
  @ValidateNested({ each: true })
  @Type(() => VictimGroupMemberInput)
  people: VictimGroupMemberInput[];
}

@ObjectType('VictimGroupRegistration', { description: 'The people a group registration wrote, in the order given.' })
export class VictimGroupRegistration {
  @Field(() => String, { description: 'The operation key the call was made under.' })
  operationKey: string;

  @Field(() => Boolean, {
    description: 'True when this answers a retry: the first call wrote these, this one nothing.',
  })
  replayed: boolean;

  @Field(() => [VictimEntity], { description: 'The records, in the order of the rows.' })
  victims: VictimEntity[];
}

@InputType({ description: 'Consent for a selection of people your agency owns, all for one agency and purpose.' })
export class RecordConsentForGroupInput {
  @OperationKeyField()
  operationKey: string;

  @IdListField({ description: 'The people (records your agency owns), 1 to 100, each once.', maxItems: MAX_GROUP_SIZE })
  @ArrayMinSize(1)
  victimIds: string[];

  @IdField({ description: 'The agency that may receive their identities.' })
  recipientAgencyId: string;

  @EnumField(ConsentPurpose, { description: 'What it may be shared for.' })
  purpose: ConsentPurpose;

  @EnumField(ConsentMethod, { description: 'How each person gave it.' })
  method: ConsentMethod;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When they gave it (now when omitted).' })
  @IsOptional()
  @IsDate()
  givenAt?: Date;
}

@ObjectType('ConsentGroupRecording', { description: 'The consents a group call recorded, in the order given.' })
export class ConsentGroupRecording {
  @Field(() => String, { description: 'The operation key the call was made under.' })
  operationKey: string;

  @Field(() => Boolean, {
    description: 'True when this answers a retry: the first call wrote these, this one nothing.',
  })
  replayed: boolean;

  @Field(() => [ConsentEntity], { description: 'The consents, in the order of victimIds.' })
  consents: ConsentEntity[];
}
