import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';

import {
  CountryField,
  DayField,
  EnumField,
  EnumListField,
  ExpectedVersionField,
  IdField,
  TextField,
  TextListField,
} from '@app/graphql/input-fields';

import { SuspectRelation, SuspectRole, SuspectStatus } from '../suspect.enums';

@InputType({
  description: "A suspect's identity: sealed at rest, shown only to the case's investigators and prosecutors.",
})
export class SuspectIdentityInput {
  @TextField({ description: 'Full name, as known.', min: 1, max: 200 })
  fullName: string;

  @TextListField({
    description: 'Other names, nicknames, online handles.',
    optional: true,
    maxItems: 10,
    maxLength: 100,
  })
  aliases?: string[];

  @DayField({ description: 'Date of birth (YYYY-MM-DD), when known.', optional: true })
  dateOfBirth?: string;

  @TextField({ description: 'NIK, passport or other document number, when known.', optional: true, max: 40 })
  documentNumber?: string;

  @TextField({ description: 'Where they live or can be found.', optional: true, max: 500 })
  address?: string;
}

@ObjectType('SuspectIdentity', {
  description: "A suspect's identity (investigators and prosecutors; each read audited).",
})
export class SuspectIdentityView {
  @Field(() => String, { description: 'Full name.' })
  fullName: string;

  @Field(() => [String], { description: 'Other names.' })
  aliases: string[];

  @Field(() => String, { nullable: true, description: 'Date of birth (YYYY-MM-DD).' })
  dateOfBirth: string | null;

  @Field(() => String, { nullable: true, description: 'Document number.' })
  documentNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Address.' })
  address: string | null;
}

@InputType({ description: "A suspect in a case, recorded by the case's investigators or prosecutors." })
export class RecordSuspectInput {
  @IdField({ description: 'The case (one your agency investigates or prosecutes).' })
  caseId: string;

  @Field(() => SuspectIdentityInput, { description: 'Identity fields (encrypted at rest).' })
  @ValidateNested()
  @Type(() => SuspectIdentityInput)
  identity: SuspectIdentityInput;

  @EnumField(SuspectRole, { description: 'Their part in the trafficking chain.' })
  roleInChain: SuspectRole;

  @CountryField({ description: 'Nationality (ISO 3166-1 alpha-2), where known.', optional: true })
  nationality?: string;

  @EnumListField(SuspectRelation, { description: 'How they stand to the victims (e.g. RELATIVE).', optional: true })
  relationToVictims?: SuspectRelation[];

  @EnumField(SuspectStatus, {
    description:
      'Where they stand now: IDENTIFIED (default) or NAMED_SUSPECT; later steps through changeSuspectStatus.',
    optional: true,
  })
  status?: SuspectStatus;

  @DayField({ description: 'The day they reached that status (YYYY-MM-DD; today when omitted).', optional: true })
  statusOn?: string;
}

@InputType({ description: 'A step of a suspect in the criminal process, with its day.' })
export class ChangeSuspectStatusInput {
  @IdField({ description: 'The suspect.' })
  id: string;

  @EnumField(SuspectStatus, { description: 'The new status.' })
  to: SuspectStatus;

  @DayField({ description: 'The day of the step (YYYY-MM-DD; today when omitted).', optional: true })
  occurredOn?: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}
