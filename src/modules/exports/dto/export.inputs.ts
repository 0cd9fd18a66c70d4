import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { PageArgs } from '@app/graphql/pagination';

import { ExportFormat, ExportKind } from '../export.enums';

@InputType({ description: 'An export to build in the background.' })
export class RequestExportInput {
  @Field(() => ExportKind, { description: 'What the export holds.' })
  @IsEnum(ExportKind)
  kind: ExportKind;

  @Field(() => ExportFormat, { description: 'CSV or XLSX (each kind says which it offers).' })
  @IsEnum(ExportFormat)
  format: ExportFormat;

  @Field(() => ID, {
    nullable: true,
    description:
      'The task-force unit whose area to export; your agency must hold its secretariat. May be left out when your ' +
      'agency holds the secretariat of one unit only.',
  })
  @IsOptional()
  @IsUUID('all')
  unitId?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'DEIDENTIFIED_PERSONS: every combination of quasi-identifiers in the file is shared by at least k people ' +
      '(default and minimum set by the operator, both 11 unless configured).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  k?: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'DEIDENTIFIED_PERSONS: only people identified in this year (e.g. 2023). ANNUAL_REPORT (required): the year reported on.',
  })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  year?: number;
}

@ArgsType()
export class MyExportsArgs extends PageArgs {}
