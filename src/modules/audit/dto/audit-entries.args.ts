import { ArgsType, Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

import { PageArgs } from '@app/graphql/pagination';

@InputType({ description: 'Narrows the audit trail; all given conditions must hold.' })
export class AuditEntryFilter {
  @Field(() => ID, { nullable: true, description: 'Only entries by this user.' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @Field(() => ID, { nullable: true, description: 'Only entries by users acting for this agency.' })
  @IsOptional()
  @IsUUID()
  actingAgencyId?: string;

  @Field(() => String, { nullable: true, description: 'Only this operation, e.g. updateAgency.' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  operation?: string;

  @Field(() => String, { nullable: true, description: 'Only records of this type, e.g. Agency.' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  targetType?: string;

  @Field(() => ID, { nullable: true, description: 'Only this record.' })
  @IsOptional()
  @IsUUID()
  targetId?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Entries at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Entries before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditEntriesArgs extends PageArgs {
  @Field(() => AuditEntryFilter, { nullable: true, description: 'Conditions on the entries.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEntryFilter)
  filter?: AuditEntryFilter;
}
