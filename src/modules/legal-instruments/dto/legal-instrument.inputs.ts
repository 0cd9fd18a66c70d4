import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';

import {
  CodeField,
  DayField,
  EnumField,
  ExpectedVersionField,
  IdField,
  IdListField,
  TextField,
  TextListField,
} from '@app/graphql/input-fields';
import { PageArgs } from '@app/graphql/pagination';

import { CommitmentStatus, LegalInstrumentKind } from '../legal-instrument.enums';

@InputType({ description: 'A new legal instrument.' })
export class CreateLegalInstrumentInput {
  @CodeField({ description: 'Short stable code, e.g. PERPRES-49-2023.', max: 60 })
  code: string;

  @EnumField(LegalInstrumentKind, { description: 'Kind of instrument.' })
  kind: LegalInstrumentKind;

  @TextField({ description: 'Title in Bahasa Indonesia.', min: 3, max: 500 })
  titleId: string;

  @TextField({ description: 'Title in English.', min: 3, max: 500 })
  titleEn: string;

  @TextField({ description: 'Official number.', optional: true, max: 60 })
  number?: string;

  @DayField({ description: 'Date signed or enacted (YYYY-MM-DD).', optional: true })
  signedOn?: string;

  @TextField({ description: 'Place of signature.', optional: true, max: 200 })
  signedAt?: string;

  @TextListField({ description: 'Parties as named in the instrument.', optional: true, maxItems: 30, maxLength: 200 })
  partyNames?: string[];

  @IdListField({ description: 'Directory agencies that are party to it.', optional: true, maxItems: 30 })
  partyAgencyIds?: string[];

  @TextField({ description: 'Notes.', optional: true, max: 4000 })
  notes?: string;
}

@InputType({ description: 'Changes to an instrument; set effectiveTo to record that it ended.' })
export class UpdateLegalInstrumentInput {
  @IdField({ description: 'The instrument.' })
  id: string;

  @ExpectedVersionField()
  expectedVersion?: number;

  @TextField({ description: 'Title in Bahasa Indonesia.', optional: true, min: 3, max: 500 })
  titleId?: string;

  @TextField({ description: 'Title in English.', optional: true, min: 3, max: 500 })
  titleEn?: string;

  @TextField({ description: 'Official number.', optional: true, max: 60 })
  number?: string;

  @DayField({ description: 'Date signed or enacted.', optional: true })
  signedOn?: string;

  @TextField({ description: 'Place of signature.', optional: true, max: 200 })
  signedAt?: string;

  @DayField({ description: 'Last day the instrument applies.', optional: true })
  effectiveTo?: string;

  @IdListField({ description: 'Directory agencies that are party (replaces the list).', optional: true, maxItems: 30 })
  partyAgencyIds?: string[];

  @TextField({ description: 'Notes.', optional: true, max: 4000 })
  notes?: string;
}

/** Days without activity before a commitment counts as stalled. */
const StallAfterDaysField = (): PropertyDecorator =>
  applyDecorators(
    Field(() => Int, {
      nullable: true,
      description: 'Days without activity before it counts as stalled (default 90).',
    }),
    IsOptional(),
    IsInt(),
    Min(7),
    Max(730),
  );

@InputType({ description: 'A new commitment area of an instrument.' })
export class AddAgreementCommitmentInput {
  @IdField({ description: 'The instrument.' })
  instrumentId: string;

  @CodeField({ description: 'Short stable code, e.g. KH-ID-IMM-2024-09.', max: 60 })
  code: string;

  @TextField({ description: 'The area in Bahasa Indonesia.', min: 3, max: 500 })
  titleId: string;

  @TextField({ description: 'The area in English.', min: 3, max: 500 })
  titleEn: string;

  @IdField({ description: 'Agency answerable for progress.', optional: true })
  ownerAgencyId?: string;

  @StallAfterDaysField()
  stallAfterDays?: number;
}

@InputType({ description: 'Changes to a commitment; omitted fields stay as they are.' })
export class UpdateAgreementCommitmentInput {
  @IdField({ description: 'The commitment.' })
  id: string;

  @TextField({ description: 'The area in Bahasa Indonesia.', optional: true, min: 3, max: 500 })
  titleId?: string;

  @TextField({ description: 'The area in English.', optional: true, min: 3, max: 500 })
  titleEn?: string;

  @IdField({ description: 'Agency answerable for progress.', optional: true })
  ownerAgencyId?: string;

  @EnumField(CommitmentStatus, { description: 'Progress status.', optional: true })
  status?: CommitmentStatus;

  @StallAfterDaysField()
  stallAfterDays?: number;
}

@InputType({ description: 'Narrows the instrument list.' })
export class LegalInstrumentFilter {
  @EnumField(LegalInstrumentKind, { description: 'Only this kind.', optional: true })
  kind?: LegalInstrumentKind;

  @TextField({ description: 'Words matched against code, number and titles.', optional: true, max: 100 })
  search?: string;

  @IdField({ description: 'Only instruments this agency is party to.', optional: true })
  partyAgencyId?: string;
}

@ArgsType()
export class LegalInstrumentsArgs extends PageArgs {
  @Field(() => LegalInstrumentFilter, { nullable: true, description: 'Conditions on the instruments.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LegalInstrumentFilter)
  filter?: LegalInstrumentFilter;
}
